#include "loadtest/report.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

namespace dsaudit::loadtest {
namespace {

Result SampleResult() {
  Result result;
  result.url = "http://127.0.0.1:8080/predict";
  result.open_model = true;
  result.target_rate = 100;
  result.connections = 8;
  result.threads = 2;
  result.elapsed_seconds = 3;
  result.started = result.completed = 300;
  result.status_counts[200] = 299;
  result.status_counts[500] = 1;
  result.errors[static_cast<size_t>(ErrorKind::kHttpStatus)] = 1;
  for (uint64_t i = 1; i <= 300; ++i) {
    result.corrected.Record(i * 100);
    result.uncorrected.Record(i * 50);
  }
  result.intervals = {{100, 0, 1000, 2000, 3000, 3100, 1.0}, {100, 1, 1100, 2100, 3100, 3200, 1.0},
                      {100, 0, 900, 1900, 2900, 3000, 1.0}, {5, 0, 900, 900, 900, 900, 0.05}};
  return result;
}

TEST(ReportTest, FormatLatencyPicksTheUnit) {
  EXPECT_EQ(FormatLatency(850), "850us");
  EXPECT_EQ(FormatLatency(12'345), "12.35ms");
  EXPECT_EQ(FormatLatency(1'500'000), "1.50s");
}

TEST(ReportTest, TextShowsCorrectedAndUncorrectedAndThresholds) {
  std::string error;
  std::vector<Threshold> thresholds = {*ParseThreshold("p99<1ms", &error)};
  Result result = SampleResult();
  std::string text = TextReport(result, EvaluateThresholds(thresholds, result));
  EXPECT_NE(text.find("open model, 100 requests/s"), std::string::npos) << text;
  EXPECT_NE(text.find("299 200, 1 500"), std::string::npos) << text;
  EXPECT_NE(text.find("corrected"), std::string::npos);
  EXPECT_NE(text.find("uncorrected"), std::string::npos);
  EXPECT_NE(text.find("http_status 1"), std::string::npos) << text;
  EXPECT_NE(text.find("p99<1ms                  FAIL  (measured 29.7ms)"), std::string::npos) << text;
}

TEST(ReportTest, TimeSpentWaitingAfterTheLoadIsSaid) {
  Result result = SampleResult();
  result.load_seconds = 3;
  EXPECT_NE(TextReport(result, {}).find("2 threads, 3.00 s\n"), std::string::npos);
  result.elapsed_seconds = 5;
  std::string text = TextReport(result, {});
  EXPECT_NE(text.find("2 threads, 5.00 s (3.00 s of load, then 2.00 s waiting for answers still on the way)"),
            std::string::npos)
      << text;
  EXPECT_NE(HtmlReport(result, {}).find("3.00 s of load, then 2.00 s waiting"), std::string::npos);
  result.interrupted = true;
  EXPECT_NE(TextReport(result, {}).find("5.00 s (interrupted)"), std::string::npos);
}

TEST(ReportTest, JsonIsValidAndCarriesTheFigures) {
  Result result = SampleResult();
  std::string json = JsonReport(result, {});
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(json).get(root), simdjson::SUCCESS) << json;
  EXPECT_EQ(std::string_view(root["model"]), "open");
  EXPECT_EQ(uint64_t(root["requests"]["responses"]), 300u);
  EXPECT_NEAR(double(root["latency_ms"]["corrected"]["p50"]), 15.0, 15.0 * 0.001);
  EXPECT_NEAR(double(root["latency_ms"]["uncorrected"]["p50"]), 7.5, 7.5 * 0.001);
  EXPECT_EQ(uint64_t(root["errors"]["http_status"]), 1u);
  EXPECT_EQ(uint64_t(root["status_codes"]["500"]), 1u);
  EXPECT_EQ(simdjson::dom::array(root["intervals"]).size(), 4u);
  EXPECT_NEAR(double(root["intervals"].at(3)["seconds"]), 0.05, 1e-9);
}

TEST(ReportTest, HtmlIsSelfContainedWithSvgCharts) {
  std::string html = HtmlReport(SampleResult(), {});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://", html.find("<body")), html.find("http://127.0.0.1"));
  size_t charts = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++charts;
  }
  EXPECT_EQ(charts, 2u);
  EXPECT_NE(html.find("data-name=\"p99\""), std::string::npos);
  EXPECT_NE(html.find("data-name=\"responses/s\""), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(ReportTest, FindMaxNamesTheRateAndConcurrency) {
  FindMaxOutcome outcome;
  std::string error;
  outcome.slo = {*ParseThreshold("p99<500ms", &error)};
  FindMaxStep pass{200, true, "", SampleResult()};
  FindMaxStep fail{400, false, "p99<500ms failed (812ms)", SampleResult()};
  outcome.steps = {pass, fail};
  outcome.found = true;
  outcome.max_rate = 200;
  outcome.concurrency = 3.01;
  std::string text = FindMaxTextReport(outcome);
  EXPECT_NE(text.find("highest sustainable rate: 200.0 requests/s"), std::string::npos) << text;
  EXPECT_NE(text.find("3.0 requests in flight"), std::string::npos) << text;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(FindMaxJsonReport(outcome)).get(root), simdjson::SUCCESS);
  EXPECT_DOUBLE_EQ(double(root["max_rate"]), 200.0);
  EXPECT_EQ(simdjson::dom::array(root["steps"]).size(), 2u);
  EXPECT_NE(FindMaxHtmlReport(outcome).find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::loadtest
