#include "plan/plan.h"

#include <gtest/gtest.h>

#include "plan/plan_test_util.h"

namespace dsaudit::plan {
namespace {

const Option* Find(const Plan& plan, std::string_view type) {
  for (const Option& option : plan.options) {
    if (option.instance.type == type) return &option;
  }
  return nullptr;
}

TEST(CapacityPlanTest, ServersAndMonthlyAndYearlyCostPerInstanceType) {
  Plan plan = TestPlan(TestInput(), TestPrices());
  EXPECT_DOUBLE_EQ(plan.need.cores, 6.25);
  EXPECT_EQ(plan.need.workers, 38u);
  // GPU machines, database classes and burstable machines (however cheap) are not candidates.
  ASSERT_EQ(plan.options.size(), 3u);

  // small, 2 vCPU / 4 GiB: cpu 6.25 / 2 = 3.1, memory 38 / 4 = 9.5 -> 10 + 1 = 11 servers.
  // compute 11 x 0.10 x 730 = 803; egress (10 TB - 0.1 free) x 50 = 495; storage 5 x 20 = 100.
  const Option* small = Find(plan, "small");
  ASSERT_NE(small, nullptr);
  EXPECT_EQ(small->servers.total, 11u);
  EXPECT_STREQ(small->servers.limited_by, "memory");
  EXPECT_NEAR(small->compute_usd, 803, 1e-9);
  EXPECT_NEAR(small->egress_usd, 495, 1e-9);
  EXPECT_NEAR(small->storage_usd, 100, 1e-9);
  EXPECT_NEAR(small->monthly_usd, 1398, 1e-9);
  EXPECT_NEAR(small->yearly_usd, 16776, 1e-9);

  // big, 8 / 32: memory 38 / 32 = 1.19 -> 2 + 1 = 3; 3 x 0.30 x 730 = 657 + 495 + 100 = 1,252 a
  // month.
  const Option* big = Find(plan, "big");
  ASSERT_NE(big, nullptr);
  EXPECT_EQ(big->servers.total, 3u);
  EXPECT_NEAR(big->monthly_usd, 1252, 1e-9);
  EXPECT_NEAR(big->yearly_usd, 15024, 1e-9);

  // box, 4 / 16 at 73 EUR a month = 87.60 USD: memory 38 / 16 = 2.4 -> 3 + 1 = 4 servers = 350.40;
  // 4 x 20 TB included covers the 10 TB of egress; storage 5 x 5 EUR x 1.2 = 30. 380.40 a month.
  const Option* box = Find(plan, "box");
  ASSERT_NE(box, nullptr);
  EXPECT_EQ(box->servers.total, 4u);
  EXPECT_NEAR(box->compute_usd, 350.4, 1e-9);
  EXPECT_EQ(box->egress_usd, 0);
  EXPECT_NEAR(box->storage_usd, 30, 1e-9);
  EXPECT_NEAR(box->yearly_usd, 4564.8, 1e-9);
}

TEST(CapacityPlanTest, RankedCheapestFirstWithRatiosAndOneRowPerProvider) {
  Plan plan = TestPlan(TestInput(), TestPrices());
  ASSERT_EQ(plan.options.size(), 3u);
  EXPECT_EQ(plan.options[0].instance.type, "box");
  EXPECT_EQ(plan.options[1].instance.type, "big");
  EXPECT_EQ(plan.options[2].instance.type, "small");
  // 15,024 / 4,564.80 and 16,776 / 4,564.80.
  EXPECT_DOUBLE_EQ(plan.options[0].ratio, 1);
  EXPECT_NEAR(plan.options[1].ratio, 3.29127, 1e-5);
  EXPECT_NEAR(plan.options[2].ratio, 3.67508, 1e-5);
  ASSERT_EQ(plan.by_provider.size(), 2u);
  EXPECT_EQ(plan.Cheapest().instance.type, "box");
  EXPECT_EQ(plan.by_provider[1].instance.type, "big");
  EXPECT_FALSE(plan.AnyOverBudget());
}

TEST(CapacityPlanTest, PriceDatesAndRatesBehindTheRanking) {
  Plan plan = TestPlan(TestInput(), TestPrices());
  EXPECT_EQ(plan.oldest_date, "2025-01");
  EXPECT_EQ(plan.newest_date, "2025-06");
  // January 2025 to December 2026.
  EXPECT_EQ(plan.months_old, 23);
  ASSERT_EQ(plan.rates.size(), 1u);
  EXPECT_EQ(plan.rates[0].currency, "EUR");
  EXPECT_EQ(plan.rates[0].usd, 1.2);
}

TEST(CapacityPlanTest, AYearlyBillAboveOneHundredThousandIsFlagged) {
  // Two servers at the least (N+1) of 10 USD an hour: 2 x 10 x 730 = 14,600 a month, 175,200 a
  // year.
  Plan plan =
      TestPlan(TestInput(), TestPrices("gold,g1,compute,gold,64,512,0,,10,USD,hour,0,s,2025-06\n"));
  ASSERT_EQ(plan.by_provider.size(), 3u);
  const Option& gold = plan.by_provider.back();
  EXPECT_EQ(gold.instance.type, "gold");
  EXPECT_EQ(gold.servers.total, 2u);
  EXPECT_NEAR(gold.yearly_usd, 175200, 1e-6);
  EXPECT_TRUE(gold.over_budget);
  EXPECT_FALSE(plan.Cheapest().over_budget);
  EXPECT_TRUE(plan.AnyOverBudget());
}

TEST(CapacityPlanTest, GpusOnlyOnGpuMachines) {
  PlanInput input = TestInput();
  input.demand.gpus = 2;
  Plan plan = TestPlan(input, TestPrices());
  ASSERT_EQ(plan.options.size(), 1u);
  // gpu1 has one GPU: 2 GPUs -> 2 at peak + 1 = 3; 3 x 1.00 x 730 = 2,190 + 495 + 100.
  EXPECT_EQ(plan.options[0].instance.type, "gpu1");
  EXPECT_EQ(plan.options[0].servers.total, 3u);
  EXPECT_STREQ(plan.options[0].servers.limited_by, "gpu");
  EXPECT_NEAR(plan.options[0].monthly_usd, 2785, 1e-9);
}

TEST(CapacityPlanTest, ProviderFilterAndNothingThatFits) {
  PlanInput input = TestInput();
  input.providers = {"acme"};
  Plan plan = TestPlan(input, TestPrices());
  ASSERT_EQ(plan.by_provider.size(), 1u);
  EXPECT_EQ(plan.Cheapest().instance.type, "big");

  input.providers = {"euro"};
  input.demand.gpus = 1;
  std::string error;
  EXPECT_FALSE(BuildPlan(input, TestPrices(), &plan, &error));
  EXPECT_EQ(
      error,
      "no GPU instance in the price table fits (check --providers, --max-servers or --prices)");
}

TEST(CapacityPlanTest, MaxServersLeavesOutTypesThatNeedMore) {
  // small needs 11 servers, box 4, big 3 (see above): at most 4 leaves box and big.
  PlanInput input = TestInput();
  input.max_servers = 4;
  Plan plan = TestPlan(input, TestPrices());
  ASSERT_EQ(plan.options.size(), 2u);
  EXPECT_EQ(plan.options[0].instance.type, "box");
  EXPECT_EQ(plan.options[1].instance.type, "big");
}

TEST(CapacityPlanTest, MonthsBetweenDates) {
  EXPECT_EQ(MonthsBetween("2025-06", "2026-12-04"), 18);
  EXPECT_EQ(MonthsBetween("2025-06-30", "2025-07-01"), 1);
  EXPECT_EQ(MonthsBetween("2026-12", "2026-12-31"), 0);
}

}  // namespace
}  // namespace dsaudit::plan
