#include "plan/load_figures.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

namespace dsaudit::plan {
namespace {

// The keys `dsaudit plan` reads, shaped as src/load/load_output.cpp writes them.
std::string Report(std::string_view forecast, std::string_view latency = "null",
                   std::string_view daily = "1,1,1,1,1,1,2,3,4,5,6,7,8,7,6,5,4,3,2,2,2,1,1,1") {
  return fmt::format(
      R"({{"schema":"dsaudit-load/1","requests":{{"total":1000}},)"
      R"("time_range":{{"first":"2026-01-01T00:00:00Z","last":"2026-01-11T00:00:00Z","duration_s":864000}},)"
      R"("peaks":{{"second":{{"time":"2026-01-05T13:00:01Z","requests":12}}}},)"
      R"("bandwidth":{{"bytes":2000000000000}},)"
      R"("profiles":{{"utc_offset_minutes":60,"daily_rps":[{}]}},)"
      R"("latency":{},"concurrency":null,"forecast":{}}})",
      daily, latency, forecast);
}

TEST(LoadFiguresTest, SizesForTheForecastUpperBandScaledToThePeakSecond) {
  LoadFigures figures;
  std::string error;
  // The forecast peak hour averages 2 requests/s, its upper band 3; the load report scaled
  // the mean to a 10 requests/s peak second, so the upper band is 10 x 3 / 2 = 15.
  ASSERT_TRUE(ReadLoadFigures(Report(R"({"available":true,"peak":{"time":"2026-02-02T13:00:00Z",)"
                                     R"("hour_rps":2,"hour_rps_upper":3,"peak_rps":10}})",
                                     R"({"mean_s":0.25})"),
                              &figures, &error))
      << error;
  EXPECT_DOUBLE_EQ(figures.peak_rps, 15);
  EXPECT_EQ(figures.peak_source, "forecast upper band at 2026-02-02T13:00:00Z");
  EXPECT_DOUBLE_EQ(figures.observed_peak_rps, 12);
  ASSERT_TRUE(figures.response_time_s.has_value());
  EXPECT_DOUBLE_EQ(*figures.response_time_s, 0.25);
  // 2 TB in 10 days (864,000 s) = 2,314,814.8 bytes/s; x 730 h x 3600 s = 6.083 TB a month.
  ASSERT_TRUE(figures.egress_tb_month.has_value());
  EXPECT_NEAR(*figures.egress_tb_month, 2e12 / 864000 * 730 * 3600 / 1e12, 1e-12);
  EXPECT_NEAR(*figures.egress_tb_month, 6.0833, 1e-4);
  ASSERT_EQ(figures.daily_rps.size(), 24u);
  EXPECT_EQ(figures.daily_rps[12], 8);
  EXPECT_EQ(figures.utc_offset_minutes, 60);
}

TEST(LoadFiguresTest, WithoutAForecastTheObservedPeakSecond) {
  LoadFigures figures;
  std::string error;
  ASSERT_TRUE(ReadLoadFigures(Report(R"({"available":false,"reason":"needs at least 3 days"})"),
                              &figures, &error))
      << error;
  EXPECT_DOUBLE_EQ(figures.peak_rps, 12);
  EXPECT_EQ(figures.peak_source, "observed peak second at 2026-01-05T13:00:01Z (no forecast)");
  EXPECT_FALSE(figures.response_time_s.has_value());
}

TEST(LoadFiguresTest, AnHourTheLogDoesNotCoverIsReadAsUnknown) {
  LoadFigures figures;
  std::string error;
  ASSERT_TRUE(ReadLoadFigures(Report(R"({"available":false})", "null",
                                     "null,null,null,null,null,null,null,null,1,2,3,4,5,6,7,8,7,6,5,4,3,2,1,1"),
                              &figures, &error))
      << error;
  ASSERT_EQ(figures.daily_rps.size(), 24u);
  EXPECT_TRUE(std::isnan(figures.daily_rps[0]));
  EXPECT_EQ(figures.daily_rps[8], 1);
}

TEST(LoadFiguresTest, RejectsOtherDocuments) {
  LoadFigures figures;
  std::string error;
  EXPECT_FALSE(ReadLoadFigures("{\"tool\":\"dsaudit\"}", &figures, &error));
  EXPECT_EQ(
      error,
      "not a dsaudit load report (no \"schema\": write it with `dsaudit load --format json`)");
  EXPECT_FALSE(ReadLoadFigures("{\"schema\":\"dsaudit-plan/1\"}", &figures, &error));
  EXPECT_EQ(error, "schema 'dsaudit-plan/1' is not dsaudit-load/1");
  EXPECT_FALSE(ReadLoadFigures("{\"schema\":\"dsaudit-load/1\",\"requests\":{\"total\":0}}",
                               &figures, &error));
  EXPECT_EQ(error, "the load report counts no requests");
  EXPECT_FALSE(ReadLoadFigures("{oops", &figures, &error));
  EXPECT_EQ(error.rfind("not JSON: ", 0), 0u) << error;
}

}  // namespace
}  // namespace dsaudit::plan
