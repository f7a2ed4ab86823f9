#include "load/analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace dsaudit::load {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Percentile of the per-second rate over every second in the range, zeros
// included, from a frequency table (rates are small integers).
class RateDistribution {
 public:
  void Add(uint64_t rate, uint64_t seconds = 1) {
    if (rate < small_.size()) {
      small_[rate] += seconds;
    } else {
      large_[rate] += seconds;
    }
    total_ += seconds;
  }
  double Quantile(double q) const {
    if (total_ == 0) return 0;
    uint64_t rank = std::max<uint64_t>(1, static_cast<uint64_t>(std::ceil(q * total_)));
    uint64_t seen = 0;
    for (size_t r = 0; r < small_.size(); ++r) {
      seen += small_[r];
      if (seen >= rank) return static_cast<double>(r);
    }
    for (const auto& [r, n] : large_) {
      seen += n;
      if (seen >= rank) return static_cast<double>(r);
    }
    return 0;
  }

 private:
  std::vector<uint64_t> small_ = std::vector<uint64_t>(1 << 16);
  std::map<uint64_t, uint64_t> large_;
  uint64_t total_ = 0;
};

void Rates(const LoadAccumulator& acc, LoadReport& r, std::vector<uint64_t>& per_minute,
           int64_t& first_minute, std::vector<uint64_t>& minute_bytes) {
  std::vector<int64_t> hours;
  for (const auto& [hour, block] : acc.hours()) {
    if ((hour + 1) * 3600 > r.first_time && hour * 3600 <= r.last_time) hours.push_back(hour);
  }
  std::sort(hours.begin(), hours.end());
  first_minute = FloorDiv(r.first_time, 60);
  int64_t last_minute = FloorDiv(r.last_time, 60);
  per_minute.assign(static_cast<size_t>(last_minute - first_minute + 1), 0);
  minute_bytes.assign(per_minute.size(), 0);
  RateDistribution rates;
  uint64_t seconds_seen = 0;
  for (int64_t hour : hours) {
    const HourBlock& block = *acc.hours().at(hour);
    for (int s = 0; s < 3600; ++s) {
      int64_t t = hour * 3600 + s;
      if (t < r.first_time || t > r.last_time) continue;
      uint64_t n = block.per_second[s];
      rates.Add(n);
      ++seconds_seen;
      per_minute[static_cast<size_t>(FloorDiv(t, 60) - first_minute)] += n;
      if (n > r.peak_second_requests) {
        r.peak_second_requests = n;
        r.peak_second_time = t;
      }
    }
    for (int m = 0; m < 60; ++m) {
      int64_t minute = hour * 60 + m - first_minute;
      if (minute >= 0 && minute < static_cast<int64_t>(minute_bytes.size())) {
        minute_bytes[static_cast<size_t>(minute)] += block.bytes_per_minute[m];
      }
    }
  }
  uint64_t all_seconds = static_cast<uint64_t>(r.last_time - r.first_time + 1);
  rates.Add(0, all_seconds - seconds_seen);  // hours with no block at all
  r.rate_p50 = rates.Quantile(0.50);
  r.rate_p95 = rates.Quantile(0.95);
  r.rate_p99 = rates.Quantile(0.99);
  r.rate_max = static_cast<double>(r.peak_second_requests);
  for (size_t i = 0; i < per_minute.size(); ++i) {
    if (per_minute[i] > r.peak_minute_requests) {
      r.peak_minute_requests = per_minute[i];
      r.peak_minute_time = (first_minute + static_cast<int64_t>(i)) * 60;
    }
  }
  for (size_t i = 0; i < minute_bytes.size(); ++i) {
    double mbps = static_cast<double>(minute_bytes[i]) * 8 / 60 / 1e6;
    if (mbps > r.peak_minute_mbps) {
      r.peak_minute_mbps = mbps;
      r.peak_bandwidth_time = (first_minute + static_cast<int64_t>(i)) * 60;
    }
  }
}

// Hourly totals of every hour with requests (partial first and last included).
std::map<int64_t, uint64_t> HourTotals(const LoadAccumulator& acc) {
  std::map<int64_t, uint64_t> totals;
  for (const auto& [hour, block] : acc.hours()) {
    uint64_t sum = 0;
    for (uint32_t n : block->per_second) sum += n;
    totals[hour] = sum;
  }
  return totals;
}

// Narrows `totals` and the report's time range to the kMaxTimelineHours window
// holding the most requests, so that one absurd timestamp can neither make the
// dense series take gigabytes nor hide the real traffic.
void ClampTimeline(const LoadAccumulator& acc, std::map<int64_t, uint64_t>& totals, LoadReport& r) {
  if (totals.rbegin()->first - totals.begin()->first < kMaxTimelineHours) return;
  uint64_t in_window = 0, best = 0;
  auto best_first = totals.begin(), best_last = totals.begin();
  auto first = totals.begin();
  for (auto last = totals.begin(); last != totals.end(); ++last) {
    in_window += last->second;
    while (last->first - first->first >= kMaxTimelineHours) in_window -= (first++)->second;
    if (in_window > best) {
      best = in_window;
      best_first = first;
      best_last = last;
    }
  }
  const int64_t first_hour = best_first->first, last_hour = best_last->first;
  for (auto it = totals.begin(); it != totals.end();) {
    if (it->first >= first_hour && it->first <= last_hour) {
      ++it;
      continue;
    }
    if (r.outside_timeline == 0) r.outside_first_time = it->first * 3600;
    r.outside_timeline += it->second;
    r.outside_last_time = it->first * 3600;
    it = totals.erase(it);
  }
  const auto& first_seconds = acc.hours().at(first_hour)->per_second;
  const auto& last_seconds = acc.hours().at(last_hour)->per_second;
  int s = 0;
  while (s < 3599 && first_seconds[s] == 0) ++s;
  r.first_time = std::max(r.first_time, first_hour * 3600 + s);
  s = 3599;
  while (s > 0 && last_seconds[s] == 0) --s;
  r.last_time = std::min(r.last_time, last_hour * 3600 + s);
}

void Profiles(const std::map<int64_t, uint64_t>& totals, LoadReport& r) {
  // Profiles over full hours only, in the log's own (dominant) time zone.
  // Requests and hours are counted per hour of the week; the daily and weekly
  // profiles are its rows and columns summed.
  int64_t first = FloorDiv(r.first_time + 3599, 3600), end = FloorDiv(r.last_time + 1, 3600);
  struct Sum {
    uint64_t requests = 0, hours = 0;
    Sum& operator+=(const Sum& other) {
      requests += other.requests;
      hours += other.hours;
      return *this;
    }
    double Rps() const {
      return hours ? static_cast<double>(requests) / static_cast<double>(hours) / 3600
                   : std::numeric_limits<double>::quiet_NaN();
    }
  };
  std::array<Sum, 7 * 24> week_hour{};
  for (int64_t hour = first; hour < end; ++hour) {
    auto it = totals.find(hour);
    int64_t local = hour * 3600 + int64_t{r.profile_offset_minutes} * 60;
    int64_t day = FloorDiv(local, 86400);
    size_t hod = static_cast<size_t>((local - day * 86400) / 3600);
    size_t weekday = static_cast<size_t>(((day + 3) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
    week_hour[weekday * 24 + hod] += {it == totals.end() ? 0 : it->second, 1};
  }
  std::array<Sum, 24> by_hour{};
  std::array<Sum, 7> by_day{};
  for (size_t i = 0; i < week_hour.size(); ++i) {
    by_hour[i % 24] += week_hour[i];
    by_day[i / 24] += week_hour[i];
    r.week_hour_profile_rps[i] = week_hour[i].Rps();
    r.week_hours_covered += week_hour[i].hours > 0;
  }
  for (size_t h = 0; h < 24; ++h) r.daily_profile_rps[h] = by_hour[h].Rps();
  for (size_t d = 0; d < 7; ++d) r.weekly_profile_rps[d] = by_day[d].Rps();
}

void Statuses(const LoadAccumulator& acc, LoadReport& r) {
  for (uint16_t code = 0; code < 600; ++code) {
    uint64_t n = acc.status_counts()[code];
    if (n == 0) continue;
    r.status_classes[code / 100 <= 5 ? code / 100 : 0] += n;
    if (code >= 100) r.top_statuses.emplace_back(code, n);
  }
  std::stable_sort(r.top_statuses.begin(), r.top_statuses.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (r.top_statuses.size() > 10) r.top_statuses.resize(10);
  uint64_t logged = r.requests - r.status_classes[0];
  if (logged > 0) {
    r.client_error_rate = static_cast<double>(r.status_classes[4]) / logged;
    r.server_error_rate = static_cast<double>(r.status_classes[5]) / logged;
  }
  std::map<int64_t, DayErrors> days;
  for (const auto& [hour, block] : acc.hours()) {
    DayErrors& day = days[FloorDiv(hour, 24)];
    day.day_start = FloorDiv(hour, 24) * 86400;
    for (uint64_t n : block->status_classes) day.requests += n;
    day.client_errors += block->status_classes[4];
    day.server_errors += block->status_classes[5];
  }
  for (const auto& [key, day] : days) r.daily_errors.push_back(day);
}

void Endpoints(const LoadAccumulator& acc, const AnalyzeOptions& options, LoadReport& r) {
  std::vector<EndpointRow> rows;
  bool any_time = false;
  acc.endpoints().ForEach([&](std::string_view key, const EndpointStats& s) {
    EndpointRow row;
    row.path = std::string(key);
    row.requests = s.requests;
    row.total_time_s = static_cast<double>(s.time_micros) * 1e-6;
    row.mean_time_ms = s.timed_requests ? row.total_time_s * 1e3 / s.timed_requests : 0;
    any_time |= s.timed_requests > 0;
    rows.push_back(std::move(row));
  });
  r.endpoint_count = rows.size();
  auto by_requests = [](const EndpointRow& a, const EndpointRow& b) {
    return a.requests != b.requests ? a.requests > b.requests : a.path < b.path;
  };
  auto by_time = [](const EndpointRow& a, const EndpointRow& b) {
    return a.total_time_s != b.total_time_s ? a.total_time_s > b.total_time_s : a.path < b.path;
  };
  size_t top = std::min(options.top_endpoints, rows.size());
  std::partial_sort(rows.begin(), rows.begin() + top, rows.end(), by_requests);
  r.top_by_requests.assign(rows.begin(), rows.begin() + top);
  if (!any_time) return;
  std::partial_sort(rows.begin(), rows.begin() + top, rows.end(), by_time);
  r.top_by_time.assign(rows.begin(), rows.begin() + top);
}

void Littles(const AnalyzeOptions& options, LoadReport& r) {
  Concurrency& c = r.concurrency;
  if (r.timed_requests > 0) {
    c.time_in_system_s = r.latency_mean;
    c.time_source = "request_time";
  } else if (options.assumed_response_time > 0) {
    c.time_in_system_s = options.assumed_response_time;
    c.time_source = "assumed";
  } else {
    return;
  }
  c.computed = true;
  c.mean_arrival_rps = r.mean_rps;
  c.peak_minute_arrival_rps = static_cast<double>(r.peak_minute_requests) / 60;
  c.peak_second_arrival_rps = static_cast<double>(r.peak_second_requests);
  c.mean = c.mean_arrival_rps * c.time_in_system_s;
  c.peak_minute = c.peak_minute_arrival_rps * c.time_in_system_s;
  c.peak_second = c.peak_second_arrival_rps * c.time_in_system_s;
}

void Forecast(const std::map<int64_t, uint64_t>& totals, const AnalyzeOptions& options,
              LoadReport& r) {
  int64_t first = FloorDiv(r.first_time + 3599, 3600), end = FloorDiv(r.last_time + 1, 3600);
  r.history_start = first * 3600;
  for (int64_t hour = first; hour < end; ++hour) {
    auto it = totals.find(hour);
    r.hourly.push_back(it == totals.end() ? 0.0 : static_cast<double>(it->second));
  }
  for (const auto& [hour, n] : totals) {
    if (n > r.peak_hour_requests) {
      r.peak_hour_requests = n;
      r.peak_hour_time = hour * 3600;
    }
  }
  r.forecast = ForecastHourly(r.hourly, options.horizon_hours);
  if (!r.forecast.ok || r.forecast.mean.empty()) return;
  auto peak = std::max_element(r.forecast.mean.begin(), r.forecast.mean.end());
  size_t at = static_cast<size_t>(peak - r.forecast.mean.begin());
  r.forecast_peak_hour_rps = *peak / 3600;
  r.forecast_peak_hour_upper_rps = r.forecast.upper[at] / 3600;
  r.forecast_peak_time = r.history_start + static_cast<int64_t>(r.hourly.size() + at) * 3600;
  double peak_hour_rps = static_cast<double>(r.peak_hour_requests) / 3600;
  double ratio = peak_hour_rps > 0 ? static_cast<double>(r.peak_second_requests) / peak_hour_rps : 1;
  r.forecast_peak_rps = r.forecast_peak_hour_rps * std::max(ratio, 1.0);
}

}  // namespace

LoadReport Analyze(const LoadAccumulator& acc, const AnalyzeOptions& options) {
  LoadReport r;
  r.lines = acc.lines();
  r.malformed = acc.malformed();
  r.skipped = acc.skipped();
  r.requests = acc.requests();
  r.bytes = acc.bytes();
  r.samples = acc.samples();
  if (acc.hours().empty()) return r;
  r.empty = false;
  r.first_time = acc.first_time();
  r.last_time = acc.last_time();
  std::map<int64_t, uint64_t> totals = HourTotals(acc);
  ClampTimeline(acc, totals, r);
  r.duration_s = static_cast<double>(r.last_time - r.first_time + 1);
  r.mean_rps = static_cast<double>(r.requests - r.outside_timeline) / r.duration_s;
  std::vector<uint64_t> per_minute, minute_bytes;
  int64_t first_minute = 0;
  Rates(acc, r, per_minute, first_minute, minute_bytes);
  r.peak_to_mean = r.mean_rps > 0 ? static_cast<double>(r.peak_second_requests) / r.mean_rps : 0;
  r.bursts = DetectBursts(per_minute, first_minute);
  r.traffic = DownsampleMinutes(per_minute, first_minute, options.chart_points);
  r.profile_offset_minutes = acc.DominantOffsetMinutes();
  Profiles(totals, r);
  Statuses(acc, r);
  Endpoints(acc, options, r);
  r.mean_mbps = static_cast<double>(r.bytes) * 8 / r.duration_s / 1e6;
  r.has_clients = acc.client_records() > 0;
  r.unique_clients = r.has_clients ? acc.clients().Estimate() : 0;
  r.unique_clients_error = HyperLogLog::RelativeError();
  r.bot_share = r.requests ? static_cast<double>(acc.bot_requests()) / r.requests : 0;
  const DurationHistogram& latency = acc.latency();
  r.timed_requests = latency.count();
  if (latency.count() > 0) {
    r.latency_p50 = latency.Quantile(0.50);
    r.latency_p90 = latency.Quantile(0.90);
    r.latency_p95 = latency.Quantile(0.95);
    r.latency_p99 = latency.Quantile(0.99);
    r.latency_max = latency.max_seconds();
    r.latency_mean = latency.sum_seconds() / static_cast<double>(latency.count());
  }
  Littles(options, r);
  Forecast(totals, options, r);
  return r;
}

}  // namespace dsaudit::load
