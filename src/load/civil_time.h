// Timestamps as access logs write them, turned into UTC seconds without
// libc's locale- and TZ-dependent calls (mktime, strptime), which are slow
// and read the environment.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dsaudit::load {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// algorithm); month 1..12.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

struct CivilTime {
  int64_t year = 1970;
  unsigned month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
CivilTime CivilFromUnix(int64_t unix_seconds);

// A parsed timestamp: UTC seconds since the epoch, and the UTC offset the
// log wrote it in (minutes east of UTC), kept for local-time profiles.
struct Timestamp {
  int64_t unix_seconds = 0;
  int32_t offset_minutes = 0;
};

// "10/Oct/2000:13:55:36 -0700" (Apache %t without brackets, nginx $time_local).
bool ParseClfTime(std::string_view text, Timestamp* out);

// RFC 3339 / ISO 8601: "2000-10-10T13:55:36", optional ".fraction", then "Z",
// "+hh:mm", "+hhmm" or nothing (UTC); a space may stand for the "T".
bool ParseIsoTime(std::string_view text, Timestamp* out);

// Seconds since the epoch, with an optional fraction; values above 1e11 are
// taken as milliseconds (JavaScript and Java loggers write those).
bool ParseEpochTime(std::string_view text, Timestamp* out);

// Any of the above, tried in the order ISO, CLF, epoch.
bool ParseAnyTime(std::string_view text, Timestamp* out);

// "2000-10-10T20:55:36Z".
std::string FormatIsoUtc(int64_t unix_seconds);

// Caches the date part of CLF timestamps: a log repeats the same day for
// hours, so only the time of day is parsed per line. One per thread.
class ClfTimeCache {
 public:
  bool Parse(std::string_view text, Timestamp* out);

 private:
  bool ParseAndRemember(std::string_view text, Timestamp* out);

  char key_[11 + 6] = {};  // "dd/Mon/yyyy" and " +hhmm"
  int64_t day_start_utc_ = 0;
  int32_t offset_minutes_ = 0;
  bool valid_ = false;
};

}  // namespace dsaudit::load
