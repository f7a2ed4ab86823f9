// Text and JSON renderings of a load report.
//
// The JSON document ("schema": "dsaudit-load/1") is a stable interface:
// `dsaudit plan` and users' scripts read it. Keys are only ever added.
//   sources[]            {name, format, bytes, compressed, error|null}
//   lines                {total, records, malformed, skipped, malformed_samples[]{source,line,text}}
//   time_range           {first, last (RFC 3339 UTC), duration_s} | null when empty
//   requests             {total, mean_per_second, mean_per_minute, mean_per_hour}
//   peaks                {second{time,requests}, minute{time,requests,rps},
//                         hour{time,requests,rps}, peak_to_mean}
//   rate_per_second      {p50, p95, p99, max}: over every second of the range, zeros included
//   bursts[]             {start, end, duration_s, peak_requests_per_minute,
//                         baseline_requests_per_minute, factor, requests}
//   profiles             {utc_offset_minutes, daily_rps[24] (local hour), weekly_rps[7] (Mon..Sun),
//                         week_hour_rps[168] (Monday 00:00 first)}
//   status               {classes{1xx..5xx,unknown}, codes[]{code,requests},
//                         client_error_rate, server_error_rate, daily[]{day,requests,4xx,5xx}}
//   endpoints            {distinct, by_requests[], by_time[]}: {path, requests, total_time_s, mean_time_ms}
//   bandwidth            {bytes, mean_mbps, peak_minute_mbps, peak_time}
//   clients              {unique_estimate, relative_error, method} | null
//   bots                 {request_share}
//   latency              {requests, mean_s, p50_s, p90_s, p95_s, p99_s, max_s} | null
//   concurrency          {method, time_in_system_s, time_source ("request_time"|"assumed"),
//                         mean{arrival_rps,concurrent}, peak_minute{...}, peak_second{...}} | null
//   forecast             {available, reason, model, seasonality[], params{alpha,beta,gamma_daily,
//                         gamma_weekly}, horizon_hours, backtest{held_out_hours, error_wape},
//                         peak{time, hour_rps, hour_rps_upper, peak_rps}, hourly{start, step_s,
//                         mean[], lower[], upper[]}}
//                         forecast.peak.peak_rps is the number to size servers for: the forecast
//                         peak hour's mean rate times the observed peak-second / peak-hour ratio.
//   history              {start, step_s, requests[]}: the full hours the forecast was fitted to
#pragma once

#include <string>
#include <vector>

#include "load/analysis.h"
#include "load/scan.h"

namespace dsaudit::load {

std::string RenderJson(const LoadReport& report, const std::vector<SourceReport>& sources,
                       size_t horizon_hours);
std::string RenderText(const LoadReport& report, const std::vector<SourceReport>& sources);

}  // namespace dsaudit::load
