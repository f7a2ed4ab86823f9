#include "load/traffic_series.h"

#include <gtest/gtest.h>

namespace dsaudit::load {
namespace {

TEST(TrafficSeriesTest, ShortTimelinesKeepEveryMinute) {
  TrafficSeries series = DownsampleMinutes({60, 120, 0}, 1000, 600);
  EXPECT_EQ(series.step_s, 60);
  EXPECT_EQ(series.start, 1000 * 60);
  EXPECT_EQ(series.mean_rps, (std::vector<double>{1, 2, 0}));
  EXPECT_EQ(series.peak_minute_rps, series.mean_rps);
}

TEST(TrafficSeriesTest, LongTimelinesUseAlignedStepsAndKeepTheBusiestMinute) {
  // Two days of 60 requests a minute with one minute of 6000 at noon on day one.
  std::vector<uint64_t> per_minute(2 * 1440, 60);
  per_minute[720] = 6000;
  const int64_t midnight = 20000 * 1440;
  TrafficSeries series = DownsampleMinutes(per_minute, midnight, 100);
  EXPECT_EQ(series.step_s, 30 * 60);  // 96 points of half an hour
  ASSERT_EQ(series.mean_rps.size(), 96u);
  EXPECT_EQ(series.start, midnight * 60);
  EXPECT_DOUBLE_EQ(series.mean_rps[0], 1.0);
  EXPECT_DOUBLE_EQ(series.peak_minute_rps[24], 100.0);
  EXPECT_DOUBLE_EQ(series.mean_rps[24], (29 * 60 + 6000) / 1800.0);
}

TEST(TrafficSeriesTest, PartialStepsAverageOnlyTheirMinutesInside) {
  // Starts ten minutes before a half hour: the first step holds ten minutes.
  std::vector<uint64_t> per_minute(200, 120);
  TrafficSeries series = DownsampleMinutes(per_minute, 20 * 30 * 7 - 10, 10);
  EXPECT_EQ(series.step_s, 30 * 60);
  EXPECT_EQ(series.start % 1800, 0);
  for (double rate : series.mean_rps) EXPECT_DOUBLE_EQ(rate, 2.0);
}

TEST(TrafficSeriesTest, NothingInNothingOut) {
  EXPECT_TRUE(DownsampleMinutes({}, 0, 600).mean_rps.empty());
}

}  // namespace
}  // namespace dsaudit::load
