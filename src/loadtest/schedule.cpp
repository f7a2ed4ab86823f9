#include "loadtest/schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dsaudit::loadtest {

ArrivalSchedule::ArrivalSchedule(const Config& config, double scale, double phase)
    : owed_(std::clamp(phase, 1e-9, 1.0)) {
  if (config.stages.empty()) {
    segments_.push_back({config.duration_seconds, config.rate * scale, config.rate * scale});
    return;
  }
  double from = 0;
  for (const Stage& stage : config.stages) {
    segments_.push_back({stage.seconds, from * scale, stage.target * scale});
    from = stage.target;
  }
}

double ArrivalSchedule::Next() {
  // The first request is due once `phase` arrivals have accrued, each later
  // one after one more; `need` is never zero, so a zero rate never fires.
  double need = owed_;
  owed_ = 1;
  while (segment_ < segments_.size()) {
    const Segment& segment = segments_[segment_];
    double slope = segment.seconds > 0 ? (segment.to_rate - segment.from_rate) / segment.seconds : 0;
    double rate = segment.from_rate + slope * offset_;
    double left = segment.seconds - offset_;
    double available = rate * left + slope * left * left / 2;
    if (available >= need) {
      // Solve rate*d + slope*d^2/2 = need in the form that stays accurate
      // when slope is near zero.
      double root = std::sqrt(std::max(0.0, rate * rate + 2 * slope * need));
      double step = rate + root > 0 ? 2 * need / (rate + root) : left;
      offset_ = std::min(segment.seconds, offset_ + step);
      return elapsed_ + offset_;
    }
    need -= std::max(0.0, available);
    elapsed_ += segment.seconds;
    offset_ = 0;
    ++segment_;
  }
  return std::numeric_limits<double>::infinity();
}

}  // namespace dsaudit::loadtest
