#include "load/analysis.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "load/scan.h"
#include "load/test_logs.h"

namespace dsaudit::load {
namespace {

const LoadReport& GeneratedReport() {
  static const LoadReport* report = [] {
    LoadAccumulator acc;
    ScanBuffer(ThreeWeekLog().text, *FormatFromName("combined"), "g.log", 2, &acc);
    return new LoadReport(Analyze(acc, {}));
  }();
  return *report;
}

TEST(AnalysisTest, EveryPlantedBurstIsFoundWithinAMinuteAndNoOther) {
  const std::vector<PlantedBurst>& planted = ThreeWeekLog().info.bursts;
  const std::vector<Burst>& found = GeneratedReport().bursts;
  ASSERT_EQ(planted.size(), 7u);
  ASSERT_EQ(found.size(), planted.size());
  for (size_t i = 0; i < planted.size(); ++i) {
    EXPECT_LE(std::llabs(found[i].start - planted[i].start), 60) << "burst " << i;
    EXPECT_LE(std::llabs(found[i].end - planted[i].end), 120) << "burst " << i;
    EXPECT_GT(found[i].factor, 2.0);
  }
}

TEST(AnalysisTest, ForecastBacktestErrorIsBelowFifteenPercent) {
  const LoadReport& report = GeneratedReport();
  ASSERT_TRUE(report.forecast.ok) << report.forecast.reason;
  EXPECT_TRUE(report.forecast.weekly);
  EXPECT_EQ(report.forecast.mean.size(), 12u * 168);
  EXPECT_EQ(report.forecast.backtest_hours, 168u);
  EXPECT_GE(report.forecast.backtest_error, 0);
  EXPECT_LT(report.forecast.backtest_error, 0.15);
  EXPECT_GT(report.forecast_peak_rps, report.forecast_peak_hour_rps);
  for (size_t h = 0; h < report.forecast.mean.size(); ++h) {
    ASSERT_LE(report.forecast.lower[h], report.forecast.mean[h]);
    ASSERT_GE(report.forecast.upper[h], report.forecast.mean[h]);
  }
}

TEST(AnalysisTest, ProfilesShowTheGeneratedCycle) {
  const LoadReport& report = GeneratedReport();
  // Afternoon peak, night trough; weekends quieter than weekdays.
  EXPECT_GT(report.daily_profile_rps[14], 3 * report.daily_profile_rps[3]);
  EXPECT_GT(report.weekly_profile_rps[1], 1.5 * report.weekly_profile_rps[6]);
  EXPECT_EQ(report.profile_offset_minutes, 0);
  // Hours of the week: the same cycle, in the right day and hour.
  const auto& week = report.week_hour_profile_rps;
  size_t busiest = static_cast<size_t>(std::max_element(week.begin(), week.end()) - week.begin());
  EXPECT_LT(busiest / 24, 5u) << "a weekday";
  EXPECT_GE(busiest % 24, 9u);
  EXPECT_LE(busiest % 24, 20u);
  EXPECT_GT(week[1 * 24 + 14], 1.5 * week[6 * 24 + 14]) << "Tuesday afternoon over Sunday afternoon";
  for (size_t d = 0; d < 7; ++d) {
    double mean = 0;
    for (size_t h = 0; h < 24; ++h) mean += week[d * 24 + h] / 24;
    EXPECT_NEAR(mean, report.weekly_profile_rps[d], 0.1 * report.weekly_profile_rps[d]) << d;
  }
}

TEST(AnalysisTest, TotalsRatesAndShares) {
  const LoadReport& report = GeneratedReport();
  EXPECT_EQ(report.requests, 600'000u);
  EXPECT_EQ(report.malformed, 0u);
  EXPECT_NEAR(report.mean_rps, 600'000.0 / report.duration_s, 1e-9);
  EXPECT_GE(report.peak_minute_requests, report.peak_second_requests);
  EXPECT_LE(report.rate_p50, report.rate_p95);
  EXPECT_NEAR(report.bot_share, 0.08, 0.01);
  EXPECT_NEAR(report.server_error_rate, 0.02, 0.003);
  EXPECT_NEAR(report.unique_clients, 30000, 30000 * 0.05);  // pool of 30,000, nearly all seen
  EXPECT_EQ(report.top_by_requests[0].path, "/api/v1/items/:id");
  EXPECT_TRUE(report.top_by_time.empty());  // combined logs carry no request times
  EXPECT_FALSE(report.concurrency.computed);
}

TEST(AnalysisTest, LittlesLawUsesLoggedTimesOrTheAssumption) {
  LoadAccumulator acc;
  LogRecord r;
  for (int s = 0; s < 100; ++s) {
    r.time.unix_seconds = 1'000'000 + s;
    r.request_time = 0.5;
    r.path = "/x";
    for (int k = 0; k < 4; ++k) acc.Add(r);
  }
  LoadReport timed = Analyze(acc, {});
  ASSERT_TRUE(timed.concurrency.computed);
  EXPECT_EQ(timed.concurrency.time_source, "request_time");
  EXPECT_NEAR(timed.concurrency.mean, 4 * 0.5, 0.05);  // 4 req/s x 0.5 s
  EXPECT_NEAR(timed.latency_p50, 0.5, 0.5 * 0.03);

  LoadAccumulator untimed;
  r.request_time = -1;
  for (int s = 0; s < 10; ++s) {
    r.time.unix_seconds = 1'000'000 + s;
    untimed.Add(r);
  }
  AnalyzeOptions options;
  options.assumed_response_time = 0.2;
  LoadReport assumed = Analyze(untimed, options);
  ASSERT_TRUE(assumed.concurrency.computed);
  EXPECT_EQ(assumed.concurrency.time_source, "assumed");
  EXPECT_NEAR(assumed.concurrency.mean, 0.2, 1e-9);
  EXPECT_FALSE(assumed.forecast.ok);
  EXPECT_NE(assumed.forecast.reason, "");
}

TEST(AnalysisTest, NoBurstsInASteadyLog) {
  std::vector<uint64_t> minutes(2000, 100);
  for (size_t i = 0; i < minutes.size(); ++i) minutes[i] += (i * 7919) % 21;  // +-10% jitter
  EXPECT_TRUE(DetectBursts(minutes, 0).empty());
  minutes[1000] = 400;  // one hot minute is a spike, not a burst
  EXPECT_TRUE(DetectBursts(minutes, 0).empty());
  minutes[1001] = 400;
  ASSERT_EQ(DetectBursts(minutes, 0).size(), 1u);
  EXPECT_EQ(DetectBursts(minutes, 0)[0].start, 1000 * 60);
}

TEST(AnalysisTest, ProfilesLeaveHoursTheLogDoesNotCoverEmpty) {
  // Monday 2024-01-01 09:00 to 12:59 UTC, one request a second: four full hours.
  LoadAccumulator acc;
  LogRecord r;
  for (int s = 0; s < 4 * 3600; ++s) {
    r.time.unix_seconds = 1'704'099'600 + s;
    acc.Add(r);
  }
  LoadReport report = Analyze(acc, AnalyzeOptions());
  for (size_t h = 0; h < 24; ++h) {
    if (h >= 9 && h <= 12) {
      EXPECT_DOUBLE_EQ(report.daily_profile_rps[h], 1) << h;
      EXPECT_DOUBLE_EQ(report.week_hour_profile_rps[h], 1) << h;
    } else {
      EXPECT_TRUE(std::isnan(report.daily_profile_rps[h])) << h << ": not in the log, so not quiet";
    }
  }
  EXPECT_DOUBLE_EQ(report.weekly_profile_rps[0], 1);
  for (size_t d = 1; d < 7; ++d) EXPECT_TRUE(std::isnan(report.weekly_profile_rps[d])) << d;
  EXPECT_TRUE(std::isnan(report.week_hour_profile_rps[24 + 10])) << "Tuesday";
  EXPECT_EQ(report.week_hours_covered, 4u);
}

TEST(AnalysisTest, ATimestampCenturiesAwayIsSetAsideNotAnalysed) {
  // A steady day of traffic and one line stamped in the year 2510: the dense
  // series would need billions of minutes; the report keeps the day.
  LoadAccumulator acc;
  LogRecord r;
  for (int s = 0; s < 86400; s += 10) {
    r.time.unix_seconds = 1'704'067'200 + s;
    acc.Add(r);
  }
  r.time.unix_seconds = 17'040'677'260;
  acc.Add(r);
  LoadReport report = Analyze(acc, AnalyzeOptions());
  EXPECT_EQ(report.requests, 8641u);
  EXPECT_EQ(report.outside_timeline, 1u);
  EXPECT_EQ(report.first_time, 1'704'067'200);
  EXPECT_EQ(report.last_time, 1'704'067'200 + 86390);
  EXPECT_EQ(report.outside_first_time, 17'040'675'600);
  EXPECT_NEAR(report.mean_rps, 0.1, 1e-3);
  EXPECT_EQ(report.peak_second_requests, 1u);
  EXPECT_EQ(report.hourly.size(), 23u);
}

}  // namespace
}  // namespace dsaudit::load
