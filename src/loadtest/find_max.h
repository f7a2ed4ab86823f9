// `--find-max`: the highest arrival rate at which the service still meets
// its latency objective, found by doubling the rate until the objective
// breaks and then bisecting, and the concurrency it holds there.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "loadtest/config.h"
#include "loadtest/engine.h"
#include "loadtest/result.h"
#include "loadtest/threshold.h"

namespace dsaudit::loadtest {

struct FindMaxOptions {
  double start_rate = 100;
  size_t max_steps = 12;
  // Bisection stops when the bracket is narrower than this fraction.
  double resolution = 0.1;
  // A step that answers fewer of its due requests than this did not
  // sustain its rate, whatever its latency.
  double min_answered_ratio = 0.95;
};

struct FindMaxStep {
  double rate = 0;
  bool passed = false;
  std::string reason;  // why it failed
  Result result;
};

struct FindMaxOutcome {
  std::vector<Threshold> slo;
  std::vector<FindMaxStep> steps;
  bool found = false;
  double max_rate = 0;
  // Little's law at the highest sustained rate: requests in the system on
  // average, i.e. how many simultaneous users the service holds.
  double concurrency = 0;
  bool interrupted = false;
};

// Runs one open-model step of `base` per rate; `on_step` is told of each.
std::optional<FindMaxOutcome> FindMax(const Config& base, const std::vector<Threshold>& slo,
                                      const FindMaxOptions& options, const RunControl& control,
                                      const std::function<void(const FindMaxStep&)>& on_step,
                                      std::string* error);

// Whether one step met the objective; the reason it did not otherwise.
bool JudgeStep(const Result& result, double rate, const std::vector<Threshold>& slo,
               const FindMaxOptions& options, std::string* reason);

}  // namespace dsaudit::loadtest
