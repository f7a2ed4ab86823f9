#include "load/load_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "load/civil_time.h"
#include "reports/json_writer.h"

namespace dsaudit::load {
namespace {

// A compact JSON builder: the report is a fixed shape, so commas are
// tracked per level and numbers printed with fixed precision.
class Json {
 public:
  Json& Open(char bracket) {
    Comma();
    out_ += bracket;
    first_ = true;
    return *this;
  }
  Json& Close(char bracket) {
    out_ += bracket;
    first_ = false;
    return *this;
  }
  Json& Key(std::string_view key) {
    Comma();
    reports::AppendJsonString(out_, key);
    out_ += ':';
    first_ = true;
    return *this;
  }
  Json& Str(std::string_view value) {
    Comma();
    reports::AppendJsonString(out_, value);
    return *this;
  }
  Json& Int(uint64_t value) { return Raw(fmt::format("{}", value)); }
  Json& Num(double value) {
    if (!std::isfinite(value)) return Raw("null");
    if (value == std::round(value) && std::abs(value) < 1e15) return Raw(fmt::format("{}", static_cast<int64_t>(value)));
    return Raw(fmt::format("{:.6g}", value));
  }
  Json& Bool(bool value) { return Raw(value ? "true" : "false"); }
  Json& Null() { return Raw("null"); }
  Json& Time(int64_t unix_seconds) { return Str(FormatIsoUtc(unix_seconds)); }
  Json& Raw(std::string_view text) {
    Comma();
    out_ += text;
    return *this;
  }
  std::string Finish() { return out_ + "\n"; }

 private:
  void Comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
};

// Appends one formatted line.
struct Lines {
  std::string& out;
  template <typename... Args>
  void operator()(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
    out += '\n';
  }
};

double Round1(double x) { return std::round(x * 10) / 10; }

void Endpoints(Json& j, const std::vector<EndpointRow>& rows) {
  j.Open('[');
  for (const EndpointRow& row : rows) {
    j.Open('{').Key("path").Str(row.path).Key("requests").Int(row.requests);
    j.Key("total_time_s").Num(row.total_time_s).Key("mean_time_ms").Num(row.mean_time_ms).Close('}');
  }
  j.Close(']');
}

void Series(Json& j, const std::vector<double>& values) {
  j.Open('[');
  for (double v : values) j.Num(Round1(v));
  j.Close(']');
}

void ForecastJson(Json& j, const LoadReport& r, size_t horizon) {
  const ForecastResult& f = r.forecast;
  j.Key("forecast").Open('{').Key("available").Bool(f.ok);
  if (!f.ok) {
    j.Key("reason").Str(r.empty ? "no requests" : f.reason).Close('}');
    return;
  }
  j.Key("model").Str(f.model).Key("seasonality").Open('[').Str("daily");
  if (f.weekly) j.Str("weekly");
  j.Close(']');
  j.Key("params").Open('{').Key("alpha").Num(f.alpha).Key("beta").Num(f.beta);
  j.Key("gamma_daily").Num(f.gamma_daily).Key("gamma_weekly").Num(f.gamma_weekly).Close('}');
  j.Key("horizon_hours").Int(horizon);
  j.Key("backtest").Open('{').Key("held_out_hours").Int(f.backtest_hours);
  j.Key("error_wape").Num(f.backtest_error).Close('}');
  j.Key("peak").Open('{').Key("time").Time(r.forecast_peak_time);
  j.Key("hour_rps").Num(r.forecast_peak_hour_rps).Key("hour_rps_upper").Num(r.forecast_peak_hour_upper_rps);
  j.Key("peak_rps").Num(r.forecast_peak_rps).Close('}');
  j.Key("hourly").Open('{').Key("start").Time(r.history_start + static_cast<int64_t>(r.hourly.size()) * 3600);
  j.Key("step_s").Int(3600).Key("mean");
  Series(j, f.mean);
  j.Key("lower");
  Series(j, f.lower);
  j.Key("upper");
  Series(j, f.upper);
  j.Close('}').Close('}');
}

void ConcurrencyJson(Json& j, const Concurrency& c) {
  j.Key("concurrency");
  if (!c.computed) {
    j.Null();
    return;
  }
  j.Open('{').Key("method").Str("Little's law: concurrent requests = arrival rate x time in system");
  j.Key("time_in_system_s").Num(c.time_in_system_s).Key("time_source").Str(c.time_source);
  auto row = [&](std::string_view name, double rate, double concurrent) {
    j.Key(name).Open('{').Key("arrival_rps").Num(rate).Key("concurrent").Num(concurrent).Close('}');
  };
  row("mean", c.mean_arrival_rps, c.mean);
  row("peak_minute", c.peak_minute_arrival_rps, c.peak_minute);
  row("peak_second", c.peak_second_arrival_rps, c.peak_second);
  j.Close('}');
}

void SourcesJson(Json& j, const std::vector<SourceReport>& sources) {
  j.Key("sources").Open('[');
  for (const SourceReport& s : sources) {
    j.Open('{').Key("name").Str(s.name).Key("format").Str(s.format).Key("bytes").Int(s.bytes);
    j.Key("compressed").Bool(s.compressed).Key("error");
    if (s.error.empty()) {
      j.Null();
    } else {
      j.Str(s.error);
    }
    j.Close('}');
  }
  j.Close(']');
}

void LinesJson(Json& j, const LoadReport& r) {
  j.Key("lines").Open('{').Key("total").Int(r.lines).Key("records").Int(r.lines - r.malformed - r.skipped);
  j.Key("malformed").Int(r.malformed).Key("skipped").Int(r.skipped).Key("malformed_samples").Open('[');
  for (const MalformedSample& s : r.samples) {
    j.Open('{').Key("source").Str(s.source).Key("line").Int(s.line).Key("text").Str(s.text).Close('}');
  }
  j.Close(']').Close('}');
}

void StatusJson(Json& j, const LoadReport& r) {
  j.Key("status").Open('{').Key("classes").Open('{');
  for (int c = 1; c <= 5; ++c) j.Key(fmt::format("{}xx", c)).Int(r.status_classes[c]);
  j.Key("unknown").Int(r.status_classes[0]).Close('}').Key("codes").Open('[');
  for (const auto& [code, n] : r.top_statuses) j.Open('{').Key("code").Int(code).Key("requests").Int(n).Close('}');
  j.Close(']').Key("client_error_rate").Num(r.client_error_rate);
  j.Key("server_error_rate").Num(r.server_error_rate).Key("daily").Open('[');
  for (const DayErrors& d : r.daily_errors) {
    j.Open('{').Key("day").Str(FormatIsoUtc(d.day_start).substr(0, 10)).Key("requests").Int(d.requests);
    j.Key("4xx").Int(d.client_errors).Key("5xx").Int(d.server_errors).Close('}');
  }
  j.Close(']').Close('}');
}

void TrafficJson(Json& j, const LoadReport& r) {
  j.Key("time_range").Open('{').Key("first").Time(r.first_time).Key("last").Time(r.last_time);
  j.Key("duration_s").Num(r.duration_s).Key("requests_outside").Int(r.outside_timeline);
  if (r.outside_timeline > 0) {
    j.Key("outside_first").Time(r.outside_first_time).Key("outside_last").Time(r.outside_last_time);
  }
  j.Close('}');
  j.Key("requests").Open('{').Key("total").Int(r.requests).Key("mean_per_second").Num(r.mean_rps);
  j.Key("mean_per_minute").Num(r.mean_rps * 60).Key("mean_per_hour").Num(r.mean_rps * 3600).Close('}');
  j.Key("peaks").Open('{');
  j.Key("second").Open('{').Key("time").Time(r.peak_second_time).Key("requests").Int(r.peak_second_requests).Close('}');
  j.Key("minute").Open('{').Key("time").Time(r.peak_minute_time).Key("requests").Int(r.peak_minute_requests);
  j.Key("rps").Num(r.peak_minute_requests / 60.0).Close('}');
  j.Key("hour").Open('{').Key("time").Time(r.peak_hour_time).Key("requests").Int(r.peak_hour_requests);
  j.Key("rps").Num(r.peak_hour_requests / 3600.0).Close('}');
  j.Key("peak_to_mean").Num(r.peak_to_mean).Close('}');
  j.Key("rate_per_second").Open('{').Key("p50").Num(r.rate_p50).Key("p95").Num(r.rate_p95);
  j.Key("p99").Num(r.rate_p99).Key("max").Num(r.rate_max).Close('}');
  j.Key("bursts").Open('[');
  for (const Burst& b : r.bursts) {
    j.Open('{').Key("start").Time(b.start).Key("end").Time(b.end).Key("duration_s").Int(b.end - b.start);
    j.Key("peak_requests_per_minute").Int(b.peak_minute_requests);
    j.Key("baseline_requests_per_minute").Num(b.baseline_per_minute).Key("factor").Num(b.factor);
    j.Key("requests").Int(b.requests).Close('}');
  }
  j.Close(']');
  j.Key("profiles").Open('{').Key("utc_offset_minutes").Raw(fmt::format("{}", r.profile_offset_minutes));
  j.Key("daily_rps").Open('[');
  for (double v : r.daily_profile_rps) j.Num(v);
  j.Close(']').Key("weekly_rps").Open('[');
  for (double v : r.weekly_profile_rps) j.Num(v);
  j.Close(']').Key("week_hour_rps").Open('[');
  for (double v : r.week_hour_profile_rps) j.Num(v);
  j.Close(']').Close('}');
}

// A profile's mean rate, "-" for an hour the log has no full hour of.
std::string ProfileRate(double rps) { return std::isnan(rps) ? "-" : fmt::format("{:.3g}", rps); }

void ProfileLines(const LoadReport& r, Lines& line) {
  if (r.week_hours_covered == 0) {
    line("profiles     none: the log has no full hour");
    return;
  }
  const auto& week = r.week_hour_profile_rps;
  std::optional<size_t> busiest, quietest;
  for (size_t i = 0; i < week.size(); ++i) {
    if (std::isnan(week[i])) continue;
    if (!busiest || week[i] > week[*busiest]) busiest = i;
    if (!quietest || week[i] < week[*quietest]) quietest = i;
  }
  std::string daily;
  for (double v : r.daily_profile_rps) daily += " " + ProfileRate(v);
  line("daily rps    (UTC{:+03}:{:02}, hours 0-23){}", r.profile_offset_minutes / 60,
       std::abs(r.profile_offset_minutes % 60), daily);
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::string weekly;
  for (int d = 0; d < 7; ++d) weekly += fmt::format(" {} {}", kDays[d], ProfileRate(r.weekly_profile_rps[d]));
  line("weekly rps  {}", weekly);
  line("week hours   busiest {} {:02}:00 ({:.3g}/s), quietest {} {:02}:00 ({:.3g}/s){}", kDays[*busiest / 24],
       *busiest % 24, week[*busiest], kDays[*quietest / 24], *quietest % 24, week[*quietest],
       r.week_hours_covered < week.size()
           ? fmt::format(" of the {} hours of the week the log covers", r.week_hours_covered)
           : "");
}

}  // namespace

std::string RenderJson(const LoadReport& r, const std::vector<SourceReport>& sources,
                       size_t horizon_hours) {
  Json j;
  j.Open('{').Key("schema").Str("dsaudit-load/1");
  SourcesJson(j, sources);
  LinesJson(j, r);
  if (r.empty) {
    j.Key("time_range").Null().Key("requests").Open('{').Key("total").Int(0).Close('}');
    ForecastJson(j, r, horizon_hours);
    return j.Close('}').Finish();
  }
  TrafficJson(j, r);
  StatusJson(j, r);
  j.Key("endpoints").Open('{').Key("distinct").Int(r.endpoint_count).Key("by_requests");
  Endpoints(j, r.top_by_requests);
  j.Key("by_time");
  Endpoints(j, r.top_by_time);
  j.Close('}');
  j.Key("bandwidth").Open('{').Key("bytes").Int(r.bytes).Key("mean_mbps").Num(r.mean_mbps);
  j.Key("peak_minute_mbps").Num(r.peak_minute_mbps).Key("peak_time").Time(r.peak_bandwidth_time).Close('}');
  j.Key("clients");
  if (r.has_clients) {
    j.Open('{').Key("unique_estimate").Num(std::round(r.unique_clients));
    j.Key("relative_error").Num(r.unique_clients_error).Key("method").Str("HyperLogLog, 2^14 registers").Close('}');
  } else {
    j.Null();
  }
  j.Key("bots").Open('{').Key("request_share").Num(r.bot_share).Close('}');
  j.Key("latency");
  if (r.timed_requests == 0) {
    j.Null();
  } else {
    j.Open('{').Key("requests").Int(r.timed_requests).Key("mean_s").Num(r.latency_mean);
    j.Key("p50_s").Num(r.latency_p50).Key("p90_s").Num(r.latency_p90).Key("p95_s").Num(r.latency_p95);
    j.Key("p99_s").Num(r.latency_p99).Key("max_s").Num(r.latency_max).Close('}');
  }
  ConcurrencyJson(j, r.concurrency);
  ForecastJson(j, r, horizon_hours);
  j.Key("history").Open('{').Key("start").Time(r.history_start).Key("step_s").Int(3600).Key("requests");
  Series(j, r.hourly);
  j.Close('}');
  return j.Close('}').Finish();
}

std::string RenderText(const LoadReport& r, const std::vector<SourceReport>& sources) {
  std::string out;
  Lines line{out};
  for (const SourceReport& s : sources) {
    if (!s.error.empty()) line("{}: error: {}", s.name, s.error);
  }
  for (const SourceReport& s : sources) {
    line("source       {} ({}{}, {:.1f} MB)", s.name, s.FormatLabel(),
         s.compressed ? ", gzip" : "", s.bytes / 1e6);
  }
  line("lines        {} read, {} malformed, {} skipped", r.lines, r.malformed, r.skipped);
  for (const MalformedSample& s : r.samples) line("  malformed  {}:{}: {}", s.source, s.line, s.text);
  if (r.empty) {
    line("no requests");
    return out;
  }
  line("time range   {} .. {} ({:.1f} days)", FormatIsoUtc(r.first_time), FormatIsoUtc(r.last_time),
       r.duration_s / 86400);
  if (r.outside_timeline > 0) {
    line("warning      {} requests stamped outside that range ({} .. {}) are left out of rates, "
         "bursts, profiles and the forecast",
         r.outside_timeline, FormatIsoUtc(r.outside_first_time), FormatIsoUtc(r.outside_last_time));
  }
  line("requests     {} ({:.2f}/s, {:.1f}/min, {:.0f}/h on average)", r.requests, r.mean_rps,
       r.mean_rps * 60, r.mean_rps * 3600);
  line("peak second  {} requests at {}", r.peak_second_requests, FormatIsoUtc(r.peak_second_time));
  line("peak minute  {} requests ({:.2f}/s) at {}", r.peak_minute_requests,
       r.peak_minute_requests / 60.0, FormatIsoUtc(r.peak_minute_time));
  line("peak hour    {} requests ({:.2f}/s) at {}", r.peak_hour_requests, r.peak_hour_requests / 3600.0,
       FormatIsoUtc(r.peak_hour_time));
  line("rate/s       p50 {:.0f}, p95 {:.0f}, p99 {:.0f}, max {:.0f}; peak/mean {:.1f}", r.rate_p50,
       r.rate_p95, r.rate_p99, r.rate_max, r.peak_to_mean);
  line("bursts       {}", r.bursts.size());
  for (const Burst& b : r.bursts) {
    line("  {} .. {}  peak {}/min, {:.1f}x baseline {:.0f}/min", FormatIsoUtc(b.start),
         FormatIsoUtc(b.end), b.peak_minute_requests, b.factor, b.baseline_per_minute);
  }
  ProfileLines(r, line);
  line("status       2xx {}, 3xx {}, 4xx {} ({:.2f}%), 5xx {} ({:.2f}%)", r.status_classes[2],
       r.status_classes[3], r.status_classes[4], r.client_error_rate * 100, r.status_classes[5],
       r.server_error_rate * 100);
  line("endpoints    {} distinct; top by requests:", r.endpoint_count);
  for (const EndpointRow& e : r.top_by_requests) line("  {:>10}  {}", e.requests, e.path);
  if (!r.top_by_time.empty()) {
    line("top by total time:");
    for (const EndpointRow& e : r.top_by_time) {
      line("  {:>10.1f} s  {:.1f} ms mean  {}", e.total_time_s, e.mean_time_ms, e.path);
    }
  }
  line("bandwidth    {:.1f} GB, {:.2f} Mbit/s mean, {:.2f} Mbit/s peak minute at {}", r.bytes / 1e9,
       r.mean_mbps, r.peak_minute_mbps, FormatIsoUtc(r.peak_bandwidth_time));
  if (r.has_clients) {
    line("clients      ~{:.0f} unique (HyperLogLog, +/-{:.1f}%)", r.unique_clients,
         r.unique_clients_error * 100);
  }
  line("bots         {:.1f}% of requests", r.bot_share * 100);
  if (r.timed_requests > 0) {
    line("latency      p50 {:.1f} ms, p90 {:.1f} ms, p95 {:.1f} ms, p99 {:.1f} ms, max {:.1f} ms "
         "({} timed)", r.latency_p50 * 1e3, r.latency_p90 * 1e3, r.latency_p95 * 1e3,
         r.latency_p99 * 1e3, r.latency_max * 1e3, r.timed_requests);
  }
  const Concurrency& c = r.concurrency;
  if (c.computed) {
    line("concurrency  Little's law, time in system {:.3f} s ({}): mean {:.1f}, peak minute {:.1f}, "
         "peak second {:.1f}", c.time_in_system_s,
         c.time_source == "assumed" ? "assumed, --response-time" : "mean logged request time", c.mean,
         c.peak_minute, c.peak_second);
  } else {
    line("concurrency  not computed: the log has no request times (pass --response-time SECONDS)");
  }
  const ForecastResult& f = r.forecast;
  if (!f.ok) {
    line("forecast     none: {}", f.reason);
    return out;
  }
  line("forecast     Holt-Winters, {}, daily{} seasonality, {} weeks ahead", f.model,
       f.weekly ? " + weekly" : "", f.mean.size() / 168.0);
  line("  peak hour  {:.2f}/s mean (95% up to {:.2f}/s) at {}; peak second ~{:.1f}/s",
       r.forecast_peak_hour_rps, r.forecast_peak_hour_upper_rps, FormatIsoUtc(r.forecast_peak_time),
       r.forecast_peak_rps);
  if (std::isnan(f.backtest_error)) {
    line("  backtest   not measured: no requests in the last {} hours held out", f.backtest_hours);
  } else {
    line("  backtest   {:.1f}% error (WAPE) on the last {} hours held out", f.backtest_error * 100,
         f.backtest_hours);
  }
  return out;
}

}  // namespace dsaudit::load
