#include "loadtest/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace dsaudit::loadtest {
namespace {

TEST(HistogramTest, SmallValuesAreExact) {
  Histogram histogram;
  for (uint64_t v = 1; v <= 100; ++v) histogram.Record(v);
  EXPECT_EQ(histogram.count(), 100u);
  EXPECT_EQ(histogram.ValueAtPercentile(50), 50u);
  EXPECT_EQ(histogram.ValueAtPercentile(99), 99u);
  EXPECT_EQ(histogram.ValueAtPercentile(100), 100u);
  EXPECT_EQ(histogram.ValueAtPercentile(0), 1u);
  EXPECT_DOUBLE_EQ(histogram.mean(), 50.5);
}

// Against sorting: every percentile within the stated relative precision.
TEST(HistogramTest, PercentilesWithinStatedPrecisionOfExactOnes) {
  Histogram histogram;
  std::mt19937_64 random(7);
  std::lognormal_distribution<double> latency(8.0, 1.5);
  std::vector<uint64_t> values;
  for (int i = 0; i < 100000; ++i) {
    auto v = static_cast<uint64_t>(latency(random)) + 1;
    values.push_back(v);
    histogram.Record(v);
  }
  std::sort(values.begin(), values.end());
  for (double p : {50.0, 90.0, 99.0, 99.9, 99.99}) {
    auto rank = static_cast<size_t>(std::ceil(p / 100.0 * values.size()));
    double exact = static_cast<double>(values[rank - 1]);
    double got = static_cast<double>(histogram.ValueAtPercentile(p));
    EXPECT_GE(got, exact) << p;
    EXPECT_LE(got, exact * (1 + histogram.precision())) << p;
  }
  EXPECT_EQ(histogram.max(), values.back());
  EXPECT_EQ(histogram.min(), values.front());
}

TEST(HistogramTest, MergeEqualsRecordingIntoOne) {
  Histogram a, b, both;
  for (uint64_t v : {5u, 5000u, 70000u}) {
    a.Record(v);
    both.Record(v);
  }
  for (uint64_t v : {9u, 123456u}) {
    b.Record(v);
    both.Record(v);
  }
  a.Merge(b);
  for (double p : {10.0, 50.0, 90.0, 100.0}) {
    EXPECT_EQ(a.ValueAtPercentile(p), both.ValueAtPercentile(p));
  }
  EXPECT_EQ(a.count(), 5u);
  EXPECT_EQ(a.min(), 5u);
  EXPECT_EQ(a.max(), 123456u);
}

TEST(HistogramTest, HugeValuesAreClampedToTheHighest) {
  Histogram histogram(7, 1'000'000);
  histogram.Record(UINT64_MAX / 4);
  EXPECT_EQ(histogram.max(), 1'000'000u);
  EXPECT_EQ(histogram.ValueAtPercentile(100), 1'000'000u);
}

TEST(HistogramTest, EmptyReportsZero) {
  Histogram histogram;
  EXPECT_EQ(histogram.ValueAtPercentile(99), 0u);
  EXPECT_EQ(histogram.min(), 0u);
  EXPECT_EQ(histogram.mean(), 0.0);
}

}  // namespace
}  // namespace dsaudit::loadtest
