#include "plan/quiet_hours.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dsaudit::plan {
namespace {

TEST(QuietHoursTest, FindsTheQuietestWindowAcrossMidnight) {
  // Busy days, quiet from 22:00 to 02:00: hours 22, 23, 0, 1 carry 1 request/s, the rest 10.
  std::vector<double> profile(24, 10.0);
  for (int hour : {22, 23, 0, 1}) profile[static_cast<size_t>(hour)] = 1;
  profile[13] = 40;
  std::optional<QuietWindow> quiet = QuietestWindow(profile, 4, 60);
  ASSERT_TRUE(quiet.has_value());
  EXPECT_EQ(quiet->start_hour, 22);
  EXPECT_EQ(quiet->hours, 4);
  EXPECT_DOUBLE_EQ(quiet->mean_rps, 1);
  EXPECT_DOUBLE_EQ(quiet->busiest_rps, 40);
  EXPECT_EQ(quiet->utc_offset_minutes, 60);
}

TEST(QuietHoursTest, TiesGoToTheEarliestStart) {
  std::vector<double> profile(24, 5.0);
  profile[3] = profile[4] = 1;
  profile[15] = profile[16] = 1;
  std::optional<QuietWindow> quiet = QuietestWindow(profile, 2, 0);
  ASSERT_TRUE(quiet.has_value());
  EXPECT_EQ(quiet->start_hour, 3);
}

TEST(QuietHoursTest, HoursTheLogDoesNotCoverAreNotQuiet) {
  // A log of 08:00-19:59 only: the night is unknown, not quiet.
  std::vector<double> profile(24, std::nan(""));
  for (size_t h = 8; h < 20; ++h) profile[h] = 10;
  profile[12] = profile[13] = 4;
  profile[17] = 30;
  std::optional<QuietWindow> quiet = QuietestWindow(profile, 2, 0);
  ASSERT_TRUE(quiet.has_value());
  EXPECT_EQ(quiet->start_hour, 12);
  EXPECT_DOUBLE_EQ(quiet->mean_rps, 4);
  EXPECT_DOUBLE_EQ(quiet->busiest_rps, 30);
  EXPECT_FALSE(QuietestWindow(profile, 13, 0).has_value()) << "no 13 covered hours in a row";
}

TEST(QuietHoursTest, NoWindowWithoutAFullProfileOrTraffic) {
  EXPECT_FALSE(QuietestWindow(std::vector<double>(7, 1.0), 4, 0).has_value());
  EXPECT_FALSE(QuietestWindow(std::vector<double>(24, 0.0), 4, 0).has_value());
  EXPECT_FALSE(QuietestWindow(std::vector<double>(24, 1.0), 25, 0).has_value());
}

}  // namespace
}  // namespace dsaudit::plan
