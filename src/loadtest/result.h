// What a load test measured, merged over its worker threads.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "loadtest/histogram.h"

namespace dsaudit::loadtest {

// Why a request failed. A response with status >= 400 is an HTTP error;
// the others mean no complete response arrived.
enum class ErrorKind : uint8_t { kConnect, kTls, kTimeout, kReset, kProtocol, kHttpStatus };
inline constexpr size_t kErrorKindCount = 6;
std::string_view ErrorKindName(ErrorKind kind);

// One slice of the run's time line, for throughput and latency over time.
struct Interval {
  uint64_t completed = 0;  // responses of any status
  uint64_t errors = 0;
  uint64_t p50_us = 0, p90_us = 0, p99_us = 0, max_us = 0;
  // The time the slice covers: interval_seconds, except for the last one,
  // which ends with the run. Rates divide by this, not by interval_seconds.
  double seconds = 0;
};

// Percentiles precision for the per-interval histograms: about 3%, enough
// for a chart, and small enough to keep one per interval per thread.
inline constexpr int kIntervalHistogramBits = 6;

struct Result {
  std::string url;
  bool open_model = false;
  double target_rate = 0;    // open model: the (peak) arrival rate asked for
  uint32_t users = 0;        // closed model: the (peak) number of users
  uint32_t connections = 0;  // connections the run could use
  unsigned threads = 0;
  double elapsed_seconds = 0;  // the load, then the wait for answers still on the way
  double load_seconds = 0;     // the schedule's length: --duration or the stages
  bool interrupted = false;

  uint64_t started = 0;    // requests begun
  uint64_t completed = 0;  // responses received, any status
  uint64_t dropped = 0;    // open model: due before the end but never sent
  uint64_t unfinished = 0;  // still in flight when the run had to end
  uint64_t connects = 0;    // connections opened, reconnections included
  uint64_t bytes_sent = 0;
  uint64_t bytes_received = 0;
  std::array<uint64_t, kErrorKindCount> errors{};
  std::map<int, uint64_t> status_counts;

  // Open model: from when each request was due (coordinated omission
  // corrected) and from when it was sent. Closed model: both from sending.
  Histogram corrected;
  Histogram uncorrected;
  double interval_seconds = 1;
  std::vector<Interval> intervals;

  uint64_t TotalErrors() const;
  // Requests that ended, in success or failure: the denominator of rates.
  uint64_t Finished() const;
  double ErrorRate() const;
  double Throughput() const;  // responses per second
};

}  // namespace dsaudit::loadtest
