#include "load/time_axis.h"

#include <gtest/gtest.h>

namespace dsaudit::load {
namespace {

constexpr int64_t kMonday = 1767571200;  // 2026-01-05T00:00:00Z

std::vector<std::string> Labels(const std::vector<reports::ChartMark>& ticks) {
  std::vector<std::string> labels;
  for (const reports::ChartMark& tick : ticks) labels.push_back(tick.label);
  return labels;
}

TEST(TimeAxisTest, WithinOneDayTicksAreClockTimes) {
  auto ticks = TimeTicks(kMonday + 600, kMonday + 23 * 3600, 8);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"03:00", "06:00", "09:00", "12:00", "15:00", "18:00",
                                                     "21:00"}));
  EXPECT_DOUBLE_EQ(ticks.front().x, kMonday + 3 * 3600);
}

TEST(TimeAxisTest, AcrossDaysHoursCarryTheDate) {
  auto ticks = TimeTicks(kMonday + 20 * 3600, kMonday + 40 * 3600, 8);
  EXPECT_EQ(Labels(ticks).front(), "Jan 5 21:00");
  EXPECT_EQ(Labels(ticks).back(), "Jan 6 15:00");
}

TEST(TimeAxisTest, LongRangesTickOnMondays) {
  auto ticks = TimeTicks(kMonday + 3600, kMonday + 35 * 86400, 8);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"Jan 12", "Jan 19", "Jan 26", "Feb 2", "Feb 9"}));
}

TEST(TimeAxisTest, NeverMoreThanAsked) {
  for (int64_t days : {1, 3, 10, 100, 1000}) {
    EXPECT_LE(TimeTicks(kMonday, kMonday + days * 86400, 6).size(), 6u) << days;
  }
  EXPECT_TRUE(TimeTicks(kMonday, kMonday - 1, 6).empty());
}

}  // namespace
}  // namespace dsaudit::load
