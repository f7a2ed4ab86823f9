// Holt-Winters forecasting of hourly request counts with daily and weekly
// seasonality (Taylor's double-seasonal method), additive or multiplicative,
// whichever fits the history better.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dsaudit::load {

struct ForecastResult {
  bool ok = false;
  std::string reason;  // why there is no forecast
  std::string model;   // "multiplicative" or "additive"
  bool weekly = false; // weekly seasonality used (needs three weeks of history)
  double alpha = 0, beta = 0, gamma_daily = 0, gamma_weekly = 0;
  double residual_sd = 0;  // one-step, requests per hour (relative for multiplicative)
  // Per hour after the history: expected requests and the 95% interval.
  std::vector<double> mean, lower, upper;
  // Weighted absolute percentage error (sum|error| / sum actual) of a
  // forecast of the last held-out period from the rest; negative when the
  // history is too short to hold anything out, NaN when the held-out period
  // had no requests (no scale to measure an error against: not 0%).
  double backtest_error = -1;
  size_t backtest_hours = 0;
};

// `hourly[i]`: requests in hour i of a gap-free history.
ForecastResult ForecastHourly(const std::vector<double>& hourly, size_t horizon_hours);

}  // namespace dsaudit::load
