#include "loadtest/threshold.h"

#include <gtest/gtest.h>

namespace dsaudit::loadtest {
namespace {

Threshold Parse(const std::string& text) {
  std::string error;
  std::optional<Threshold> threshold = ParseThreshold(text, &error);
  EXPECT_TRUE(threshold) << text << ": " << error;
  return threshold.value_or(Threshold{});
}

TEST(ParseThresholdTest, LatencyPercentilesWithUnits) {
  Threshold p99 = Parse("p99<300ms");
  EXPECT_EQ(p99.metric, Threshold::Metric::kPercentile);
  EXPECT_DOUBLE_EQ(p99.percentile, 99);
  EXPECT_EQ(p99.op, Threshold::Op::kLess);
  EXPECT_DOUBLE_EQ(p99.limit, 300'000);
  Threshold p999 = Parse("p99.9 <= 1.5s");
  EXPECT_DOUBLE_EQ(p999.percentile, 99.9);
  EXPECT_EQ(p999.op, Threshold::Op::kLessEqual);
  EXPECT_DOUBLE_EQ(p999.limit, 1'500'000);
  EXPECT_EQ(Parse("mean<800us").metric, Threshold::Metric::kMean);
  EXPECT_EQ(Parse("max<2s").metric, Threshold::Metric::kMax);
}

TEST(ParseThresholdTest, ErrorsAndThroughput) {
  Threshold rate = Parse("errors<1%");
  EXPECT_EQ(rate.metric, Threshold::Metric::kErrorRate);
  EXPECT_DOUBLE_EQ(rate.limit, 0.01);
  EXPECT_EQ(Parse("errors<=10").metric, Threshold::Metric::kErrorCount);
  Threshold rps = Parse("rps>=1000");
  EXPECT_EQ(rps.metric, Threshold::Metric::kThroughput);
  EXPECT_EQ(rps.op, Threshold::Op::kGreaterEqual);
}

TEST(ParseThresholdTest, RejectsNonsense) {
  std::string error;
  EXPECT_FALSE(ParseThreshold("p99", &error));
  EXPECT_FALSE(ParseThreshold("p99<300", &error));  // a latency needs a unit
  EXPECT_NE(error.find("unit"), std::string::npos);
  EXPECT_FALSE(ParseThreshold("p200<1s", &error));
  EXPECT_FALSE(ParseThreshold("speed<1s", &error));
  EXPECT_FALSE(ParseThreshold("rps>5%", &error));
}

Result SampleResult() {
  Result result;
  for (int i = 1; i <= 100; ++i) result.corrected.Record(static_cast<uint64_t>(i) * 1000);
  result.completed = 100;
  result.errors[static_cast<size_t>(ErrorKind::kHttpStatus)] = 2;
  result.elapsed_seconds = 10;
  return result;
}

TEST(EvaluateThresholdsTest, PassAndFailOnMeasuredValues) {
  std::vector<Threshold> thresholds = {Parse("p99<100ms"), Parse("p99<50ms"), Parse("errors<5%"),
                                       Parse("errors<1%"), Parse("rps>=10"), Parse("max<=100ms")};
  std::vector<ThresholdOutcome> outcomes = EvaluateThresholds(thresholds, SampleResult());
  ASSERT_EQ(outcomes.size(), 6u);
  EXPECT_TRUE(outcomes[0].passed);
  EXPECT_FALSE(outcomes[1].passed);
  EXPECT_NEAR(outcomes[1].actual, 99'000, 99);  // within the histogram's 0.1%
  EXPECT_TRUE(outcomes[2].passed);
  EXPECT_FALSE(outcomes[3].passed);
  EXPECT_DOUBLE_EQ(outcomes[3].actual, 0.02);
  EXPECT_TRUE(outcomes[4].passed);
  EXPECT_TRUE(outcomes[5].passed);
  EXPECT_EQ(FormatThresholdValue(*outcomes[1].threshold, outcomes[1].actual), "99ms");
  EXPECT_EQ(FormatThresholdValue(*outcomes[3].threshold, outcomes[3].actual), "2%");
}

TEST(EvaluateThresholdsTest, LatencyWithoutResponsesFails) {
  std::vector<Threshold> thresholds = {Parse("p99<1s")};
  EXPECT_FALSE(EvaluateThresholds(thresholds, Result{}).front().passed);
}

}  // namespace
}  // namespace dsaudit::loadtest
