#include "load/sketches.h"

#include <gtest/gtest.h>

#include <string>

namespace dsaudit::load {
namespace {

TEST(SketchesTest, HyperLogLogIsWithinThreeStandardErrors) {
  for (int distinct : {100, 5000, 200000}) {
    HyperLogLog hll;
    for (int i = 0; i < distinct; ++i) {
      std::string ip = "10." + std::to_string(i >> 16) + "." + std::to_string((i >> 8) & 255) + "." +
                       std::to_string(i & 255);
      hll.AddHash(HashBytes(ip));
      hll.AddHash(HashBytes(ip));  // repeats do not count
    }
    EXPECT_NEAR(hll.Estimate(), distinct, distinct * 3 * HyperLogLog::RelativeError() + 1) << distinct;
  }
}

TEST(SketchesTest, HashSeesEveryByteAtEveryLength) {
  // Lengths across the four-lane body, the word loop and each tail shape.
  for (size_t size = 0; size < 80; ++size) {
    std::string key(size, 'k');
    for (size_t i = 0; i < size; ++i) key[i] = static_cast<char>('a' + i % 26);
    uint64_t base = HashBytes(key);
    EXPECT_NE(base, HashBytes(key + "k")) << size;
    for (size_t i = 0; i < size; ++i) {
      std::string changed = key;
      changed[i] ^= 1;
      EXPECT_NE(HashBytes(changed), base) << size << " " << i;
    }
  }
}

TEST(SketchesTest, HyperLogLogMergeEqualsOnePass) {
  HyperLogLog a, b, both;
  for (int i = 0; i < 20000; ++i) {
    uint64_t h = HashBytes(std::to_string(i));
    (i % 3 == 0 ? a : b).AddHash(h);
    both.AddHash(h);
  }
  a.Merge(b);
  EXPECT_EQ(a.registers(), both.registers());
}

TEST(SketchesTest, DurationQuantilesWithinThreePercent) {
  DurationHistogram h;
  for (int i = 1; i <= 10000; ++i) h.Add(i * 1e-4);  // 0.1 ms .. 1 s, uniform
  EXPECT_NEAR(h.Quantile(0.5), 0.5, 0.5 * 0.03);
  EXPECT_NEAR(h.Quantile(0.99), 0.99, 0.99 * 0.03);
  EXPECT_DOUBLE_EQ(h.Quantile(1.0), 1.0);
  EXPECT_EQ(h.count(), 10000u);
  EXPECT_NEAR(h.sum_seconds(), 5000.5, 0.01);
}

TEST(SketchesTest, EmptyAndInvalidDurations) {
  DurationHistogram h;
  EXPECT_EQ(h.Quantile(0.5), 0);
  h.Add(-1);
  h.Add(std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(h.count(), 0u);
}

}  // namespace
}  // namespace dsaudit::load
