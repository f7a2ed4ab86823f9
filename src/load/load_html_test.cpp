#include "load/load_html.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "load/generator.h"
#include "load/scan.h"
#include "reports/report_test_util.h"

namespace dsaudit::load {
namespace {

using reports::testing::CountOf;

// Five days of generated traffic with planted bursts: enough for a forecast.
const LoadReport& FiveDayReport() {
  static const LoadReport* report = [] {
    std::string text;
    GeneratorOptions options;
    options.lines = 60'000;
    options.days = 5;
    options.bursts = 3;
    options.seed = 7;
    std::function<void(std::string_view)> sink = [&text](std::string_view piece) { text.append(piece); };
    GenerateLog(options, sink);
    LoadAccumulator acc;
    ScanBuffer(text, *FormatFromName("combined"), "five.log", 2, &acc);
    AnalyzeOptions analyze;
    analyze.assumed_response_time = 0.25;
    return new LoadReport(Analyze(acc, analyze));
  }();
  return *report;
}

std::vector<SourceReport> Sources() { return {{"five.log", "combined", 12'000'000, false, ""}}; }

TEST(LoadHtmlTest, EverySectionAndChartIsThere) {
  const LoadReport& report = FiveDayReport();
  ASSERT_TRUE(report.forecast.ok) << report.forecast.reason;
  ASSERT_FALSE(report.bursts.empty());
  std::string html = RenderHtml(report, Sources(), "9.9");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_TRUE(html.ends_with("</html>\n"));
  for (const char* id : {"traffic", "profiles", "forecast", "status", "endpoints", "latency", "input", "bursts"}) {
    EXPECT_NE(html.find(fmt::format("id=\"{}\"", id)), std::string::npos) << id;
  }
  // Traffic, daily, weekly, hour of the week, forecast, error rate per day, status mix.
  EXPECT_EQ(CountOf(html, "<svg"), 7u);
  // Five days of log: the hours of the week it does not cover are drawn empty, with a tooltip.
  const auto& week = report.week_hour_profile_rps;
  size_t covered = static_cast<size_t>(std::count_if(week.begin(), week.end(), [](double v) { return !std::isnan(v); }));
  EXPECT_GE(covered, 4u * 24u);
  EXPECT_LT(covered, 6u * 24u);
  EXPECT_EQ(covered, report.week_hours_covered);
  EXPECT_EQ(CountOf(html, "class=\"cell\""), covered);
  EXPECT_EQ(CountOf(html, "class=\"cell empty\""), 7u * 24u - covered);
  EXPECT_NE(html.find("00:00-00:59: not in the log</title>"), std::string::npos);
  EXPECT_EQ(CountOf(html, "class=\"span\""), report.bursts.size());
  EXPECT_EQ(CountOf(html, "class=\"column\""), 24u + 7u);
  EXPECT_EQ(CountOf(html, "class=\"band\""), 1u);
  EXPECT_NE(html.find("data-name=\"forecast\""), std::string::npos);
  EXPECT_NE(html.find(fmt::format("{:.1f}% on the last {} hours held out", report.forecast.backtest_error * 100,
                                  report.forecast.backtest_hours)),
            std::string::npos);
  EXPECT_NE(html.find("Little's law"), std::string::npos);
  EXPECT_NE(html.find("assumed with --response-time"), std::string::npos);
  EXPECT_NE(html.find("/api/v1/items/:id"), std::string::npos);
  EXPECT_NE(html.find("dsaudit 9.9"), std::string::npos);
}

TEST(LoadHtmlTest, SelfContained) {
  std::string html = RenderHtml(FiveDayReport(), Sources(), "9.9");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  // The only URL is the SVG namespace, which is a name, not a request.
  EXPECT_EQ(CountOf(html, "http://"), CountOf(html, "xmlns=\"http://www.w3.org/2000/svg\""));
}

TEST(LoadHtmlTest, WhatTheLogSaysIsEscaped) {
  std::string log =
      "1.1.1.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /<script>alert(1)</script> HTTP/1.1\" 200 5 \"-\" "
      "\"<img src=x onerror=alert(2)>\"\n"
      "<script>alert(3)</script>\n";
  LoadAccumulator acc;
  ScanBuffer(log, *FormatFromName("combined"), "<b>evil</b>.log", 1, &acc);
  LoadReport report = Analyze(acc, {});
  ASSERT_EQ(report.malformed, 1u);
  std::string html = RenderHtml(report, {{"<b>evil</b>.log", "combined", 200, false, ""}}, "9.9");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>evil"), std::string::npos);
  EXPECT_NE(html.find("/&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(3)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;evil&lt;/b&gt;.log"), std::string::npos);
}

TEST(LoadHtmlTest, WarningsNameWhatWasLeftOut) {
  LoadReport report = FiveDayReport();
  report.outside_timeline = 3;
  report.outside_first_time = report.outside_last_time = 4'102'444'800;  // 2100-01-01
  std::vector<SourceReport> sources = Sources();
  sources.push_back({"missing.log", "", 0, false, "cannot open"});
  std::string html = RenderHtml(report, sources, "9.9");
  EXPECT_NE(html.find("3 requests stamped outside the analysed range"), std::string::npos);
  EXPECT_NE(html.find("2100-01-01 00:00:00 UTC"), std::string::npos);
  EXPECT_NE(html.find("missing.log: cannot open"), std::string::npos);
}

TEST(LoadHtmlTest, AnEmptyLogStillMakesAPage) {
  LoadReport report;
  std::string html = RenderHtml(report, Sources(), "9.9");
  EXPECT_NE(html.find("no requests"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

}  // namespace
}  // namespace dsaudit::load
