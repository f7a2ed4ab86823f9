#include "load/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace dsaudit::load {
namespace {

// Four weeks of a clean daily cycle (100 +- 50 requests an hour).
std::vector<double> DailyCycle(size_t hours) {
  std::vector<double> y;
  for (size_t h = 0; h < hours; ++h) y.push_back(100 + 50 * std::sin(2 * std::numbers::pi * static_cast<double>(h % 24) / 24));
  return y;
}

TEST(ForecastTest, ARegularCycleIsForecastWithASmallBacktestError) {
  ForecastResult f = ForecastHourly(DailyCycle(4 * 168), 48);
  ASSERT_TRUE(f.ok) << f.reason;
  EXPECT_TRUE(f.weekly);
  EXPECT_EQ(f.mean.size(), 48u);
  EXPECT_EQ(f.backtest_hours, 168u);
  EXPECT_LT(f.backtest_error, 0.02);
  EXPECT_NEAR(f.mean[6], 150, 5) << "the cycle's top, 6 hours into the day";
}

TEST(ForecastTest, ALongHistoryIsFittedWhole) {
  // A year: the smoothing constants are chosen on the last eight weeks, the
  // model is then fitted to all of it; the cycle is still forecast closely.
  ForecastResult f = ForecastHourly(DailyCycle(52 * 168), 48);
  ASSERT_TRUE(f.ok) << f.reason;
  EXPECT_LT(f.backtest_error, 0.02);
  EXPECT_NEAR(f.mean[6], 150, 5);
}

TEST(ForecastTest, NoForecastFromUnderThreeDays) {
  ForecastResult f = ForecastHourly(DailyCycle(71), 48);
  EXPECT_FALSE(f.ok);
  EXPECT_EQ(f.reason, "needs at least 3 days of hourly history (72 full hours)");
}

TEST(ForecastTest, AHeldOutPeriodWithoutRequestsIsNotAZeroError) {
  // Traffic stopped a week ago: there is nothing to measure the error against.
  std::vector<double> y = DailyCycle(4 * 168);
  for (size_t h = 3 * 168; h < y.size(); ++h) y[h] = 0;
  ForecastResult f = ForecastHourly(y, 24);
  ASSERT_TRUE(f.ok) << f.reason;
  EXPECT_TRUE(std::isnan(f.backtest_error));
}

}  // namespace
}  // namespace dsaudit::load
