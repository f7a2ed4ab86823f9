// Pass/fail criteria for CI, in k6's spirit: `p99<300ms`, `errors<1%`,
// `mean<=50ms`, `max<2s`, `rps>=1000`, `errors<10` (a count).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loadtest/result.h"

namespace dsaudit::loadtest {

struct Threshold {
  enum class Metric { kPercentile, kMean, kMax, kErrorRate, kErrorCount, kThroughput };
  enum class Op { kLess, kLessEqual, kGreater, kGreaterEqual };
  std::string text;  // as the user wrote it, to name it when it fails
  Metric metric = Metric::kPercentile;
  double percentile = 0;  // kPercentile only
  Op op = Op::kLess;
  double limit = 0;  // microseconds, a fraction (0..1), a count, or per second
};

std::optional<Threshold> ParseThreshold(std::string_view text, std::string* error);

struct ThresholdOutcome {
  const Threshold* threshold;
  double actual;  // in the threshold's unit
  bool passed;
};

// Latency thresholds judge the coordinated-omission-corrected figures: those
// are what a user waiting on the service sees.
std::vector<ThresholdOutcome> EvaluateThresholds(const std::vector<Threshold>& thresholds,
                                                 const Result& result);
// The measured value and the limit in the threshold's own unit, e.g. "312.4ms".
std::string FormatThresholdValue(const Threshold& threshold, double value);

}  // namespace dsaudit::loadtest
