// `dsaudit load --format html`: the load report as one self-contained page
// for people: summary cards, traffic over time with bursts shaded, daily and
// weekly profiles, the forecast with its interval and backtest error, status
// mix, endpoints, latency and concurrency, and what could not be read.
// Inline CSS and SVG only; every string from a log is escaped, because log
// lines are written by whoever sends the requests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/analysis.h"
#include "load/scan.h"

namespace dsaudit::load {

std::string RenderHtml(const LoadReport& report, const std::vector<SourceReport>& sources,
                       std::string_view version);

}  // namespace dsaudit::load
