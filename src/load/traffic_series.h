// Requests over the whole timeline at a resolution a chart can show: a month
// has 50,000 minutes but a chart a few hundred pixels. Each point keeps the
// mean rate and the busiest minute of its step, so averaging never hides a
// burst.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dsaudit::load {

struct TrafficSeries {
  int64_t start = 0;    // unix seconds, start of the first step
  int64_t step_s = 60;  // a whole number of minutes that divides days or weeks evenly
  std::vector<double> mean_rps;          // requests / seconds of the step inside the timeline
  std::vector<double> peak_minute_rps;   // busiest minute of the step, per second
};

// `per_minute[i]` counts requests in minute `first_minute + i` (unix minutes).
// The step is the shortest of 1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 6, 12 hours,
// 1, 2, 7 days that needs at most `max_points` points, aligned to UTC.
TrafficSeries DownsampleMinutes(const std::vector<uint64_t>& per_minute, int64_t first_minute,
                                size_t max_points);

}  // namespace dsaudit::load
