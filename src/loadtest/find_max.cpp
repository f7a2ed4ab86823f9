#include "loadtest/find_max.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace dsaudit::loadtest {

bool JudgeStep(const Result& result, double rate, const std::vector<Threshold>& slo,
               const FindMaxOptions& options, std::string* reason) {
  for (const ThresholdOutcome& outcome : EvaluateThresholds(slo, result)) {
    if (outcome.passed) continue;
    *reason = fmt::format("{} failed ({})", outcome.threshold->text,
                          FormatThresholdValue(*outcome.threshold, outcome.actual));
    return false;
  }
  // Requests the schedule made due but that never got an answer (never sent
  // for want of a free connection, cut off, failed) mean the rate was not
  // sustained, whatever the latency of those that were answered.
  uint64_t due = result.started + result.dropped;
  if (due == 0 || static_cast<double>(result.completed) < options.min_answered_ratio * due) {
    *reason = fmt::format("only {} of {} due requests answered at {:.1f}/s", result.completed,
                          due, rate);
    return false;
  }
  return true;
}

std::optional<FindMaxOutcome> FindMax(const Config& base, const std::vector<Threshold>& slo,
                                      const FindMaxOptions& options, const RunControl& control,
                                      const std::function<void(const FindMaxStep&)>& on_step,
                                      std::string* error) {
  FindMaxOutcome outcome;
  outcome.slo = slo;
  double passed = 0;
  double failed = std::numeric_limits<double>::infinity();
  double rate = options.start_rate;
  for (size_t step = 0; step < options.max_steps; ++step) {
    Config config = base;
    config.open_model = true;
    config.rate = rate;
    config.stages.clear();
    std::optional<Result> result = RunLoadTest(config, control, error);
    if (!result) return std::nullopt;
    FindMaxStep done;
    done.rate = rate;
    done.passed = JudgeStep(*result, rate, slo, options, &done.reason);
    done.result = std::move(*result);
    if (done.result.interrupted) {
      outcome.interrupted = true;
      break;  // a step cut short proves nothing either way
    }
    if (done.passed) {
      passed = rate;
      outcome.found = true;
      outcome.max_rate = rate;
      outcome.concurrency = rate * done.result.corrected.mean() / 1e6;
    } else {
      failed = rate;
    }
    if (on_step) on_step(done);
    outcome.steps.push_back(std::move(done));
    if (std::isinf(failed)) {
      rate *= 2;
    } else if (failed - passed <= options.resolution * failed) {
      break;
    } else {
      rate = passed > 0 ? (passed + failed) / 2 : failed / 2;
    }
    // Below one request a second there is nothing left to measure.
    if (rate < 1) break;
  }
  return outcome;
}

}  // namespace dsaudit::loadtest
