#include "plan/load_figures.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <limits>

#include "cost/price_table.h"

namespace dsaudit::plan {
namespace {

using simdjson::dom::element;

// The number at `pointer` (JSON Pointer); none when absent, null or not a
// number. simdjson's get_double() converts integers too.
std::optional<double> NumberAt(const element& root, std::string_view pointer) {
  double number = 0;
  if (root.at_pointer(pointer).get_double().get(number) != simdjson::SUCCESS) return std::nullopt;
  return number;
}

std::string StringAt(const element& root, std::string_view pointer) {
  std::string_view text;
  if (root.at_pointer(pointer).get_string().get(text) != simdjson::SUCCESS) return "";
  return std::string(text);
}

void ReadPeak(const element& root, LoadFigures* figures) {
  figures->observed_peak_rps = NumberAt(root, "/peaks/second/requests").value_or(0);
  bool forecast = false;
  if (root.at_pointer("/forecast/available").get_bool().get(forecast) != simdjson::SUCCESS)
    forecast = false;
  double hour = NumberAt(root, "/forecast/peak/hour_rps").value_or(0);
  double upper = NumberAt(root, "/forecast/peak/hour_rps_upper").value_or(0);
  double peak = NumberAt(root, "/forecast/peak/peak_rps").value_or(0);
  if (forecast && hour > 0 && upper > 0 && peak > 0) {
    // The load report scales the forecast peak hour to a peak second by the
    // observed peak-second / peak-hour ratio; the upper band scales the same way.
    figures->peak_rps = peak * upper / hour;
    figures->peak_source =
        fmt::format("forecast upper band at {}", StringAt(root, "/forecast/peak/time"));
    return;
  }
  figures->peak_rps = figures->observed_peak_rps;
  figures->peak_source =
      fmt::format("observed peak second at {} (no forecast)", StringAt(root, "/peaks/second/time"));
}

void ReadResponseTime(const element& root, LoadFigures* figures) {
  if (std::optional<double> mean = NumberAt(root, "/latency/mean_s"); mean && *mean > 0) {
    figures->response_time_s = mean;
    figures->response_time_source = "mean request time in the load report";
    return;
  }
  if (std::optional<double> assumed = NumberAt(root, "/concurrency/time_in_system_s");
      assumed && *assumed > 0) {
    figures->response_time_s = assumed;
    figures->response_time_source = "time in system assumed by the load report";
  }
}

void ReadEgress(const element& root, LoadFigures* figures) {
  std::optional<double> bytes = NumberAt(root, "/bandwidth/bytes");
  std::optional<double> seconds = NumberAt(root, "/time_range/duration_s");
  if (!bytes || !seconds || *seconds <= 0) return;
  figures->egress_tb_month = *bytes / *seconds * cost::kHoursPerMonth * 3600 / 1e12;
}

void ReadProfile(const element& root, LoadFigures* figures) {
  simdjson::dom::array daily;
  if (root.at_pointer("/profiles/daily_rps").get_array().get(daily) != simdjson::SUCCESS) return;
  for (element value : daily) {
    double rps = 0;
    if (value.is_null()) {
      rps = std::numeric_limits<double>::quiet_NaN();  // an hour the log does not cover
    } else if (value.get_double().get(rps) != simdjson::SUCCESS) {
      figures->daily_rps.clear();
      return;
    }
    figures->daily_rps.push_back(rps);
  }
  figures->utc_offset_minutes =
      static_cast<int>(NumberAt(root, "/profiles/utc_offset_minutes").value_or(0));
}

}  // namespace

bool ReadLoadFigures(std::string_view json, LoadFigures* figures, std::string* error) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element root;
  if (auto code = parser.parse(padded).get(root); code != simdjson::SUCCESS) {
    *error = fmt::format("not JSON: {}", simdjson::error_message(code));
    return false;
  }
  std::string schema = StringAt(root, "/schema");
  if (schema != "dsaudit-load/1") {
    *error = schema.empty() ? "not a dsaudit load report (no \"schema\": write it with `dsaudit "
                              "load --format json`)"
                            : fmt::format("schema '{}' is not dsaudit-load/1", schema);
    return false;
  }
  if (NumberAt(root, "/requests/total").value_or(0) <= 0) {
    *error = "the load report counts no requests";
    return false;
  }
  *figures = LoadFigures{};
  ReadPeak(root, figures);
  ReadResponseTime(root, figures);
  ReadEgress(root, figures);
  ReadProfile(root, figures);
  return true;
}

}  // namespace dsaudit::plan
