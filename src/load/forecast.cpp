#include "load/forecast.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>

namespace dsaudit::load {
namespace {

constexpr size_t kDay = 24;
constexpr size_t kWeek = 168;

struct Params {
  double alpha, beta, gamma_daily, gamma_weekly;
  bool multiplicative;
  bool weekly;
};

struct Model {
  Params params{};
  double level = 0, trend = 0;
  std::vector<double> daily, weekly;
  size_t t = 0;         // observations consumed
  double sse = 0;       // one-step squared errors after the first season
  double sse_rel = 0;   // the same, relative to the prediction
  size_t errors = 0;
};

double Safe(double x) { return std::max(x, 1e-9); }

double Mean(std::span<const double> y, size_t from, size_t count) {
  return std::accumulate(y.begin() + from, y.begin() + from + count, 0.0) / count;
}

// Level from the first season, trend from the first two, seasonal indices
// from the first week (or day) around that level.
Model Initialise(std::span<const double> y, const Params& p) {
  Model m;
  m.params = p;
  const size_t season = p.weekly ? kWeek : kDay;
  m.level = Mean(y, 0, season);
  if (y.size() >= 2 * season) m.trend = (Mean(y, season, season) - m.level) / season;
  m.daily.assign(kDay, p.multiplicative ? 1.0 : 0.0);
  m.weekly.assign(kWeek, p.multiplicative ? 1.0 : 0.0);
  const size_t days = season / kDay;
  for (size_t h = 0; h < kDay; ++h) {
    double sum = 0;
    for (size_t d = 0; d < days; ++d) {
      double v = y[d * kDay + h];
      sum += p.multiplicative ? v / Safe(m.level) : v - m.level;
    }
    m.daily[h] = sum / days;
  }
  if (p.weekly) {
    for (size_t k = 0; k < kWeek; ++k) {
      m.weekly[k] = p.multiplicative ? y[k] / Safe(m.level * m.daily[k % kDay])
                                     : y[k] - m.level - m.daily[k % kDay];
    }
  }
  return m;
}

double Predict(const Model& m, size_t ahead) {
  size_t at = m.t + ahead - 1;
  double base = m.level + m.trend * static_cast<double>(ahead);
  double d = m.daily[at % kDay], w = m.weekly[at % kWeek];
  return m.params.multiplicative ? base * d * w : base + d + w;
}

void Update(Model& m, double y) {
  const Params& p = m.params;
  double prediction = Predict(m, 1);
  if (m.t >= (p.weekly ? kWeek : kDay)) {
    double e = y - prediction;
    m.sse += e * e;
    m.sse_rel += (e / Safe(prediction)) * (e / Safe(prediction));
    ++m.errors;
  }
  double& d = m.daily[m.t % kDay];
  double& w = m.weekly[m.t % kWeek];
  double old_level = m.level;
  double base = m.level + m.trend;
  if (p.multiplicative) {
    m.level = Safe(p.alpha * y / Safe(d * w) + (1 - p.alpha) * base);
    double new_d = p.gamma_daily * y / Safe(m.level * w) + (1 - p.gamma_daily) * d;
    if (p.weekly) w = p.gamma_weekly * y / Safe(m.level * d) + (1 - p.gamma_weekly) * w;
    d = new_d;
  } else {
    m.level = p.alpha * (y - d - w) + (1 - p.alpha) * base;
    double new_d = p.gamma_daily * (y - m.level - w) + (1 - p.gamma_daily) * d;
    if (p.weekly) w = p.gamma_weekly * (y - m.level - d) + (1 - p.gamma_weekly) * w;
    d = new_d;
  }
  m.trend = p.beta * (m.level - old_level) + (1 - p.beta) * m.trend;
  ++m.t;
}

Model Fit(std::span<const double> y, const Params& p) {
  Model m = Initialise(y, p);
  for (double v : y) Update(m, v);
  return m;
}

// Smoothing constants by grid search on in-sample one-step error over the
// last kSelectionHours (a grid is simple and never diverges), then the chosen
// model fitted to the whole history. The window bounds the search: 384 fits
// of the two years a timeline may span would be 6.7 million updates a
// report, and recent behaviour is what the forecast continues.
constexpr size_t kSelectionHours = 8 * kWeek;

Model BestModel(std::span<const double> history, bool weekly) {
  const std::span<const double> y = history.last(std::min(history.size(), kSelectionHours));
  static constexpr double kAlpha[] = {0.01, 0.03, 0.1, 0.3};
  static constexpr double kBeta[] = {0.0, 0.001, 0.01};
  static constexpr double kGamma[] = {0.01, 0.05, 0.15, 0.3};
  Model best;
  double best_score = std::numeric_limits<double>::infinity();
  for (bool multiplicative : {true, false}) {
    for (double a : kAlpha) {
      for (double b : kBeta) {
        for (double gd : kGamma) {
          for (double gw : weekly ? std::vector<double>(std::begin(kGamma), std::end(kGamma))
                                  : std::vector<double>{0.0}) {
            Model m = Fit(y, {a, b, gd, gw, multiplicative, weekly});
            if (!std::isfinite(m.sse) || m.sse >= best_score) continue;
            best_score = m.sse;
            best = std::move(m);
          }
        }
      }
    }
  }
  return y.size() == history.size() ? best : Fit(history, best.params);
}

double Wape(std::span<const double> actual, const std::vector<double>& predicted) {
  double error = 0, total = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    error += std::abs(actual[i] - predicted[i]);
    total += std::abs(actual[i]);
  }
  return total > 0 ? error / total : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

ForecastResult ForecastHourly(const std::vector<double>& hourly, size_t horizon_hours) {
  ForecastResult result;
  // Weekly seasonality needs two weeks to fit and one more to hold out.
  const bool weekly = hourly.size() >= 3 * kWeek;
  const size_t season = weekly ? kWeek : kDay;
  if (hourly.size() < 3 * kDay) {
    result.reason = "needs at least 3 days of hourly history (72 full hours)";
    return result;
  }
  Model model = BestModel(hourly, weekly);
  const Params& p = model.params;
  result.ok = true;
  result.weekly = weekly;
  result.model = p.multiplicative ? "multiplicative" : "additive";
  result.alpha = p.alpha;
  result.beta = p.beta;
  result.gamma_daily = p.gamma_daily;
  result.gamma_weekly = p.gamma_weekly;
  double n = static_cast<double>(std::max<size_t>(model.errors, 1));
  double sd = std::sqrt((p.multiplicative ? model.sse_rel : model.sse) / n);
  result.residual_sd = sd;
  // Variance of an h-step forecast grows by (alpha (1 + j beta))^2 per step
  // (Hyndman et al., additive Holt in error-correction form).
  double spread = 0;
  for (size_t h = 1; h <= horizon_hours; ++h) {
    if (h > 1) {
      double c = p.alpha * (1 + static_cast<double>(h - 1) * p.beta);
      spread += c * c;
    }
    double mean = std::max(0.0, Predict(model, h));
    double half = 1.96 * sd * std::sqrt(1 + spread) * (p.multiplicative ? mean : 1.0);
    result.mean.push_back(mean);
    result.lower.push_back(std::max(0.0, mean - half));
    result.upper.push_back(mean + half);
  }
  // Backtest: hold out the last season, fit the rest, compare.
  const std::span<const double> train = std::span(hourly).first(hourly.size() - season);
  const std::span<const double> test = std::span(hourly).last(season);
  Model held = BestModel(train, weekly);
  std::vector<double> predicted;
  for (size_t h = 1; h <= season; ++h) predicted.push_back(std::max(0.0, Predict(held, h)));
  result.backtest_error = Wape(test, predicted);
  result.backtest_hours = season;
  return result;
}

}  // namespace dsaudit::load
