#include "plan/plan_wording.h"

#include <gtest/gtest.h>

#include "plan/plan_test_util.h"

namespace dsaudit::plan {
namespace {

TEST(PlanWordingTest, DollarsWithCentsOnlyForSmallAmounts) {
  EXPECT_EQ(Usd(0), "$0.00");
  EXPECT_EQ(Usd(0.5), "$0.50");
  EXPECT_EQ(Usd(99.994), "$99.99");
  EXPECT_EQ(Usd(100), "$100");
  EXPECT_EQ(Usd(4564.8), "$4,565");
  EXPECT_EQ(Usd(1234567.5), "$1,234,568");
}

TEST(PlanWordingTest, QuietHoursWithTheirTimeZone) {
  QuietWindow quiet{
      .start_hour = 22, .hours = 4, .mean_rps = 1, .busiest_rps = 9, .utc_offset_minutes = -330};
  EXPECT_EQ(QuietHoursText(quiet), "22:00-02:00 (UTC-05:30)");
  quiet.utc_offset_minutes = 60;
  quiet.start_hour = 2;
  EXPECT_EQ(QuietHoursText(quiet), "02:00-06:00 (UTC+01:00)");
}

TEST(PlanWordingTest, TableCellsOfAnOption) {
  Plan plan = TestPlan(TestInput(), TestPrices());
  // box: 3 + 1 servers, 350.40 compute, no egress beyond the included, 30 storage; 380.40 a
  // month, 4,564.80 a year (see plan_test.cpp).
  EXPECT_EQ(OptionCells(1, plan.by_provider[0]),
            (std::vector<std::string>{"1", "euro", "box", "4", "16", "3+1", "$350", "$0.00",
                                      "$30.00", "$380", "$4,565", "1.00"}));
  EXPECT_EQ(OptionCells(2, plan.by_provider[1]),
            (std::vector<std::string>{"2", "acme", "big", "8", "32", "2+1", "$657", "$495", "$100",
                                      "$1,252", "$15,024", "3.29"}));
  EXPECT_EQ(CheapestSentence(plan),
            "euro box (e1): 4 servers (3 for the peak + 1 spare, limited by memory), $380 a month, "
            "$4,565 a year");
  EXPECT_EQ(PriceAgeSentence(plan),
            "Prices are on-demand list prices dated 2025-01 to 2025-06, the oldest 23 months old "
            "on 2026-12-04; "
            "they change, so check them or pass your own with --prices FILE.");
}

TEST(PlanWordingTest, TheArticlesAdviceAboveTheBudget) {
  PlanInput input = TestInput();
  input.quiet = QuietWindow{
      .start_hour = 1, .hours = 4, .mean_rps = 0.5, .busiest_rps = 20, .utc_offset_minutes = 0};
  Plan plan =
      TestPlan(input, TestPrices("gold,g1,compute,gold,64,512,0,,10,USD,hour,0,s,2025-06\n"));
  EXPECT_EQ(OverBudgetSentence(plan),
            "Above $100,000 a year: gold ($175,200). The article: when forecast hosting costs "
            "exceed $100,000 a "
            "year, a deep analysis of how the infrastructure is used is mandatory:");
  std::vector<std::string> advice = BudgetAdvice(plan);
  ASSERT_EQ(advice.size(), 4u);
  // 175,200 / 4,564.80 = 38.4.
  EXPECT_EQ(
      advice[0],
      "a more modest configuration: fewer or smaller servers, or a cheaper provider (euro costs "
      "38.4x less than gold)");
  EXPECT_NE(advice[1].find("resource quotas"), std::string::npos);
  EXPECT_NE(advice[2].find("databases, message brokers, search engines"), std::string::npos);
  EXPECT_NE(advice[3].find("01:00-05:00 (UTC+00:00) is the quietest window"), std::string::npos)
      << advice[3];
}

}  // namespace
}  // namespace dsaudit::plan
