// When the open model's requests are due. The arrival rate is piecewise
// linear (constant, or ramped by stages), so the k-th request is due when
// the integral of the rate reaches k; solving that per stage in closed form
// keeps a ramp that starts at zero exact, where stepping by 1/rate(t) would
// wait forever at t = 0.
#pragma once

#include <cstddef>
#include <vector>

#include "loadtest/config.h"

namespace dsaudit::loadtest {

class ArrivalSchedule {
 public:
  // `scale` is this worker's share of the rate; `phase` (0..1] offsets its
  // arrivals so workers sharing a rate do not fire in lockstep.
  ArrivalSchedule(const Config& config, double scale, double phase);

  // Seconds from the start at which the next request is due, advancing the
  // schedule; +infinity once no more requests are due before the end.
  double Next();

 private:
  // The rate at the start and end of `segment`, and its length.
  struct Segment {
    double seconds;
    double from_rate;
    double to_rate;
  };
  std::vector<Segment> segments_;
  size_t segment_ = 0;
  double offset_ = 0;  // seconds into the current segment
  double elapsed_ = 0;  // start of the current segment
  double owed_;  // arrivals to integrate before the next request
};

}  // namespace dsaudit::loadtest
