#include "loadtest/find_max.h"

#include <gtest/gtest.h>

#include "loadtest/test_servers.h"

namespace dsaudit::loadtest {
namespace {

Threshold Slo(const std::string& text) {
  std::string error;
  return *ParseThreshold(text, &error);
}

TEST(JudgeStepTest, SloAndThroughputBothCount) {
  Result result;
  for (int i = 0; i < 100; ++i) result.corrected.Record(1000);
  result.started = result.completed = 100;
  result.elapsed_seconds = 1;
  std::string reason;
  FindMaxOptions options;
  EXPECT_TRUE(JudgeStep(result, 100, {Slo("p99<2ms")}, options, &reason));
  EXPECT_FALSE(JudgeStep(result, 100, {Slo("p99<500us")}, options, &reason));
  EXPECT_NE(reason.find("p99<500us failed"), std::string::npos) << reason;
  result.dropped = 100;
  EXPECT_FALSE(JudgeStep(result, 200, {Slo("p99<2ms")}, options, &reason));
  EXPECT_NE(reason.find("only 100 of 200 due requests answered"), std::string::npos) << reason;
}

// The in-process server answers in microseconds, so every step passes and
// the rate doubles each time; Little's law gives far less than one request
// in flight.
TEST(FindMaxTest, DoublesThenBisectsAndReportsLittlesLaw) {
  testing::TestServer server;
  Config config;
  std::string error;
  config.url = *ParseUrl(server.Url(), &error);
  config.requests = {RequestSpec{}};
  config.duration_seconds = 0.3;
  config.connections = 4;
  config.threads = 1;
  FindMaxOptions options;
  options.start_rate = 50;
  options.max_steps = 3;
  int reported = 0;
  std::optional<FindMaxOutcome> outcome = FindMax(
      config, {Slo("p99<1s")}, options, {}, [&](const FindMaxStep&) { ++reported; }, &error);
  ASSERT_TRUE(outcome) << error;
  ASSERT_EQ(outcome->steps.size(), 3u);
  for (const FindMaxStep& step : outcome->steps) EXPECT_TRUE(step.passed) << step.reason;
  EXPECT_EQ(reported, 3);
  EXPECT_DOUBLE_EQ(outcome->steps[0].rate, 50);
  EXPECT_DOUBLE_EQ(outcome->steps[1].rate, 100);
  EXPECT_DOUBLE_EQ(outcome->steps[2].rate, 200);
  EXPECT_TRUE(outcome->found);
  EXPECT_DOUBLE_EQ(outcome->max_rate, 200);
  EXPECT_GT(outcome->concurrency, 0);
  EXPECT_LT(outcome->concurrency, 4);
}

TEST(FindMaxTest, ServerDownFindsNothing) {
  Config config;
  std::string error;
  config.url = *ParseUrl("http://127.0.0.1:" + std::to_string(testing::FreePort()) + "/", &error);
  config.requests = {RequestSpec{}};
  config.duration_seconds = 0.2;
  config.connections = 2;
  FindMaxOptions options;
  options.start_rate = 20;
  options.max_steps = 2;
  std::optional<FindMaxOutcome> outcome =
      FindMax(config, {Slo("p99<1s")}, options, {}, nullptr, &error);
  ASSERT_TRUE(outcome) << error;
  EXPECT_FALSE(outcome->found);
  EXPECT_EQ(outcome->steps.size(), 2u);
  EXPECT_DOUBLE_EQ(outcome->steps[1].rate, 10);
}

}  // namespace
}  // namespace dsaudit::loadtest
