#include "load/bursts.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <deque>

namespace dsaudit::load {
namespace {

double Median(const std::deque<uint64_t>& window, std::vector<uint64_t>& scratch) {
  scratch.assign(window.begin(), window.end());
  auto mid = scratch.begin() + static_cast<ptrdiff_t>(scratch.size() / 2);
  std::nth_element(scratch.begin(), mid, scratch.end());
  return static_cast<double>(*mid);
}

}  // namespace

std::vector<Burst> DetectBursts(const std::vector<uint64_t>& per_minute, int64_t first_minute,
                                const BurstOptions& options) {
  std::vector<Burst> bursts;
  std::deque<uint64_t> quiet;  // the baseline window: recent minutes not in a burst
  std::vector<uint64_t> scratch;
  bool active = false;
  Burst current;
  double threshold = 0;
  int hot_minutes = 0, cool_run = 0;
  size_t last_hot = 0;

  auto finish = [&] {
    if (hot_minutes >= options.min_minutes) {
      current.end = (first_minute + static_cast<int64_t>(last_hot) + 1) * 60;
      current.factor = static_cast<double>(current.peak_minute_requests) /
                       std::max(current.baseline_per_minute, 1.0);
      bursts.push_back(current);
    }
    active = false;
  };

  for (size_t i = 0; i < per_minute.size(); ++i) {
    const uint64_t count = per_minute[i];
    if (!active) {
      if (quiet.size() >= static_cast<size_t>(options.warmup)) {
        double baseline = std::max(Median(quiet, scratch), 1.0);
        threshold = std::max(options.min_factor * baseline,
                             baseline + options.z * std::sqrt(baseline) + 1);
        if (static_cast<double>(count) >= threshold) {
          active = true;
          current = Burst();
          current.start = (first_minute + static_cast<int64_t>(i)) * 60;
          current.baseline_per_minute = baseline;
          hot_minutes = 0;
          cool_run = 0;
        }
      }
    }
    if (active) {
      if (static_cast<double>(count) >= threshold) {
        ++hot_minutes;
        cool_run = 0;
        last_hot = i;
        current.peak_minute_requests = std::max(current.peak_minute_requests, count);
        current.requests += count;
        continue;
      }
      // One cool minute inside a burst does not end it; two do.
      if (++cool_run < 2) {
        current.requests += count;
        continue;
      }
      current.requests -= per_minute[i - 1];
      finish();
    }
    quiet.push_back(count);
    if (quiet.size() > static_cast<size_t>(options.window)) quiet.pop_front();
  }
  if (active) finish();
  return bursts;
}

}  // namespace dsaudit::load
