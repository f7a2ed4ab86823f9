#include "loadtest/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "base/counted.h"
#include "reports/html_page.h"
#include "reports/svg_chart.h"

namespace dsaudit::loadtest {
namespace {

using reports::HtmlEscape;

constexpr double kPercentiles[] = {50, 90, 99, 99.9};
constexpr const char* kPercentileNames[] = {"p50", "p90", "p99", "p99.9"};

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    auto byte = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (byte < 0x20) {
      out += fmt::format("\\u{:04x}", byte);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// JSON has no infinity or NaN; a rate over an empty run is 0.
double Finite(double value) { return std::isfinite(value) ? value : 0.0; }

std::string Milliseconds(uint64_t microseconds) {
  return fmt::format("{:.3f}", static_cast<double>(microseconds) / 1e3);
}

std::string Bytes(double bytes) {
  if (bytes >= 1e9) return fmt::format("{:.2f} GB", bytes / 1e9);
  if (bytes >= 1e6) return fmt::format("{:.2f} MB", bytes / 1e6);
  if (bytes >= 1e3) return fmt::format("{:.1f} kB", bytes / 1e3);
  return fmt::format("{:.0f} B", bytes);
}

std::string Describe(const Result& result) {
  if (result.open_model) {
    return fmt::format("open model, {:g} requests/s over at most {} connections", result.target_rate,
                       result.connections);
  }
  return "closed model, " + Counted(result.users, "user");
}

// "5.00 s", or when answers were still awaited after the schedule ended,
// where the time beyond --duration went (throughput is over all of it).
std::string RunLength(const Result& result) {
  std::string out = fmt::format("{:.2f} s", result.elapsed_seconds);
  if (result.interrupted) return out + " (interrupted)";
  const double wait = result.elapsed_seconds - result.load_seconds;
  if (result.load_seconds > 0 && wait >= 0.05) {
    out += fmt::format(" ({:.2f} s of load, then {:.2f} s waiting for answers still on the way)",
                       result.load_seconds, wait);
  }
  return out;
}

std::string StatusSummary(const Result& result) {
  std::string out;
  for (const auto& [code, count] : result.status_counts) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", count, code);
  }
  return out.empty() ? "none" : out;
}

std::string ErrorSummary(const Result& result) {
  std::string out = fmt::format("{} ({:.2f}%)", result.TotalErrors(), result.ErrorRate() * 100);
  std::string kinds;
  for (size_t i = 0; i < kErrorKindCount; ++i) {
    if (result.errors[i] == 0) continue;
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ",
                         ErrorKindName(static_cast<ErrorKind>(i)), result.errors[i]);
  }
  return kinds.empty() ? out : out + ": " + kinds;
}

std::string LatencyRow(std::string_view name, const Histogram& histogram) {
  std::string row = fmt::format("  {:<12}", name);
  for (double percentile : kPercentiles) {
    row += fmt::format(" {:>9}", FormatLatency(histogram.ValueAtPercentile(percentile)));
  }
  row += fmt::format(" {:>9} {:>9}\n", FormatLatency(histogram.max()),
                     FormatLatency(static_cast<uint64_t>(std::llround(histogram.mean()))));
  return row;
}

std::string ThresholdLines(const std::vector<ThresholdOutcome>& thresholds) {
  std::string out;
  for (const ThresholdOutcome& outcome : thresholds) {
    out += fmt::format("  {:<24} {}  (measured {})\n", outcome.threshold->text,
                       outcome.passed ? "pass" : "FAIL",
                       FormatThresholdValue(*outcome.threshold, outcome.actual));
  }
  return out;
}

std::string LatencyJson(const Histogram& histogram) {
  std::string out = "{";
  for (size_t i = 0; i < std::size(kPercentiles); ++i) {
    out += fmt::format("\"{}\": {}, ", kPercentileNames[i],
                       Milliseconds(histogram.ValueAtPercentile(kPercentiles[i])));
  }
  return out + fmt::format("\"min\": {}, \"max\": {}, \"mean\": {:.3f}, \"count\": {}}}",
                           Milliseconds(histogram.min()), Milliseconds(histogram.max()),
                           histogram.mean() / 1e3, histogram.count());
}

std::string ThresholdsJson(const std::vector<ThresholdOutcome>& thresholds) {
  std::string out = "[";
  for (const ThresholdOutcome& outcome : thresholds) {
    out += fmt::format("{}{{\"threshold\": {}, \"measured\": {}, \"passed\": {}}}",
                       out.size() > 1 ? ", " : "", JsonString(outcome.threshold->text),
                       JsonString(FormatThresholdValue(*outcome.threshold, outcome.actual)),
                       outcome.passed);
  }
  return out + "]";
}

// One chart: a line per series over the run's time line (`x_unit` "s") or
// over step numbers (`x_unit` "").
std::string LineChart(std::string_view title, std::string_view unit, double interval_seconds,
                      std::vector<reports::ChartSeries> series, std::string_view x_unit = "s") {
  reports::LineChartSpec chart;
  chart.title = std::string(title);
  chart.unit = std::string(unit);
  chart.x_step = interval_seconds;
  chart.x_unit = std::string(x_unit);
  chart.series = std::move(series);
  return reports::LineChart(chart);
}

std::string HtmlHead() {
  return reports::HtmlPageStart(
      "dsaudit bench",
      "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
      "margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}"
      "th:first-child,td:first-child{text-align:left}.fail{color:#b00;font-weight:bold}"
      ".pass{color:#080}");
}

std::string HtmlResultBody(const Result& result, const std::vector<ThresholdOutcome>& thresholds) {
  std::string html = fmt::format("<h1>dsaudit bench</h1>\n<p><code>{}</code>: {}, {}</p>\n",
                                 HtmlEscape(result.url), HtmlEscape(Describe(result)), HtmlEscape(RunLength(result)));
  html += fmt::format(
      "<table id=\"summary\">\n<tr><th>requests</th><td>{}</td></tr>\n"
      "<tr><th>responses</th><td>{}</td></tr>\n<tr><th>throughput</th><td>{:.1f}/s</td></tr>\n"
      "<tr><th>errors</th><td>{}</td></tr>\n<tr><th>status codes</th><td>{}</td></tr>\n"
      "<tr><th>dropped (never sent)</th><td>{}</td></tr>\n</table>\n",
      result.started, result.completed, result.Throughput(), HtmlEscape(ErrorSummary(result)),
      HtmlEscape(StatusSummary(result)), result.dropped);
  html += fmt::format("<table id=\"latency\">\n<tr><th>latency (precision {:.1g}%)</th>",
                      result.corrected.precision() * 100);
  for (const char* name : kPercentileNames) html += fmt::format("<th>{}</th>", name);
  html += "<th>max</th><th>mean</th></tr>\n";
  auto row = [&](std::string_view name, const Histogram& histogram) {
    html += fmt::format("<tr><td>{}</td>", name);
    for (double percentile : kPercentiles) {
      html += fmt::format("<td>{}</td>", FormatLatency(histogram.ValueAtPercentile(percentile)));
    }
    html += fmt::format("<td>{}</td><td>{}</td></tr>\n", FormatLatency(histogram.max()),
                        FormatLatency(static_cast<uint64_t>(std::llround(histogram.mean()))));
  };
  row(result.open_model ? "corrected (from due time)" : "latency", result.corrected);
  if (result.open_model) row("uncorrected (from send)", result.uncorrected);
  html += "</table>\n";
  if (!thresholds.empty()) {
    html += "<table id=\"thresholds\">\n<tr><th>threshold</th><th>measured</th><th>result</th></tr>\n";
    for (const ThresholdOutcome& outcome : thresholds) {
      html += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>\n",
                          HtmlEscape(outcome.threshold->text),
                          FormatThresholdValue(*outcome.threshold, outcome.actual),
                          outcome.passed ? "pass" : "fail", outcome.passed ? "pass" : "FAIL");
    }
    html += "</table>\n";
  }
  reports::ChartSeries p50{"p50", "#1f77b4", {}}, p90{"p90", "#ff7f0e", {}}, p99{"p99", "#d62728", {}};
  reports::ChartSeries responses{"responses/s", "#2ca02c", {}}, errors{"errors/s", "#d62728", {}};
  for (const Interval& interval : result.intervals) {
    // A last slice of a few milliseconds holds a handful of responses: its
    // rate and percentiles would be noise, so the charts leave it out.
    if (interval.seconds < 0.2 * result.interval_seconds) continue;
    p50.values.push_back(static_cast<double>(interval.p50_us) / 1e3);
    p90.values.push_back(static_cast<double>(interval.p90_us) / 1e3);
    p99.values.push_back(static_cast<double>(interval.p99_us) / 1e3);
    responses.values.push_back(static_cast<double>(interval.completed) / interval.seconds);
    errors.values.push_back(static_cast<double>(interval.errors) / interval.seconds);
  }
  html += "<h2>Latency over time</h2>\n" +
          LineChart("latency percentiles", "ms", result.interval_seconds, {p50, p90, p99});
  html += "<h2>Throughput over time</h2>\n" +
          LineChart("throughput", "per second", result.interval_seconds, {responses, errors});
  return html;
}

}  // namespace

std::string FormatLatency(uint64_t microseconds) {
  if (microseconds < 1000) return fmt::format("{}us", microseconds);
  if (microseconds < 1'000'000) return fmt::format("{:.2f}ms", static_cast<double>(microseconds) / 1e3);
  return fmt::format("{:.2f}s", static_cast<double>(microseconds) / 1e6);
}

std::string TextReport(const Result& result, const std::vector<ThresholdOutcome>& thresholds) {
  std::string out = fmt::format("{}: {}, {}, {}\n", result.url, Describe(result),
                                Counted(result.threads, "thread"), RunLength(result));
  out += fmt::format("requests     {} sent, {} responses ({})", result.started, result.completed,
                     StatusSummary(result));
  if (result.dropped != 0) out += fmt::format(", {} due but never sent", result.dropped);
  if (result.unfinished != 0) out += fmt::format(", {} unfinished at the end", result.unfinished);
  out += fmt::format("\nthroughput   {:.1f} responses/s, {} received, {} sent, {} opened\n",
                     result.Throughput(), Bytes(static_cast<double>(result.bytes_received)),
                     Bytes(static_cast<double>(result.bytes_sent)), Counted(result.connects, "connection"));
  out += fmt::format("errors       {}\n", ErrorSummary(result));
  out += fmt::format("latency      {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}   (precision {:.1g}%)\n",
                     "p50", "p90", "p99", "p99.9", "max", "mean",
                     result.corrected.precision() * 100);
  if (result.open_model) {
    out += LatencyRow("corrected", result.corrected);
    out += LatencyRow("uncorrected", result.uncorrected);
  } else {
    out += LatencyRow("", result.corrected);
  }
  if (!thresholds.empty()) out += "thresholds\n" + ThresholdLines(thresholds);
  return out;
}

std::string JsonReport(const Result& result, const std::vector<ThresholdOutcome>& thresholds) {
  std::string out = "{\n";
  out += fmt::format("  \"url\": {},\n  \"model\": \"{}\",\n", JsonString(result.url),
                     result.open_model ? "open" : "closed");
  if (result.open_model) {
    out += fmt::format("  \"rate\": {},\n  \"connections\": {},\n", result.target_rate,
                       result.connections);
  } else {
    out += fmt::format("  \"users\": {},\n", result.users);
  }
  out += fmt::format("  \"threads\": {},\n  \"elapsed_seconds\": {:.3f},\n  \"load_seconds\": {:.3f},\n"
                     "  \"interrupted\": {},\n",
                     result.threads, result.elapsed_seconds, result.load_seconds, result.interrupted);
  out += fmt::format(
      "  \"requests\": {{\"sent\": {}, \"responses\": {}, \"dropped\": {}, \"unfinished\": {}}},\n"
      "  \"connections_opened\": {},\n",
      result.started, result.completed, result.dropped, result.unfinished, result.connects);
  out += fmt::format("  \"throughput_per_second\": {:.3f},\n", Finite(result.Throughput()));
  out += fmt::format("  \"bytes\": {{\"sent\": {}, \"received\": {}}},\n", result.bytes_sent,
                     result.bytes_received);
  out += fmt::format("  \"latency_ms\": {{\"precision\": {}, \"corrected\": {}, \"uncorrected\": {}}},\n",
                     result.corrected.precision(), LatencyJson(result.corrected),
                     LatencyJson(result.uncorrected));
  out += fmt::format("  \"errors\": {{\"total\": {}, \"rate\": {:.6f}", result.TotalErrors(),
                     result.ErrorRate());
  for (size_t i = 0; i < kErrorKindCount; ++i) {
    out += fmt::format(", \"{}\": {}", ErrorKindName(static_cast<ErrorKind>(i)), result.errors[i]);
  }
  out += "},\n  \"status_codes\": {";
  bool first = true;
  for (const auto& [code, count] : result.status_counts) {
    out += fmt::format("{}\"{}\": {}", first ? "" : ", ", code, count);
    first = false;
  }
  out += fmt::format("}},\n  \"interval_seconds\": {},\n  \"intervals\": [", result.interval_seconds);
  for (size_t i = 0; i < result.intervals.size(); ++i) {
    const Interval& interval = result.intervals[i];
    out += fmt::format(
        "{}\n    {{\"seconds\": {:.3f}, \"responses\": {}, \"errors\": {}, \"p50_ms\": {}, \"p90_ms\": {}, "
        "\"p99_ms\": {}, \"max_ms\": {}}}",
        i == 0 ? "" : ",", interval.seconds, interval.completed, interval.errors, Milliseconds(interval.p50_us),
        Milliseconds(interval.p90_us), Milliseconds(interval.p99_us),
        Milliseconds(interval.max_us));
  }
  out += fmt::format("\n  ],\n  \"thresholds\": {}\n}}\n", ThresholdsJson(thresholds));
  return out;
}

std::string HtmlReport(const Result& result, const std::vector<ThresholdOutcome>& thresholds) {
  return HtmlHead() + HtmlResultBody(result, thresholds) + reports::HtmlPageEnd();
}

std::string FindMaxTextReport(const FindMaxOutcome& outcome) {
  std::string slo;
  for (const Threshold& threshold : outcome.slo) slo += (slo.empty() ? "" : ", ") + threshold.text;
  std::string out = fmt::format("find-max: objective {}\n", slo.empty() ? "(none)" : slo);
  for (const FindMaxStep& step : outcome.steps) {
    out += fmt::format("  {:>10.1f}/s  {}  p99 {} (uncorrected {}), {:.1f} responses/s{}\n",
                       step.rate, step.passed ? "pass" : "FAIL",
                       FormatLatency(step.result.corrected.ValueAtPercentile(99)),
                       FormatLatency(step.result.uncorrected.ValueAtPercentile(99)),
                       step.result.Throughput(), step.passed ? "" : ": " + step.reason);
  }
  if (!outcome.found) return out + "no rate tried met the objective\n";
  return out + fmt::format(
                   "highest sustainable rate: {:.1f} requests/s; concurrency there (Little's law): "
                   "{:.1f} requests in flight\n",
                   outcome.max_rate, outcome.concurrency);
}

std::string FindMaxJsonReport(const FindMaxOutcome& outcome) {
  std::string out = "{\n  \"objective\": [";
  for (size_t i = 0; i < outcome.slo.size(); ++i) {
    out += (i == 0 ? "" : ", ") + JsonString(outcome.slo[i].text);
  }
  out += fmt::format("],\n  \"found\": {},\n  \"max_rate\": {:.3f},\n  \"concurrency\": {:.3f},\n"
                     "  \"interrupted\": {},\n  \"steps\": [",
                     outcome.found, outcome.max_rate, outcome.concurrency, outcome.interrupted);
  for (size_t i = 0; i < outcome.steps.size(); ++i) {
    const FindMaxStep& step = outcome.steps[i];
    out += fmt::format(
        "{}\n    {{\"rate\": {:.3f}, \"passed\": {}, \"reason\": {}, \"throughput_per_second\": "
        "{:.3f}, \"latency_ms\": {{\"corrected\": {}, \"uncorrected\": {}}}, \"errors\": {}}}",
        i == 0 ? "" : ",", step.rate, step.passed, JsonString(step.reason),
        Finite(step.result.Throughput()), LatencyJson(step.result.corrected),
        LatencyJson(step.result.uncorrected), step.result.TotalErrors());
  }
  return out + "\n  ]\n}\n";
}

std::string FindMaxHtmlReport(const FindMaxOutcome& outcome) {
  std::string html = HtmlHead();
  html += "<h1>dsaudit bench --find-max</h1>\n<pre>" + HtmlEscape(FindMaxTextReport(outcome)) +
          "</pre>\n";
  reports::ChartSeries p99{"p99", "#d62728", {}}, throughput{"responses/s", "#2ca02c", {}};
  for (const FindMaxStep& step : outcome.steps) {
    p99.values.push_back(static_cast<double>(step.result.corrected.ValueAtPercentile(99)) / 1e3);
    throughput.values.push_back(step.result.Throughput());
  }
  html += "<h2>Per step</h2>\n" + LineChart("corrected p99 by step", "ms", 1, {p99}, "") +
          LineChart("throughput by step", "per second", 1, {throughput}, "");
  if (!outcome.steps.empty()) {
    html += "<h2>Last step</h2>\n" + HtmlResultBody(outcome.steps.back().result, {});
  }
  return html + reports::HtmlPageEnd();
}

}  // namespace dsaudit::loadtest
