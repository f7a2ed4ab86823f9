#include "loadtest/threshold.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace dsaudit::loadtest {
namespace {

std::optional<double> Number(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool ParseMetric(std::string_view name, Threshold* threshold) {
  using Metric = Threshold::Metric;
  if (name == "mean" || name == "avg") {
    threshold->metric = Metric::kMean;
  } else if (name == "max") {
    threshold->metric = Metric::kMax;
  } else if (name == "errors") {
    threshold->metric = Metric::kErrorCount;
  } else if (name == "rps") {
    threshold->metric = Metric::kThroughput;
  } else if (name.starts_with("p") && name.size() > 1) {
    std::optional<double> percentile = Number(name.substr(1));
    if (!percentile || *percentile <= 0 || *percentile > 100) return false;
    threshold->metric = Metric::kPercentile;
    threshold->percentile = *percentile;
  } else {
    return false;
  }
  return true;
}

bool IsLatency(Threshold::Metric metric) {
  using Metric = Threshold::Metric;
  return metric == Metric::kPercentile || metric == Metric::kMean || metric == Metric::kMax;
}

}  // namespace

std::optional<Threshold> ParseThreshold(std::string_view text, std::string* error) {
  Threshold threshold;
  threshold.text = std::string(text);
  size_t at = text.find_first_of("<>");
  if (at == std::string_view::npos || at == 0) {
    *error = fmt::format("invalid threshold '{}': expected e.g. 'p99<300ms' or 'errors<1%'", text);
    return std::nullopt;
  }
  bool less = text[at] == '<';
  bool equal = at + 1 < text.size() && text[at + 1] == '=';
  threshold.op = less ? (equal ? Threshold::Op::kLessEqual : Threshold::Op::kLess)
                      : (equal ? Threshold::Op::kGreaterEqual : Threshold::Op::kGreater);
  std::string_view name = text.substr(0, at);
  std::string_view value = text.substr(at + (equal ? 2 : 1));
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (!ParseMetric(name, &threshold)) {
    *error = fmt::format("invalid threshold '{}': unknown metric '{}' (p50, p99.9, mean, max, "
                         "errors, rps)", text, name);
    return std::nullopt;
  }
  if (IsLatency(threshold.metric)) {
    static constexpr std::pair<std::string_view, double> kUnits[] = {
        {"us", 1}, {"ms", 1e3}, {"s", 1e6}};
    for (const auto& [suffix, factor] : kUnits) {
      if (!value.ends_with(suffix)) continue;
      std::optional<double> number = Number(value.substr(0, value.size() - suffix.size()));
      if (!number) break;
      threshold.limit = *number * factor;
      return threshold;
    }
    *error = fmt::format("invalid threshold '{}': a latency needs a unit (us, ms, s)", text);
    return std::nullopt;
  }
  bool percent = value.ends_with("%");
  if (percent) value.remove_suffix(1);
  std::optional<double> number = Number(value);
  if (!number || (percent && threshold.metric != Threshold::Metric::kErrorCount)) {
    *error = fmt::format("invalid threshold '{}': bad limit '{}'", text, value);
    return std::nullopt;
  }
  if (percent) {
    threshold.metric = Threshold::Metric::kErrorRate;
    threshold.limit = *number / 100;
  } else {
    threshold.limit = *number;
  }
  return threshold;
}

std::vector<ThresholdOutcome> EvaluateThresholds(const std::vector<Threshold>& thresholds,
                                                 const Result& result) {
  using Metric = Threshold::Metric;
  std::vector<ThresholdOutcome> outcomes;
  for (const Threshold& threshold : thresholds) {
    double actual = 0;
    switch (threshold.metric) {
      case Metric::kPercentile:
        actual = static_cast<double>(result.corrected.ValueAtPercentile(threshold.percentile));
        break;
      case Metric::kMean: actual = result.corrected.mean(); break;
      case Metric::kMax: actual = static_cast<double>(result.corrected.max()); break;
      case Metric::kErrorRate: actual = result.ErrorRate(); break;
      case Metric::kErrorCount: actual = static_cast<double>(result.TotalErrors()); break;
      case Metric::kThroughput: actual = result.Throughput(); break;
    }
    bool passed = false;
    switch (threshold.op) {
      case Threshold::Op::kLess: passed = actual < threshold.limit; break;
      case Threshold::Op::kLessEqual: passed = actual <= threshold.limit; break;
      case Threshold::Op::kGreater: passed = actual > threshold.limit; break;
      case Threshold::Op::kGreaterEqual: passed = actual >= threshold.limit; break;
    }
    // No response at all proves nothing about latency: that fails too.
    if (IsLatency(threshold.metric) && result.corrected.count() == 0) passed = false;
    outcomes.push_back({&threshold, actual, passed});
  }
  return outcomes;
}

std::string FormatThresholdValue(const Threshold& threshold, double value) {
  using Metric = Threshold::Metric;
  switch (threshold.metric) {
    case Metric::kErrorRate: return fmt::format("{:.3g}%", value * 100);
    case Metric::kErrorCount: return fmt::format("{:.0f}", value);
    case Metric::kThroughput: return fmt::format("{:.1f}/s", value);
    default: break;
  }
  if (value >= 1e6) return fmt::format("{:.3g}s", value / 1e6);
  return fmt::format("{:.3g}ms", value / 1e3);
}

}  // namespace dsaudit::loadtest
