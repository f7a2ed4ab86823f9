// A load test's result as text for a terminal, JSON for machines, and a
// self-contained HTML page with inline SVG charts for people.
#pragma once

#include <string>
#include <vector>

#include "loadtest/find_max.h"
#include "loadtest/result.h"
#include "loadtest/threshold.h"

namespace dsaudit::loadtest {

// "850us", "12.3ms", "1.50s".
std::string FormatLatency(uint64_t microseconds);

std::string TextReport(const Result& result, const std::vector<ThresholdOutcome>& thresholds);
std::string JsonReport(const Result& result, const std::vector<ThresholdOutcome>& thresholds);
std::string HtmlReport(const Result& result, const std::vector<ThresholdOutcome>& thresholds);

std::string FindMaxTextReport(const FindMaxOutcome& outcome);
std::string FindMaxJsonReport(const FindMaxOutcome& outcome);
std::string FindMaxHtmlReport(const FindMaxOutcome& outcome);

}  // namespace dsaudit::loadtest
