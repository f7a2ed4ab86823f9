#include "load/traffic_series.h"

#include <algorithm>

namespace dsaudit::load {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

constexpr int64_t kStepMinutes[] = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};

int64_t StepFor(int64_t first_minute, int64_t minutes, size_t max_points) {
  for (int64_t step : kStepMinutes) {
    int64_t first = FloorDiv(first_minute, step);
    int64_t last = FloorDiv(first_minute + minutes - 1, step);
    if (last - first + 1 <= static_cast<int64_t>(std::max<size_t>(max_points, 1))) return step;
  }
  return kStepMinutes[std::size(kStepMinutes) - 1];
}

}  // namespace

TrafficSeries DownsampleMinutes(const std::vector<uint64_t>& per_minute, int64_t first_minute,
                                size_t max_points) {
  TrafficSeries series;
  if (per_minute.empty()) return series;
  const int64_t minutes = static_cast<int64_t>(per_minute.size());
  const int64_t step = StepFor(first_minute, minutes, max_points);
  const int64_t first_step = FloorDiv(first_minute, step);
  const size_t points = static_cast<size_t>(FloorDiv(first_minute + minutes - 1, step) - first_step + 1);
  series.start = first_step * step * 60;
  series.step_s = step * 60;
  std::vector<uint64_t> sum(points), covered(points), peak(points);
  for (int64_t i = 0; i < minutes; ++i) {
    size_t at = static_cast<size_t>(FloorDiv(first_minute + i, step) - first_step);
    uint64_t n = per_minute[static_cast<size_t>(i)];
    sum[at] += n;
    ++covered[at];
    peak[at] = std::max(peak[at], n);
  }
  for (size_t at = 0; at < points; ++at) {
    // The first and last steps may be partly outside the timeline: their
    // mean is over the minutes inside, not the whole step.
    series.mean_rps.push_back(static_cast<double>(sum[at]) / (static_cast<double>(covered[at]) * 60));
    series.peak_minute_rps.push_back(static_cast<double>(peak[at]) / 60);
  }
  return series;
}

}  // namespace dsaudit::load
