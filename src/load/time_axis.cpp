#include "load/time_axis.h"

#include <fmt/format.h>

#include "load/civil_time.h"

namespace dsaudit::load {
namespace {

constexpr int64_t kHour = 3600, kDay = 86400, kWeek = 7 * kDay;
// 1970-01-05, the first Monday of unix time: weekly ticks start on Mondays.
constexpr int64_t kFirstMonday = 4 * kDay;
constexpr int64_t kSteps[] = {kHour,    2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour,
                              kDay,     2 * kDay,  kWeek,     2 * kWeek, 4 * kWeek};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int64_t CeilTo(int64_t value, int64_t step, int64_t origin) {
  int64_t offset = value - origin;
  int64_t steps = offset >= 0 ? (offset + step - 1) / step : -((-offset) / step);
  return origin + steps * step;
}

std::string Label(int64_t time, int64_t step, bool one_day) {
  CivilTime c = CivilFromUnix(time);
  std::string clock = fmt::format("{:02}:{:02}", c.hour, c.minute);
  if (step < kDay && one_day) return clock;
  std::string date = fmt::format("{} {}", kMonths[(c.month - 1) % 12], c.day);
  return step < kDay ? date + " " + clock : date;
}

}  // namespace

std::vector<reports::ChartMark> TimeTicks(int64_t start, int64_t end, size_t max_ticks) {
  std::vector<reports::ChartMark> ticks;
  if (end < start || max_ticks == 0) return ticks;
  int64_t step = kSteps[std::size(kSteps) - 1];
  for (int64_t candidate : kSteps) {
    if (static_cast<size_t>((end - start) / candidate + 1) <= max_ticks) {
      step = candidate;
      break;
    }
  }
  const bool one_day = start / kDay == end / kDay;
  for (int64_t t = CeilTo(start, step, step >= kWeek ? kFirstMonday : 0); t <= end; t += step) {
    if (ticks.size() == max_ticks) break;
    ticks.push_back({static_cast<double>(t), Label(t, step, one_day)});
  }
  return ticks;
}

}  // namespace dsaudit::load
