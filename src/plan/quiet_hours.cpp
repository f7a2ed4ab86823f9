#include "plan/quiet_hours.h"

#include <algorithm>
#include <cmath>

namespace dsaudit::plan {

std::optional<QuietWindow> QuietestWindow(const std::vector<double>& daily_rps, int hours,
                                          int utc_offset_minutes) {
  constexpr int kDay = 24;
  if (daily_rps.size() != kDay || hours < 1 || hours > kDay) return std::nullopt;
  double busiest = 0;
  for (double rps : daily_rps) busiest = std::isnan(rps) ? busiest : std::max(busiest, rps);
  if (!(busiest > 0)) return std::nullopt;
  QuietWindow best{.start_hour = 0,
                   .hours = hours,
                   .mean_rps = 0,
                   .busiest_rps = busiest,
                   .utc_offset_minutes = utc_offset_minutes};
  double best_sum = -1;
  for (int start = 0; start < kDay; ++start) {
    double sum = 0;
    for (int h = 0; h < hours; ++h) sum += daily_rps[static_cast<size_t>((start + h) % kDay)];
    if (std::isnan(sum) || (best_sum >= 0 && sum >= best_sum)) continue;
    best_sum = sum;
    best.start_hour = start;
  }
  if (best_sum < 0) return std::nullopt;
  best.mean_rps = best_sum / hours;
  return best;
}

}  // namespace dsaudit::plan
