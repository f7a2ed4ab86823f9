#include "plan/plan_report.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "plan/plan_test_util.h"

namespace dsaudit::plan {
namespace {

bool Has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Plan OverBudgetPlan() {
  return TestPlan(TestInput(),
                  TestPrices("gold,g1,compute,gold,64,512,0,,10,USD,hour,0,s,2025-06\n"));
}

TEST(PlanReportTest, TextShowsSizingRankingCheapestKubernetesAndPriceAge) {
  std::string text = RenderPlanText(TestPlan(TestInput(), TestPrices()), {});
  EXPECT_TRUE(
      Has(text, "100.0 req/s x 50 ms = 5.00 busy cores; at 80% utilisation 6.25 cores (test)"))
      << text;
  EXPECT_TRUE(
      Has(text,
          "100.0 req/s x 0.300 s = 30.0 requests at once (Little's law); at 80% utilisation 38 "
          "workers"));
  EXPECT_TRUE(Has(text, "38 workers x 1024 MiB = 38.0 GiB"));
  EXPECT_TRUE(Has(
      text,
      "  # provider instance vCPU GiB servers compute egress storage monthly  yearly x cheapest\n"
      "  1 euro     box         4  16     3+1    $350  $0.00  $30.00    $380  $4,565       1.00\n"
      "  2 acme     big         8  32     2+1    $657   $495    $100  $1,252 $15,024       3.29\n"))
      << text;
  EXPECT_TRUE(Has(text, "Cheapest that meets the peak: euro box (e1): 4 servers"));
  // 6.25 cores -> 7 one-CPU pods at peak, 8 with the spare; 38 / 7 -> 6 workers of 1 GiB.
  EXPECT_TRUE(Has(text, "Kubernetes: 8 pods of 1 CPU (7 for the peak + 1 spare), 6 workers each:"));
  EXPECT_TRUE(Has(text, "    requests:\n      cpu: 1000m\n      memory: 6144Mi\n"));
  EXPECT_TRUE(Has(text, "EUR converted to USD at 1.2 (s, 2025-03)."));
  EXPECT_FALSE(Has(text, "Above $100,000"));
}

TEST(PlanReportTest, TextFlagsTheBudgetAndAllListsEveryOption) {
  std::string text = RenderPlanText(OverBudgetPlan(), {.all_options = true});
  EXPECT_TRUE(Has(text, "$175,200 *")) << text;
  EXPECT_TRUE(Has(text, "  * above $100,000 a year\n"));
  EXPECT_TRUE(Has(text, "Above $100,000 a year: gold ($175,200)."));
  EXPECT_TRUE(Has(text, "  - resource quotas"));
  // --all: small is listed though acme's cheapest is big.
  EXPECT_TRUE(Has(text, " small ")) << text;
}

TEST(PlanReportTest, MarkdownTableAndYaml) {
  std::string md = RenderPlanMarkdown(OverBudgetPlan(), {});
  EXPECT_TRUE(Has(
      md,
      "| # | provider | instance | vCPU | GiB | servers | compute | egress | storage | monthly | "
      "yearly | x cheapest |\n| ---: | --- | --- | ---: |"))
      << md;
  EXPECT_TRUE(Has(
      md, "| 1 | euro | box | 4 | 16 | 3+1 | $350 | $0.00 | $30.00 | $380 | $4,565 | 1.00 |\n"));
  EXPECT_TRUE(Has(
      md,
      "| 3 | gold | gold | 64 | 512 | 1+1 | $14,600 | n/a | n/a | $14,600 | $175,200 * | 38.38 |"));
  EXPECT_TRUE(Has(md, "## Above $100,000 a year"));
  EXPECT_TRUE(Has(md, "```yaml\n# Deployment"));
}

TEST(PlanReportTest, JsonCarriesTheFiguresAndParses) {
  std::string json = RenderPlanJson(OverBudgetPlan());
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(json).get(root), simdjson::SUCCESS) << json;
  EXPECT_EQ(std::string_view(root["schema"]), "dsaudit-plan/1");
  EXPECT_EQ(double(root["conventions"]["hours_per_month"]), 730);
  EXPECT_EQ(double(root["requirements"]["cores"]), 6.25);
  EXPECT_EQ(uint64_t(root["requirements"]["workers"]), 38u);
  EXPECT_EQ(std::string_view(root["cheapest"]["instance"]), "box");
  EXPECT_EQ(double(root["cheapest"]["monthly_usd"]["total"]), 380.4);
  EXPECT_EQ(double(root["cheapest"]["yearly_usd"]), 4564.8);
  EXPECT_EQ(double(root["providers"].at(1)["ratio_to_cheapest"]), 3.2913);
  EXPECT_EQ(std::string_view(root["providers"].at(2)["provider"]), "gold");
  EXPECT_TRUE(bool(root["providers"].at(2)["over_budget"]));
  EXPECT_TRUE(root["providers"].at(2)["egress_item"].is_null());
  EXPECT_EQ(std::string_view(root["budget"]["over_budget_providers"].at(0)), "gold");
  EXPECT_EQ(simdjson::dom::array(root["budget"]["advice"]).size(), 4u);
  // 6.25 cores: 7 pods at peak, 8 replicas, and a rolling update's 25% surge of 2.
  EXPECT_EQ(uint64_t(root["kubernetes"]["replicas"]), 8u);
  EXPECT_EQ(uint64_t(root["kubernetes"]["quota"]["pods"]), 10u);
  EXPECT_EQ(uint64_t(root["prices"]["months_old"]), 23u);
  EXPECT_TRUE(root["quiet_hours"].is_null());
}

TEST(PlanReportTest, HtmlIsOnePageWithAChartAndNothingFetched) {
  std::string html = RenderPlanHtml(OverBudgetPlan(), {});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(Has(html, "Content-Security-Policy"));
  EXPECT_TRUE(Has(html, "<svg")) << html;
  EXPECT_TRUE(Has(html, "aria-label=\"yearly cost per provider\""));
  EXPECT_TRUE(Has(html, "<tr class=\"best\">"));
  EXPECT_TRUE(Has(html, "<tr class=\"over\">"));
  EXPECT_TRUE(Has(html, "pods: &quot;10&quot;"));
  EXPECT_FALSE(Has(html, "<script"));
  EXPECT_FALSE(Has(html, "src=\""));
  EXPECT_FALSE(Has(html, "href=\""));
}

}  // namespace
}  // namespace dsaudit::plan
