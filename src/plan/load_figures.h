// The figures `dsaudit plan` takes from a `dsaudit load --format json` report
// (schema dsaudit-load/1, documented in src/load/load_output.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::plan {

struct LoadFigures {
  // What to size for: the forecast's upper band at its peak, scaled from the
  // peak hour to the peak second as the load report scales its forecast peak;
  // without a forecast, the observed peak second.
  double peak_rps = 0;
  std::string peak_source;
  double observed_peak_rps = 0;           // the busiest second seen
  std::optional<double> response_time_s;  // mean latency, else the assumed time in system
  std::string response_time_source;
  std::optional<double> egress_tb_month;  // response bytes per 730-hour month at the mean rate
  std::vector<double> daily_rps;          // 24 values, local hours; NaN: not in the log
  int utc_offset_minutes = 0;
};

// False with `error` when the text is not a load report or has no traffic.
bool ReadLoadFigures(std::string_view json, LoadFigures* figures, std::string* error);

}  // namespace dsaudit::plan
