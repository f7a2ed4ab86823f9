// Bursts: runs of minutes far above the traffic just before them.
#pragma once

#include <cstdint>
#include <vector>

namespace dsaudit::load {

struct Burst {
  int64_t start = 0;  // unix seconds, start of the first hot minute
  int64_t end = 0;    // unix seconds, end of the last hot minute (exclusive)
  uint64_t peak_minute_requests = 0;
  double baseline_per_minute = 0;  // median of the 60 quiet minutes before
  double factor = 0;               // peak minute over the baseline
  uint64_t requests = 0;
};

struct BurstOptions {
  // A minute is hot at max(factor x baseline, baseline + z x sqrt(baseline) + 1):
  // the factor keeps busy hours quiet, the Poisson margin quiet nights
  // (P < 1e-4 per minute at any baseline, squared by min_minutes).
  double min_factor = 2.0;
  double z = 4.0;
  int min_minutes = 2;    // a single hot minute is a spike, not a burst
  int window = 60;        // minutes of baseline
  int warmup = 30;        // quiet minutes needed before the first verdict
};

// `per_minute[i]` counts requests in minute `first_minute + i` (unix minutes).
std::vector<Burst> DetectBursts(const std::vector<uint64_t>& per_minute, int64_t first_minute,
                                const BurstOptions& options = {});

}  // namespace dsaudit::load
