#include "load/civil_time.h"

#include <gtest/gtest.h>

namespace dsaudit::load {
namespace {

TEST(CivilTimeTest, ClfTimeAppliesTheOffset) {
  Timestamp t;
  ASSERT_TRUE(ParseClfTime("10/Oct/2000:13:55:36 -0700", &t));
  EXPECT_EQ(t.unix_seconds, 971211336);  // date -d '2000-10-10 13:55:36 -0700' +%s
  EXPECT_EQ(t.offset_minutes, -420);
  EXPECT_EQ(FormatIsoUtc(t.unix_seconds), "2000-10-10T20:55:36Z");
}

TEST(CivilTimeTest, ClfTimeRejectsBadFields) {
  Timestamp t;
  EXPECT_FALSE(ParseClfTime("10/Foo/2000:13:55:36 -0700", &t));
  EXPECT_FALSE(ParseClfTime("10/Oct/2000:25:55:36 -0700", &t));
  EXPECT_FALSE(ParseClfTime("10/Oct/2000:13:55:36", &t));
  EXPECT_FALSE(ParseClfTime("", &t));
}

TEST(CivilTimeTest, IsoTimeWithFractionAndOffsets) {
  Timestamp t;
  ASSERT_TRUE(ParseIsoTime("2018-07-02T22:23:00.186641Z", &t));
  EXPECT_EQ(FormatIsoUtc(t.unix_seconds), "2018-07-02T22:23:00Z");
  ASSERT_TRUE(ParseIsoTime("2018-07-03T00:23:00+02:00", &t));
  EXPECT_EQ(FormatIsoUtc(t.unix_seconds), "2018-07-02T22:23:00Z");
  EXPECT_EQ(t.offset_minutes, 120);
  ASSERT_TRUE(ParseIsoTime("2018-07-02 22:23:00", &t));
  EXPECT_FALSE(ParseIsoTime("2018-07-02T22:23:00junk", &t));
}

TEST(CivilTimeTest, EpochSecondsAndMilliseconds) {
  Timestamp t;
  ASSERT_TRUE(ParseEpochTime("1646861401.5241024", &t));
  EXPECT_EQ(t.unix_seconds, 1646861401);
  ASSERT_TRUE(ParseEpochTime("1646861401524", &t));
  EXPECT_EQ(t.unix_seconds, 1646861401);
  EXPECT_FALSE(ParseEpochTime("12a", &t));
}

TEST(CivilTimeTest, CivilRoundTripAcrossEras) {
  for (int64_t t : {int64_t{-86401}, int64_t{0}, int64_t{951782400}, int64_t{4102444799}}) {
    CivilTime c = CivilFromUnix(t);
    EXPECT_EQ(DaysFromCivil(c.year, c.month, c.day) * 86400 + c.hour * 3600 + c.minute * 60 + c.second, t);
  }
}

TEST(CivilTimeTest, CacheMatchesFullParseAcrossDaysAndZones) {
  ClfTimeCache cache;
  for (const char* text : {"31/Dec/1999:23:59:59 +0530", "31/Dec/1999:00:00:01 +0530",
                           "01/Jan/2000:00:00:00 +0530", "01/Jan/2000:00:00:00 -1100",
                           "01/Jan/1970:00:00:00 +0100", "01/Jan/2000:07:30:00 -1100"}) {
    Timestamp cached, full;
    ASSERT_TRUE(cache.Parse(text, &cached)) << text;
    ASSERT_TRUE(ParseClfTime(text, &full));
    EXPECT_EQ(cached.unix_seconds, full.unix_seconds) << text;
    EXPECT_EQ(cached.offset_minutes, full.offset_minutes);
  }
}

}  // namespace
}  // namespace dsaudit::load
