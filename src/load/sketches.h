// Fixed-size, mergeable summaries: merging two is exactly what one pass over
// both inputs would have built, which `load merge` relies on.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace dsaudit::load {

// 64-bit hash of short strings (client addresses): fast, well mixed.
uint64_t HashBytes(std::string_view bytes);

// HyperLogLog with 2^14 registers: 16 KiB, standard error 1.04/sqrt(2^14) =
// 0.81%; small cardinalities use linear counting.
class HyperLogLog {
 public:
  static constexpr int kPrecision = 14;
  static constexpr size_t kRegisters = size_t{1} << kPrecision;

  void AddHash(uint64_t hash) {
    size_t index = hash >> (64 - kPrecision);
    uint64_t rest = (hash << kPrecision) | (uint64_t{1} << (kPrecision - 1));
    uint8_t rank = static_cast<uint8_t>(__builtin_clzll(rest) + 1);
    if (rank > registers_[index]) registers_[index] = rank;
  }
  void Merge(const HyperLogLog& other);
  double Estimate() const;
  static double RelativeError() { return 1.04 / 128.0; }

  std::array<uint8_t, kRegisters>& registers() { return registers_; }
  const std::array<uint8_t, kRegisters>& registers() const { return registers_; }

 private:
  std::array<uint8_t, kRegisters> registers_{};
};

// Log-linear histogram of durations: 32 sub-buckets per power of two of
// microseconds, so any percentile is within about 3% of the true value.
class DurationHistogram {
 public:
  static constexpr int kSubBits = 5;
  static constexpr size_t kBuckets = 40 << kSubBits;

  void Add(double seconds, uint64_t count = 1);
  void Merge(const DurationHistogram& other);
  uint64_t count() const { return count_; }
  // Summed in whole microseconds, so the order of merging never changes it.
  double sum_seconds() const { return static_cast<double>(sum_micros_) * 1e-6; }
  uint64_t sum_micros() const { return sum_micros_; }
  double max_seconds() const { return max_seconds_; }
  // q in [0,1]; 0 when empty.
  double Quantile(double q) const;

  std::array<uint64_t, kBuckets>& buckets() { return buckets_; }
  const std::array<uint64_t, kBuckets>& buckets() const { return buckets_; }
  void SetTotals(uint64_t count, uint64_t sum_micros, double max) {
    count_ = count;
    sum_micros_ = sum_micros;
    max_seconds_ = max;
  }

 private:
  static size_t BucketOf(uint64_t micros);
  static double BucketMid(size_t bucket);

  std::array<uint64_t, kBuckets> buckets_{};
  uint64_t count_ = 0;
  uint64_t sum_micros_ = 0;
  double max_seconds_ = 0;
};

}  // namespace dsaudit::load
