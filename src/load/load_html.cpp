#include "load/load_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "base/counted.h"
#include "load/civil_time.h"
#include "load/time_axis.h"
#include "reports/html_page.h"
#include "reports/svg_chart.h"

namespace dsaudit::load {
namespace {

using reports::HtmlEscape;

constexpr std::string_view kCss =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1f2933;"
    "background:#f5f7fa;line-height:1.4}"
    "header{background:#1f2933;color:#fff;padding:1.1em 2em}header h1{margin:0;font-size:1.5em}"
    "header p{margin:.3em 0 0;color:#cbd2d9;font-size:.9em}"
    "main{padding:.5em 2em 2em;max-width:1240px}"
    "section{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:.8em 1.4em;margin:1em 0}"
    "h2{font-size:1.15em;margin:.3em 0 .6em}h3{font-size:1em;margin:.8em 0 .3em}"
    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.8em;margin:1em 0}"
    ".card{background:#fff;border:1px solid #e4e7eb;border-radius:6px;padding:.6em 1em}"
    ".card .label{font-size:.75em;color:#616e7c;text-transform:uppercase;letter-spacing:.05em}"
    ".card .value{font-size:1.45em;font-weight:600;margin:.1em 0}"
    ".card .note{font-size:.8em;color:#52606d}"
    ".warnings{background:#fffbea;border-color:#f0b429}.warnings li{margin:.2em 0}"
    ".row{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}"
    ".aside{flex:1;min-width:260px;font-size:.9em}.aside dt{color:#616e7c;font-size:.85em}"
    ".aside dd{margin:0 0 .5em;font-weight:600}"
    ".caption{font-size:.85em;color:#52606d;margin:.2em 0 .6em}"
    "table{border-collapse:collapse;margin:.4em 0 .8em;font-size:.88em}"
    "td,th{border-bottom:1px solid #e4e7eb;padding:3px 10px;text-align:left;vertical-align:top}"
    "th{background:#f5f7fa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
    "code{font-size:.92em;word-break:break-all}"
    "pre{background:#f5f7fa;border:1px solid #e4e7eb;padding:.5em;white-space:pre-wrap;"
    "word-break:break-all;font-size:.85em}"
    "svg{max-width:100%;height:auto}";

constexpr std::string_view kBlue = "#2f6fb0", kLightBlue = "#9cc3e6", kOrange = "#e07b24",
                           kRed = "#c0392b", kGreen = "#2e8b57", kGrey = "#8e9aaf";

// Forecast and history are drawn at most this many points wide.
constexpr size_t kForecastPoints = 720;

std::string Thousands(uint64_t value) {
  std::string digits = std::to_string(value), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "2026-01-05 13:55:36 UTC".
std::string Time(int64_t unix_seconds) {
  std::string iso = FormatIsoUtc(unix_seconds);
  return iso.substr(0, 10) + " " + iso.substr(11, 8) + " UTC";
}

std::string Rate(double per_second) {
  return per_second >= 100 ? fmt::format("{:.0f}/s", per_second) : fmt::format("{:.2f}/s", per_second);
}

std::string Percent(double share) { return fmt::format("{:.2f}%", share * 100); }

std::string BacktestError(const ForecastResult& f) {
  return std::isnan(f.backtest_error) ? "not measured (no requests held out)"
                                      : fmt::format("{:.1f}%", f.backtest_error * 100);
}

std::string Milliseconds(double seconds) { return fmt::format("{:.1f} ms", seconds * 1e3); }

std::string Duration(double seconds) {
  if (seconds >= 2 * 86400) return fmt::format("{:.1f} days", seconds / 86400);
  if (seconds >= 2 * 3600) return fmt::format("{:.1f} hours", seconds / 3600);
  if (seconds >= 120) return fmt::format("{:.0f} minutes", seconds / 60);
  return fmt::format("{:.0f} s", seconds);
}

std::string Step(int64_t seconds) {
  if (seconds % 86400 == 0) return seconds == 86400 ? "day" : fmt::format("{} days", seconds / 86400);
  if (seconds % 3600 == 0) return seconds == 3600 ? "hour" : fmt::format("{} hours", seconds / 3600);
  return seconds == 60 ? "minute" : fmt::format("{} minutes", seconds / 60);
}

std::string UtcOffset(int32_t minutes) {
  return fmt::format("UTC{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
}

// Every text argument must already be escaped.
std::string Card(std::string_view label, std::string_view value, std::string_view note) {
  return fmt::format("<div class=\"card\"><div class=\"label\">{}</div><div class=\"value\">{}</div>"
                     "<div class=\"note\">{}</div></div>\n",
                     label, value, note);
}

std::string Header(const LoadReport& r, const std::vector<SourceReport>& sources, std::string_view version) {
  std::string names;
  for (const SourceReport& source : sources) names += (names.empty() ? "" : ", ") + source.name;
  std::string range = r.empty ? "no requests"
                              : fmt::format("{} to {} ({})", Time(r.first_time), Time(r.last_time),
                                            Duration(r.duration_s));
  return fmt::format("<header><h1>dsaudit load report</h1><p>{} &middot; {} &middot; dsaudit {}</p></header>\n",
                     HtmlEscape(names.empty() ? "(no input)" : names), HtmlEscape(range), HtmlEscape(version));
}

std::string Warnings(const LoadReport& r, const std::vector<SourceReport>& sources) {
  std::vector<std::string> items;
  for (const SourceReport& source : sources) {
    if (!source.error.empty()) items.push_back(HtmlEscape(source.name + ": " + source.error));
  }
  if (r.outside_timeline > 0) {
    items.push_back(fmt::format("{} requests stamped outside the analysed range ({} to {}) count in the totals "
                                "but are left out of rates, bursts, profiles and the forecast.",
                                Thousands(r.outside_timeline), Time(r.outside_first_time),
                                Time(r.outside_last_time)));
  }
  if (r.malformed > 0) {
    items.push_back(fmt::format("{} malformed lines were not counted (examples under <em>Input</em>).",
                                Thousands(r.malformed)));
  }
  if (!r.empty && !r.forecast.ok) items.push_back("No forecast: " + HtmlEscape(r.forecast.reason) + ".");
  if (!r.empty && !r.concurrency.computed) {
    items.push_back("Concurrency not computed: the log has no request times (pass --response-time SECONDS).");
  }
  if (items.empty()) return "";
  std::string out = "<section class=\"warnings\"><h2>Warnings</h2><ul>\n";
  for (const std::string& item : items) out += "<li>" + item + "</li>\n";
  return out + "</ul></section>\n";
}

std::string SummaryCards(const LoadReport& r) {
  std::string out = "<div class=\"cards\">\n";
  out += Card("Requests", Thousands(r.requests),
              fmt::format("{} mean, {:.1f}/min", Rate(r.mean_rps), r.mean_rps * 60));
  out += Card("Time range", Duration(r.duration_s), Time(r.first_time) + "<br>" + Time(r.last_time));
  out += Card("Peak second", fmt::format("{} req", Thousands(r.peak_second_requests)), Time(r.peak_second_time));
  out += Card("Peak minute", Rate(r.peak_minute_requests / 60.0),
              fmt::format("{} requests at {}", Thousands(r.peak_minute_requests), Time(r.peak_minute_time)));
  out += Card("Peak to mean", fmt::format("{:.1f}&times;", r.peak_to_mean),
              fmt::format("peak second over mean rate; rate/s p50 {:.0f}, p99 {:.0f}", r.rate_p50, r.rate_p99));
  double largest = 0;
  for (const Burst& burst : r.bursts) largest = std::max(largest, burst.factor);
  out += Card("Bursts", std::to_string(r.bursts.size()),
              r.bursts.empty() ? "no minutes far above their baseline"
                               : fmt::format("up to {:.1f}&times; the hour before", largest));
  out += Card("Error rate", Percent(r.client_error_rate + r.server_error_rate),
              fmt::format("4xx {}, 5xx {}", Percent(r.client_error_rate), Percent(r.server_error_rate)));
  if (r.has_clients) {
    out += Card("Unique clients", "~" + Thousands(static_cast<uint64_t>(std::llround(r.unique_clients))),
                fmt::format("&plusmn;{:.1f}% (HyperLogLog estimate)", r.unique_clients_error * 100));
  }
  out += Card("Bot share", Percent(r.bot_share), "requests from crawlers and bots (user agent)");
  out += Card("Bandwidth", fmt::format("{:.3g} Mbit/s", r.mean_mbps),
              fmt::format("mean; peak minute {:.3g} Mbit/s at {}; {:.2f} GB in all", r.peak_minute_mbps,
                          Time(r.peak_bandwidth_time), r.bytes / 1e9));
  if (r.timed_requests > 0) {
    out += Card("Latency p99", Milliseconds(r.latency_p99),
                fmt::format("p50 {}, p90 {}, p95 {}, max {}", Milliseconds(r.latency_p50),
                            Milliseconds(r.latency_p90), Milliseconds(r.latency_p95), Milliseconds(r.latency_max)));
  }
  if (r.concurrency.computed) {
    out += Card("Concurrency", fmt::format("{:.3g}", r.concurrency.peak_second),
                fmt::format("requests in flight at the peak second (Little's law); mean {:.3g}",
                            r.concurrency.mean));
  }
  if (r.forecast.ok) {
    out += Card("Forecast peak", Rate(r.forecast_peak_rps),
                fmt::format("busiest second expected at {}; backtest error {}", Time(r.forecast_peak_time),
                            BacktestError(r.forecast)));
  }
  return out + "</div>\n";
}

std::string BurstTable(const std::vector<Burst>& bursts) {
  if (bursts.empty()) return "<p class=\"caption\">No bursts: no run of minutes far above the hour before.</p>\n";
  std::string out =
      "<table id=\"bursts\"><tr><th>Start</th><th>End</th><th class=\"n\">Duration</th>"
      "<th class=\"n\">Peak / min</th><th class=\"n\">Baseline / min</th><th class=\"n\">Factor</th>"
      "<th class=\"n\">Requests</th></tr>\n";
  for (const Burst& b : bursts) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{:.0f}</td><td class=\"n\">{:.1f}&times;</td><td class=\"n\">{}</td></tr>\n",
                       Time(b.start), Time(b.end), Duration(static_cast<double>(b.end - b.start)),
                       Thousands(b.peak_minute_requests), b.baseline_per_minute, b.factor, Thousands(b.requests));
  }
  return out + "</table>\n";
}

std::string TrafficSection(const LoadReport& r) {
  const TrafficSeries& t = r.traffic;
  reports::LineChartSpec chart;
  chart.title = "Traffic over time";
  chart.unit = "requests per second, UTC";
  chart.x_start = static_cast<double>(t.start);
  chart.x_step = static_cast<double>(t.step_s);
  chart.nice_y = true;
  chart.width = 1160;
  chart.height = 300;
  int64_t end = t.start + static_cast<int64_t>(t.mean_rps.size()) * t.step_s;
  chart.x_ticks = TimeTicks(t.start, end, 10);
  if (t.step_s > 60) chart.series.push_back({"busiest minute", std::string(kLightBlue), t.peak_minute_rps});
  chart.series.push_back({"mean", std::string(kBlue), t.mean_rps});
  for (const Burst& b : r.bursts) {
    chart.spans.push_back({static_cast<double>(b.start), static_cast<double>(b.end),
                           fmt::format("burst {} to {}: peak {}/min, {:.1f}x baseline", Time(b.start), Time(b.end),
                                       b.peak_minute_requests, b.factor)});
  }
  std::string out = "<section id=\"traffic\"><h2>Traffic over time</h2>\n";
  out += fmt::format("<p class=\"caption\">One point per {}: its mean rate{}. Shaded: the {} "
                     "(hover for details).</p>\n",
                     Step(t.step_s), t.step_s > 60 ? " and its busiest minute" : "", Counted(r.bursts.size(), "burst"));
  out += reports::LineChart(chart);
  return out + "<h3>Bursts</h3>\n" + BurstTable(r.bursts) + "</section>\n";
}

// A profile cell's tooltip value; NaN is an hour the log has no full hour of.
std::string ProfileRate(double rps) {
  return std::isnan(rps) ? "not in the log" : fmt::format("{:.2f} requests/s", rps);
}

std::string ProfileSection(const LoadReport& r) {
  if (r.week_hours_covered == 0) {
    return "<section id=\"profiles\"><h2>Daily and weekly profiles</h2>\n"
           "<p class=\"caption\">None: the log has no full hour.</p></section>\n";
  }
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  reports::ColumnChartSpec daily{.title = "Daily profile", .unit = "mean requests/s by hour"};
  daily.highlight_color = std::string(kOrange);
  daily.width = 640;
  for (size_t h = 0; h < 24; ++h) {
    daily.columns.push_back({std::to_string(h), r.daily_profile_rps[h],
                             fmt::format("{:02}:00-{:02}:59: {}", h, h, ProfileRate(r.daily_profile_rps[h]))});
  }
  reports::ColumnChartSpec weekly{.title = "Weekly profile", .unit = "mean requests/s by day"};
  weekly.highlight_color = std::string(kOrange);
  weekly.width = 400;
  for (size_t d = 0; d < 7; ++d) {
    weekly.columns.push_back(
        {kDays[d], r.weekly_profile_rps[d], fmt::format("{}: {}", kDays[d], ProfileRate(r.weekly_profile_rps[d]))});
  }
  reports::HeatmapSpec week{.title = "Hour of the week", .unit = "mean requests/s"};
  for (size_t h = 0; h < 24; ++h) week.column_labels.push_back(h % 3 == 0 ? std::to_string(h) : "");
  for (size_t d = 0; d < 7; ++d) {
    week.row_labels.push_back(kDays[d]);
    std::vector<double>& row = week.values.emplace_back();
    std::vector<std::string>& tooltips = week.tooltips.emplace_back();
    for (size_t h = 0; h < 24; ++h) {
      double rps = r.week_hour_profile_rps[d * 24 + h];
      row.push_back(rps);
      tooltips.push_back(fmt::format("{} {:02}:00-{:02}:59: {}", kDays[d], h, h, ProfileRate(rps)));
    }
  }
  return fmt::format("<section id=\"profiles\"><h2>Daily and weekly profiles</h2>\n"
                     "<p class=\"caption\">Mean rate over the full hours of the log, in its own time zone ({}); "
                     "the busiest hour and day highlighted. The grid shows each hour of the week: its pale cells "
                     "are where batch jobs and maintenance disturb the fewest users; hours the log does not "
                     "cover are left empty.</p>\n"
                     "<div class=\"row\">{}{}</div>\n{}</section>\n",
                     UtcOffset(r.profile_offset_minutes), reports::ColumnChart(daily), reports::ColumnChart(weekly),
                     reports::Heatmap(week));
}

// Means of `group` consecutive values: an hourly series to fewer points.
std::vector<double> MeansOf(const std::vector<double>& values, size_t from, size_t group, double scale) {
  std::vector<double> out;
  for (size_t i = from; i < values.size(); i += group) {
    size_t n = std::min(group, values.size() - i);
    double sum = 0;
    for (size_t k = 0; k < n; ++k) sum += values[i + k];
    out.push_back(sum / static_cast<double>(n) * scale);
  }
  return out;
}

std::string ForecastSection(const LoadReport& r) {
  const ForecastResult& f = r.forecast;
  std::string out = "<section id=\"forecast\"><h2>Forecast</h2>\n";
  if (!f.ok) return out + "<p>No forecast: " + HtmlEscape(f.reason) + ".</p></section>\n";
  // As much forecast as there is history, and at least a week: twelve weeks
  // ahead of five days would draw all interval and no history.
  const size_t shown = std::min(f.mean.size(), std::max<size_t>(r.hourly.size(), 168));
  auto head = [shown](const std::vector<double>& values) {
    return std::vector<double>(values.begin(), values.begin() + static_cast<ptrdiff_t>(shown));
  };
  size_t group = 1;
  for (size_t candidate : {1, 2, 3, 4, 6, 8, 12, 24, 48, 168}) {
    group = candidate;
    if ((r.hourly.size() + shown) / candidate <= kForecastPoints) break;
  }
  // Whole groups only, so history and forecast share the step grid.
  const size_t skipped = r.hourly.size() % group;
  const size_t history_points = r.hourly.size() / group;
  const double per_second = 1.0 / 3600;
  reports::LineChartSpec chart;
  chart.title = "History and forecast";
  chart.unit = fmt::format("requests per second, mean per {}", Step(static_cast<int64_t>(group) * 3600));
  chart.x_start = static_cast<double>(r.history_start + static_cast<int64_t>(skipped) * 3600);
  chart.x_step = static_cast<double>(group) * 3600;
  chart.nice_y = true;
  chart.width = 820;
  chart.height = 300;
  const int64_t now = r.history_start + static_cast<int64_t>(r.hourly.size()) * 3600;
  chart.x_ticks = TimeTicks(static_cast<int64_t>(chart.x_start), now + static_cast<int64_t>(shown) * 3600, 8);
  chart.series.push_back({"history", std::string(kBlue), MeansOf(r.hourly, skipped, group, per_second)});
  chart.series.push_back({"forecast", std::string(kOrange), MeansOf(head(f.mean), 0, group, per_second),
                          history_points});
  chart.bands.push_back({"95% interval", std::string(kOrange), MeansOf(head(f.lower), 0, group, per_second),
                         MeansOf(head(f.upper), 0, group, per_second), history_points});
  chart.markers.push_back({static_cast<double>(now), "end of log"});
  if (shown < f.mean.size()) {
    out += fmt::format("<p class=\"caption\">The chart shows the first {} of the forecast; the figures beside it "
                       "cover all {}.</p>\n",
                       Duration(static_cast<double>(shown) * 3600), Duration(static_cast<double>(f.mean.size()) * 3600));
  }
  out += "<div class=\"row\">" + reports::LineChart(chart);
  out += fmt::format(
      "<dl class=\"aside\"><dt>Backtest error (WAPE)</dt><dd>{} on the last {} hours held out</dd>"
      "<dt>Model</dt><dd>Holt-Winters, {}, daily{} seasonality</dd>"
      "<dt>Horizon</dt><dd>{} ({} hours)</dd>"
      "<dt>Forecast peak hour</dt><dd>{} mean (95% up to {}) at {}</dd>"
      "<dt>Forecast peak second</dt><dd>~{}: the peak hour times the observed peak-second to peak-hour "
      "ratio; size servers for this</dd>"
      "<dt>Smoothing</dt><dd>&alpha; {:g}, &beta; {:g}, &gamma; daily {:g}, weekly {:g}</dd></dl></div>\n",
      BacktestError(f), f.backtest_hours, HtmlEscape(f.model), f.weekly ? " and weekly" : "",
      Duration(static_cast<double>(f.mean.size()) * 3600), f.mean.size(), Rate(r.forecast_peak_hour_rps),
      Rate(r.forecast_peak_hour_upper_rps), Time(r.forecast_peak_time), Rate(r.forecast_peak_rps), f.alpha, f.beta,
      f.gamma_daily, f.gamma_weekly);
  return out + "</section>\n";
}

std::string StatusSection(const LoadReport& r) {
  struct Class {
    size_t index;
    const char* name;
    std::string_view color;
  };
  static constexpr Class kClasses[] = {{2, "2xx", kGreen}, {3, "3xx", kBlue}, {4, "4xx", kOrange},
                                       {5, "5xx", kRed},   {1, "1xx", kGrey}, {0, "not logged", kGrey}};
  reports::BarChartSpec mix{.aria_label = "requests per status class",
                            .column_max = {static_cast<double>(std::max<uint64_t>(
                                1, *std::max_element(r.status_classes.begin(), r.status_classes.end())))}};
  mix.label_width = 90;
  mix.bar_width = 240;
  mix.value_room = 150;
  for (const Class& c : kClasses) {
    uint64_t n = r.status_classes[c.index];
    if (n == 0 && c.index < 2) continue;
    double share = r.requests ? static_cast<double>(n) / static_cast<double>(r.requests) : 0;
    mix.rows.push_back({c.name, {{static_cast<double>(n), fmt::format("{} ({})", Thousands(n), Percent(share)),
                                  std::string(c.color)}}});
  }
  std::string out = "<section id=\"status\"><h2>Status mix and errors</h2>\n<div class=\"row\"><div>";
  out += reports::HorizontalBarChart(mix);
  out += "<table id=\"status-codes\"><tr><th>Status</th><th class=\"n\">Requests</th></tr>\n";
  for (const auto& [code, n] : r.top_statuses) {
    out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>\n", code, Thousands(n));
  }
  out += "</table></div>\n";
  if (r.daily_errors.size() >= 2) {
    reports::LineChartSpec chart;
    chart.title = "Error rate per day";
    chart.unit = "% of requests, UTC days";
    chart.x_start = static_cast<double>(r.daily_errors.front().day_start);
    chart.x_step = 86400;
    chart.nice_y = true;
    chart.width = 560;
    chart.height = 240;
    reports::ChartSeries client{"4xx", std::string(kOrange), {}}, server{"5xx", std::string(kRed), {}};
    for (const DayErrors& day : r.daily_errors) {
      // Days are consecutive in the log but a quiet one may be missing.
      size_t at = static_cast<size_t>((day.day_start - r.daily_errors.front().day_start) / 86400);
      client.values.resize(at + 1, 0);
      server.values.resize(at + 1, 0);
      double requests = std::max<double>(1, static_cast<double>(day.requests));
      client.values[at] = 100.0 * static_cast<double>(day.client_errors) / requests;
      server.values[at] = 100.0 * static_cast<double>(day.server_errors) / requests;
    }
    chart.x_ticks = TimeTicks(r.daily_errors.front().day_start,
                              r.daily_errors.front().day_start + static_cast<int64_t>(client.values.size()) * 86400, 7);
    chart.series = {client, server};
    out += reports::LineChart(chart);
  }
  return out + "</div></section>\n";
}

// Time columns only where the log has request times.
std::string EndpointTable(std::string_view id, const std::vector<EndpointRow>& rows, bool timed) {
  std::string out = fmt::format("<table id=\"{}\"><tr><th>Endpoint</th><th class=\"n\">Requests</th>{}</tr>\n", id,
                                timed ? "<th class=\"n\">Total time</th><th class=\"n\">Mean time</th>" : "");
  for (const EndpointRow& row : rows) {
    out += fmt::format("<tr><td><code>{}</code></td><td class=\"n\">{}</td>", HtmlEscape(row.path),
                       Thousands(row.requests));
    if (timed) {
      out += fmt::format("<td class=\"n\">{:.1f} s</td><td class=\"n\">{}</td>", row.total_time_s,
                         row.mean_time_ms > 0 ? fmt::format("{:.1f} ms", row.mean_time_ms) : "&ndash;");
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string EndpointSection(const LoadReport& r) {
  const bool timed = !r.top_by_time.empty();
  std::string out = fmt::format("<section id=\"endpoints\"><h2>Endpoints</h2>\n<p class=\"caption\">{} distinct "
                                "after folding ids to :id and dropping query strings.</p>\n<div class=\"row\">"
                                "<div><h3>By requests</h3>{}</div>",
                                Thousands(r.endpoint_count), EndpointTable("by-requests", r.top_by_requests, timed));
  if (timed) out += "<div><h3>By total time</h3>" + EndpointTable("by-time", r.top_by_time, true) + "</div>";
  return out + "</div></section>\n";
}

std::string LatencySection(const LoadReport& r) {
  std::string out = "<section id=\"latency\"><h2>Latency and concurrency</h2>\n";
  if (r.timed_requests > 0) {
    out += fmt::format("<table><tr><th>Requests timed</th><th class=\"n\">mean</th><th class=\"n\">p50</th>"
                       "<th class=\"n\">p90</th><th class=\"n\">p95</th><th class=\"n\">p99</th>"
                       "<th class=\"n\">max</th></tr>\n<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "</tr></table>\n",
                       Thousands(r.timed_requests), Milliseconds(r.latency_mean), Milliseconds(r.latency_p50),
                       Milliseconds(r.latency_p90), Milliseconds(r.latency_p95), Milliseconds(r.latency_p99),
                       Milliseconds(r.latency_max));
  } else {
    out += "<p>The log has no request times.</p>\n";
  }
  const Concurrency& c = r.concurrency;
  if (!c.computed) {
    return out + "<p>Concurrency not computed: pass <code>--response-time SECONDS</code> to assume a time per "
                 "request.</p></section>\n";
  }
  out += fmt::format("<table id=\"concurrency\"><tr><th>Little's law</th><th class=\"n\">arrivals</th>"
                     "<th class=\"n\">in flight</th></tr>\n"
                     "<tr><td>mean</td><td class=\"n\">{}</td><td class=\"n\">{:.3g}</td></tr>\n"
                     "<tr><td>peak minute</td><td class=\"n\">{}</td><td class=\"n\">{:.3g}</td></tr>\n"
                     "<tr><td>peak second</td><td class=\"n\">{}</td><td class=\"n\">{:.3g}</td></tr></table>\n",
                     Rate(c.mean_arrival_rps), c.mean, Rate(c.peak_minute_arrival_rps), c.peak_minute,
                     Rate(c.peak_second_arrival_rps), c.peak_second);
  out += fmt::format("<p class=\"caption\">Requests in flight = arrival rate &times; time in system, with a time in "
                     "system of {:.3f} s ({}). Assumes the system keeps up (arrivals equal departures over the "
                     "window) and that the time in system does not grow at the peak; under queueing it does, so "
                     "read the peak figures as a lower bound.</p>\n",
                     c.time_in_system_s,
                     c.time_source == "assumed" ? "assumed with --response-time" : "the mean logged request time");
  return out + "</section>\n";
}

std::string InputSection(const LoadReport& r, const std::vector<SourceReport>& sources) {
  std::string out = "<section id=\"input\"><h2>Input</h2>\n<table><tr><th>Source</th><th>Format</th>"
                    "<th class=\"n\">Size</th><th>Status</th></tr>\n";
  for (const SourceReport& s : sources) {
    out += fmt::format("<tr><td><code>{}</code></td><td>{}{}</td><td class=\"n\">{:.1f} MB</td><td>{}</td></tr>\n",
                       HtmlEscape(s.name), HtmlEscape(s.FormatLabel()),
                       s.compressed ? ", gzip" : "", static_cast<double>(s.bytes) / 1e6,
                       s.error.empty() ? "read" : "error: " + HtmlEscape(s.error));
  }
  out += fmt::format("</table>\n<p>{} lines read: {} requests, {} malformed, {} skipped.</p>\n", Thousands(r.lines),
                     Thousands(r.lines - r.malformed - r.skipped), Thousands(r.malformed), Thousands(r.skipped));
  if (r.samples.empty()) return out + "</section>\n";
  out += "<h3>Malformed lines (first examples)</h3>\n<pre id=\"malformed\">";
  for (const MalformedSample& s : r.samples) {
    out += HtmlEscape(fmt::format("{}:{}: {}", s.source, s.line, s.text)) + "\n";
  }
  return out + "</pre></section>\n";
}

}  // namespace

std::string RenderHtml(const LoadReport& report, const std::vector<SourceReport>& sources,
                       std::string_view version) {
  std::string out = reports::HtmlPageStart("dsaudit load report", kCss);
  out += Header(report, sources, version);
  out += "<main>\n";
  out += Warnings(report, sources);
  if (!report.empty) {
    out += SummaryCards(report);
    out += TrafficSection(report);
    out += ProfileSection(report);
    out += ForecastSection(report);
    out += StatusSection(report);
    out += EndpointSection(report);
    out += LatencySection(report);
  }
  out += InputSection(report, sources);
  out += "</main>\n";
  return out + reports::HtmlPageEnd();
}

}  // namespace dsaudit::load
