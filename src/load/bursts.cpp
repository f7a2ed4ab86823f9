#include "load/bursts.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <deque>

namespace dsaudit::load {
namespace {

// The baseline window in arrival order (to drop the oldest) and sorted, so
// its median is one look-up rather than a selection every minute.
class QuietWindow {
 public:
  size_t size() const { return arrival_.size(); }
  void Push(uint64_t count) {
    arrival_.push_back(count);
    sorted_.insert(std::upper_bound(sorted_.begin(), sorted_.end(), count), count);
  }
  void PopOldest() {
    sorted_.erase(std::lower_bound(sorted_.begin(), sorted_.end(), arrival_.front()));
    arrival_.pop_front();
  }
  // The upper median: element size/2 in sorted order.
  double Median() const { return static_cast<double>(sorted_[sorted_.size() / 2]); }

 private:
  std::deque<uint64_t> arrival_;
  std::vector<uint64_t> sorted_;
};

}  // namespace

std::vector<Burst> DetectBursts(const std::vector<uint64_t>& per_minute, int64_t first_minute,
                                const BurstOptions& options) {
  std::vector<Burst> bursts;
  QuietWindow quiet;  // the baseline: recent minutes not in a burst
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
        double baseline = std::max(quiet.Median(), 1.0);
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
    quiet.Push(count);
    if (quiet.size() > static_cast<size_t>(options.window)) quiet.PopOldest();
  }
  if (active) finish();
  return bursts;
}

}  // namespace dsaudit::load
