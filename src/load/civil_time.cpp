#include "load/civil_time.h"

#include <fmt/format.h>

#include <cstring>

namespace dsaudit::load {
namespace {

bool Digits(std::string_view text, size_t pos, size_t count, unsigned* value) {
  if (pos + count > text.size()) return false;
  unsigned result = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    unsigned digit = static_cast<unsigned char>(text[i]) - '0';
    if (digit > 9) return false;
    result = result * 10 + digit;
  }
  *value = result;
  return true;
}

// "Jan".."Dec" to 1..12, 0 when not a month.
unsigned MonthFromName(std::string_view name) {
  static constexpr char kNames[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (name.size() != 3) return 0;
  for (unsigned m = 0; m < 12; ++m) {
    if (std::memcmp(kNames + 3 * m, name.data(), 3) == 0) return m + 1;
  }
  return 0;
}

bool ValidDate(unsigned month, unsigned day) { return month >= 1 && month <= 12 && day >= 1 && day <= 31; }

bool ValidClock(unsigned hour, unsigned minute, unsigned second) {
  return hour < 24 && minute < 60 && second <= 60;  // 60: a leap second
}

// "+hhmm", "-hhmm", "+hh:mm"; returns characters consumed, 0 on failure.
size_t ParseOffset(std::string_view text, size_t pos, int32_t* minutes) {
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return 0;
  int sign = text[pos] == '-' ? -1 : 1;
  unsigned hours = 0, mins = 0;
  if (!Digits(text, pos + 1, 2, &hours)) return 0;
  size_t next = pos + 3;
  if (next < text.size() && text[next] == ':') ++next;
  if (!Digits(text, next, 2, &mins) || hours > 23 || mins > 59) return 0;
  *minutes = sign * static_cast<int32_t>(hours * 60 + mins);
  return next + 2 - pos;
}

}  // namespace

int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilTime CivilFromUnix(int64_t unix_seconds) {
  int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  int64_t rest = unix_seconds - days * 86400;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilTime civil;
  civil.day = doy - (153 * mp + 2) / 5 + 1;
  civil.month = mp < 10 ? mp + 3 : mp - 9;
  civil.year = static_cast<int64_t>(yoe) + era * 400 + (civil.month <= 2);
  civil.hour = static_cast<unsigned>(rest / 3600);
  civil.minute = static_cast<unsigned>(rest / 60 % 60);
  civil.second = static_cast<unsigned>(rest % 60);
  return civil;
}

bool ParseClfTime(std::string_view text, Timestamp* out) {
  // dd/Mon/yyyy:hh:mm:ss +hhmm
  unsigned day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 26 || text[2] != '/' || text[6] != '/' || text[11] != ':' ||
      text[14] != ':' || text[17] != ':' || text[20] != ' ') {
    return false;
  }
  unsigned month = MonthFromName(text.substr(3, 3));
  if (!Digits(text, 0, 2, &day) || !Digits(text, 7, 4, &year) || !Digits(text, 12, 2, &hour) ||
      !Digits(text, 15, 2, &minute) || !Digits(text, 18, 2, &second) || !ValidDate(month, day) ||
      !ValidClock(hour, minute, second)) {
    return false;
  }
  int32_t offset = 0;
  if (ParseOffset(text, 21, &offset) != 5) return false;
  out->offset_minutes = offset;
  out->unix_seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 +
                      second - int64_t{offset} * 60;
  return true;
}

bool ParseIsoTime(std::string_view text, Timestamp* out) {
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':') {
    return false;
  }
  if (!Digits(text, 0, 4, &year) || !Digits(text, 5, 2, &month) || !Digits(text, 8, 2, &day) ||
      !Digits(text, 11, 2, &hour) || !Digits(text, 14, 2, &minute) ||
      !Digits(text, 17, 2, &second) || !ValidDate(month, day) || !ValidClock(hour, minute, second)) {
    return false;
  }
  size_t pos = 19;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
    ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  }
  int32_t offset = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    size_t used = ParseOffset(text, pos, &offset);
    if (used == 0) return false;
    pos += used;
  }
  if (pos != text.size()) return false;
  out->offset_minutes = offset;
  out->unix_seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 +
                      second - int64_t{offset} * 60;
  return true;
}

bool ParseEpochTime(std::string_view text, Timestamp* out) {
  if (text.empty() || text.size() > 20) return false;
  int64_t whole = 0;
  size_t pos = 0;
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
    whole = whole * 10 + (text[pos] - '0');
  }
  if (pos == 0) return false;
  if (pos < text.size()) {
    if (text[pos] != '.') return false;
    for (++pos; pos < text.size(); ++pos) {
      if (text[pos] < '0' || text[pos] > '9') return false;
    }
  }
  if (whole > 100'000'000'000) whole /= 1000;
  out->unix_seconds = whole;
  out->offset_minutes = 0;
  return true;
}

bool ParseAnyTime(std::string_view text, Timestamp* out) {
  return ParseIsoTime(text, out) || ParseClfTime(text, out) || ParseEpochTime(text, out);
}

std::string FormatIsoUtc(int64_t unix_seconds) {
  CivilTime c = CivilFromUnix(unix_seconds);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour,
                     c.minute, c.second);
}

bool ClfTimeCache::Parse(std::string_view text, Timestamp* out) {
  if (text.size() < 26) return false;
  if (valid_ && std::memcmp(key_, text.data(), 11) == 0 &&
      std::memcmp(key_ + 11, text.data() + 20, 6) == 0 && text[11] == ':' && text[14] == ':' &&
      text[17] == ':') {
    unsigned hour = 0, minute = 0, second = 0;
    if (Digits(text, 12, 2, &hour) && Digits(text, 15, 2, &minute) &&
        Digits(text, 18, 2, &second) && ValidClock(hour, minute, second)) {
      out->unix_seconds = day_start_utc_ + hour * 3600 + minute * 60 + second;
      out->offset_minutes = offset_minutes_;
      return true;
    }
    return false;
  }
  return ParseAndRemember(text, out);
}

// Kept out of line: inlined, its registers made every line's call above
// save and restore six of them.
[[gnu::noinline]] bool ClfTimeCache::ParseAndRemember(std::string_view text, Timestamp* out) {
  if (!ParseClfTime(text, out)) return false;
  std::memcpy(key_, text.data(), 11);
  std::memcpy(key_ + 11, text.data() + 20, 6);
  int64_t local = out->unix_seconds + int64_t{out->offset_minutes} * 60;
  day_start_utc_ = local - local % 86400 - int64_t{out->offset_minutes} * 60;
  if (local < 0 && local % 86400 != 0) day_start_utc_ -= 86400;
  offset_minutes_ = out->offset_minutes;
  valid_ = true;
  return true;
}

}  // namespace dsaudit::load
