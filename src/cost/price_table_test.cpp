#include "cost/price_table.h"

#include <gtest/gtest.h>

#include <set>

#include "cost/embedded_prices.h"
#include "cost/price_csv.h"

namespace dsaudit::cost {
namespace {

std::vector<PriceRow> Rows(std::string_view body) {
  std::vector<PriceRow> rows;
  std::string error;
  std::string text =
      "provider,region,kind,item,vcpus,memory_gib,gpus,gpu_model,price,currency,unit,included,"
      "source,date\n" +
      std::string(body);
  EXPECT_TRUE(ParsePriceCsv(text, "t.csv", &rows, &error)) << error;
  return rows;
}

TEST(PriceTableTest, EveryShippedFileIsEmbeddedAndParses) {
  std::set<std::string_view> names;
  for (const EmbeddedFile& file : EmbeddedPriceFiles()) names.insert(file.name);
  for (std::string_view name :
       {"data/prices/aws.csv", "data/prices/gcp.csv", "data/prices/azure.csv",
        "data/prices/hetzner.csv", "data/prices/ovh.csv", "data/prices/scaleway.csv",
        "data/prices/currency.csv"}) {
    EXPECT_TRUE(names.contains(name)) << name;
  }
  const PriceTable& table = ShippedPrices();
  std::set<std::string> providers;
  for (const InstancePrice& instance : table.instances) providers.insert(instance.provider);
  EXPECT_EQ(providers,
            (std::set<std::string>{"aws", "azure", "gcp", "hetzner", "ovh", "scaleway"}));
  // Every provider prices its egress and its object storage.
  for (const std::string& provider : providers) {
    auto has = [&](const std::vector<UsagePrice>& prices) {
      return std::any_of(prices.begin(), prices.end(),
                         [&](const UsagePrice& p) { return p.provider == provider; });
    };
    EXPECT_TRUE(has(table.egress)) << provider;
    EXPECT_TRUE(has(table.storage)) << provider;
  }
}

TEST(PriceTableTest, UnitsBecomeTbAndCurrenciesUsd) {
  PriceTable table;
  std::string error;
  ASSERT_TRUE(BuildPriceTable(Rows("x,r,egress,out,0,0,0,,0.09,USD,gb,100,s,2025-06\n"
                                   "y,r,storage,blob,0,0,0,,4,EUR,tb-month,1,s,2025-06\n"
                                   "y,r,compute,vm,2,4,0,,7.30,EUR,month,20,s,2025-06\n"
                                   "ecb,,fx,EUR,0,0,0,,1.25,USD,rate,0,s,2025-06\n"),
                              &table, &error))
      << error;
  ASSERT_EQ(table.egress.size(), 1u);
  // 0.09 USD per GB = 90 USD per TB; 100 GB free = 0.1 TB.
  EXPECT_NEAR(table.egress[0].usd_per_tb, 90, 1e-9);
  EXPECT_NEAR(table.egress[0].included_tb, 0.1, 1e-12);
  // 4 EUR per TB-month x 1.25 = 5 USD.
  ASSERT_EQ(table.storage.size(), 1u);
  EXPECT_NEAR(table.storage[0].usd_per_tb, 5, 1e-12);
  // 7.30 EUR a month x 1.25 = 9.125 USD a month = 0.0125 USD over each of 730 hours.
  ASSERT_EQ(table.instances.size(), 1u);
  EXPECT_NEAR(table.instances[0].usd_per_hour, 0.0125, 1e-12);
  EXPECT_NEAR(table.instances[0].UsdPerYear(), 9.125 * 12, 1e-9);
  EXPECT_EQ(table.instances[0].included_egress_tb, 20);
}

TEST(PriceTableTest, AMissingRateNamesTheRow) {
  PriceTable table;
  std::string error;
  EXPECT_FALSE(
      BuildPriceTable(Rows("x,r,compute,vm,2,4,0,,1,CHF,hour,0,s,2025-06\n"), &table, &error));
  EXPECT_EQ(
      error,
      "t.csv:2: no conversion rate from CHF to USD (add a row: kind fx, item CHF, price in USD, "
      "currency USD, unit rate)");
}

TEST(PriceTableTest, OverlayReplacesTheSameItemAndAddsNewOnes) {
  std::vector<PriceRow> base = Rows(
      "x,r,compute,vm,2,4,0,,1,USD,hour,0,s,2025-06\n"
      "ecb,,fx,EUR,0,0,0,,1.10,USD,rate,0,s,2025-06\n");
  OverlayPriceRows(base, Rows("x,r,compute,vm,2,4,0,,0.5,USD,hour,0,mine,2026-01\n"
                              "x,other,compute,vm,2,4,0,,0.7,USD,hour,0,mine,2026-01\n"
                              "ecb,,fx,EUR,0,0,0,,1.20,USD,rate,0,mine,2026-01\n"));
  ASSERT_EQ(base.size(), 3u);
  EXPECT_EQ(base[0].price, 0.5);
  EXPECT_EQ(base[1].price, 1.20);
  EXPECT_EQ(base[2].region, "other");
}

}  // namespace
}  // namespace dsaudit::cost
