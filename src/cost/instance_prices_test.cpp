#include "cost/instance_prices.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace dsaudit::cost {
namespace {

TEST(InstancePricesTest, EveryEntryIsUniqueAndPlausible) {
  std::set<std::string_view> types;
  for (const InstancePrice& price : AllInstancePrices()) {
    EXPECT_TRUE(types.insert(price.type).second) << price.type;
    EXPECT_GT(price.usd_per_hour, 0) << price.type;
    EXPECT_GT(price.vcpus, 0u) << price.type;
    EXPECT_EQ(price.gpus > 0, !price.gpu_model.empty()) << price.type;
    // List prices run from cents to about $100 an hour.
    EXPECT_LT(price.usd_per_hour, 150) << price.type;
  }
}

TEST(InstancePricesTest, LookUpAndYearlyCost) {
  const InstancePrice* p3 = FindInstancePrice("p3.2xlarge");
  ASSERT_NE(p3, nullptr);
  EXPECT_EQ(p3->gpus, 1u);
  EXPECT_NEAR(p3->UsdPerYear(), 3.06 * 8760, 1e-6);
  EXPECT_EQ(FindInstancePrice("p3.3xlarge"), nullptr);
}

}  // namespace
}  // namespace dsaudit::cost
