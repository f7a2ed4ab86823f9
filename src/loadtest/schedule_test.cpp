#include "loadtest/schedule.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dsaudit::loadtest {
namespace {

TEST(ArrivalScheduleTest, ConstantRateIsEvenlySpaced) {
  Config config;
  config.open_model = true;
  config.rate = 100;
  config.duration_seconds = 1;
  ArrivalSchedule schedule(config, 1.0, 1.0);
  EXPECT_NEAR(schedule.Next(), 0.01, 1e-12);
  EXPECT_NEAR(schedule.Next(), 0.02, 1e-12);
  int count = 2;
  while (std::isfinite(schedule.Next())) ++count;
  EXPECT_NEAR(count, 100, 1);
}

TEST(ArrivalScheduleTest, RampFromZeroMatchesTheIntegral) {
  // 0 -> 100/s over 10 s: N(t) = 5 t^2, so the k-th request is due at sqrt(k/5).
  Config config;
  config.open_model = true;
  config.stages = {{10, 100}};
  ArrivalSchedule schedule(config, 1.0, 1.0);
  for (int k = 1; k <= 400; ++k) {
    ASSERT_NEAR(schedule.Next(), std::sqrt(k / 5.0), 1e-9) << k;
  }
}

TEST(ArrivalScheduleTest, StagesAddUpAndEnd) {
  Config config;
  config.open_model = true;
  config.stages = {{2, 50}, {2, 50}, {1, 0}};
  ArrivalSchedule schedule(config, 0.5, 1.0);  // half of: 50 + 100 + 25 arrivals
  int count = 0;
  while (std::isfinite(schedule.Next())) ++count;
  EXPECT_NEAR(count, 87, 1);
}

TEST(ArrivalScheduleTest, ZeroRateNeverFires) {
  Config config;
  config.open_model = true;
  config.rate = 0;
  for (double phase : {0.0, 0.5, 1.0}) {
    ArrivalSchedule schedule(config, 1.0, phase);
    EXPECT_TRUE(std::isinf(schedule.Next()));
  }
}

}  // namespace
}  // namespace dsaudit::loadtest
