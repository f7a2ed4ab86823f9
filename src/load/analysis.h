// From counts to answers: rates, peaks, bursts, profiles, status mix,
// endpoints, bandwidth, clients, latency, concurrency and the forecast.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "load/accumulator.h"
#include "load/bursts.h"
#include "load/forecast.h"
#include "load/traffic_series.h"

namespace dsaudit::load {

struct AnalyzeOptions {
  size_t horizon_hours = 12 * 168;
  // Used for Little's law when the log has no request times; <= 0: none.
  double assumed_response_time = 0;
  size_t top_endpoints = 10;
  // Points of the traffic series for charts (see TrafficSeries).
  size_t chart_points = 900;
};

struct EndpointRow {
  std::string path;
  uint64_t requests = 0;
  double total_time_s = 0;
  double mean_time_ms = 0;  // over requests with a logged time; 0 if none
};

struct DayErrors {
  int64_t day_start = 0;  // unix seconds, UTC midnight
  uint64_t requests = 0, client_errors = 0, server_errors = 0;
};

struct Concurrency {
  bool computed = false;
  double time_in_system_s = 0;
  std::string time_source;  // "request_time" or "assumed"
  double mean_arrival_rps = 0, peak_minute_arrival_rps = 0, peak_second_arrival_rps = 0;
  double mean = 0, peak_minute = 0, peak_second = 0;
};

struct LoadReport {
  bool empty = true;
  int64_t first_time = 0, last_time = 0;
  double duration_s = 0;
  // Requests stamped outside the analysed timeline (see kMaxTimelineHours):
  // counted in every total, left out of rates, bursts, profiles and forecast.
  uint64_t outside_timeline = 0;
  int64_t outside_first_time = 0, outside_last_time = 0;
  uint64_t lines = 0, malformed = 0, skipped = 0, requests = 0, bytes = 0;
  double mean_rps = 0;
  uint64_t peak_second_requests = 0, peak_minute_requests = 0, peak_hour_requests = 0;
  int64_t peak_second_time = 0, peak_minute_time = 0, peak_hour_time = 0;
  double rate_p50 = 0, rate_p95 = 0, rate_p99 = 0, rate_max = 0;  // per-second rate
  double peak_to_mean = 0;
  std::vector<Burst> bursts;
  TrafficSeries traffic;
  int32_t profile_offset_minutes = 0;
  // Profiles: NaN where the log has no full hour to measure (a log of a few
  // hours or days), so that no report calls an unseen hour quiet.
  std::array<double, 24> daily_profile_rps{};   // mean rate per local hour of day
  std::array<double, 7> weekly_profile_rps{};   // Monday first
  // Mean rate per local hour of the week: Monday 00:00-00:59 first.
  std::array<double, 7 * 24> week_hour_profile_rps{};
  size_t week_hours_covered = 0;  // of the 168 above, those not NaN
  std::array<uint64_t, 6> status_classes{};     // [0]: not logged
  std::vector<std::pair<uint16_t, uint64_t>> top_statuses;
  double client_error_rate = 0, server_error_rate = 0;
  std::vector<DayErrors> daily_errors;
  std::vector<EndpointRow> top_by_requests, top_by_time;
  size_t endpoint_count = 0;
  double mean_mbps = 0, peak_minute_mbps = 0;
  int64_t peak_bandwidth_time = 0;
  double unique_clients = 0, unique_clients_error = 0;
  bool has_clients = false;
  double bot_share = 0;
  uint64_t timed_requests = 0;
  double latency_p50 = 0, latency_p90 = 0, latency_p95 = 0, latency_p99 = 0, latency_max = 0,
         latency_mean = 0;
  Concurrency concurrency;
  // Hourly history the forecast starts from (full hours only).
  int64_t history_start = 0;
  std::vector<double> hourly;
  ForecastResult forecast;
  double forecast_peak_hour_rps = 0, forecast_peak_hour_upper_rps = 0;
  int64_t forecast_peak_time = 0;
  double forecast_peak_rps = 0;  // peak hour mean x observed peak-second / peak-hour ratio
  std::vector<MalformedSample> samples;
};

// The longest stretch of time the per-second and per-minute series cover. A log
// spanning more (usually one line with a wrong year) is analysed over the
// window of this length that holds the most requests.
inline constexpr int64_t kMaxTimelineHours = 2 * 366 * 24;

LoadReport Analyze(const LoadAccumulator& acc, const AnalyzeOptions& options);

}  // namespace dsaudit::load
