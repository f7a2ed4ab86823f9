// A log-linear latency histogram in the manner of HdrHistogram: constant
// relative precision over a wide range, O(1) recording with no allocation,
// and exact merging, so each worker thread records into its own copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dsaudit::loadtest {

class Histogram {
 public:
  // Values are microseconds. `sub_bucket_bits` sets the precision: values
  // below 2^bits are exact and larger ones are kept within 1 part in
  // 2^(bits-1), e.g. 11 bits give 0.1% (three significant digits).
  Histogram() : Histogram(kDefaultBits) {}
  explicit Histogram(int sub_bucket_bits, uint64_t highest = kDefaultHighest);

  static constexpr int kDefaultBits = 11;
  // One hour: a request slower than that is recorded as one hour.
  static constexpr uint64_t kDefaultHighest = 3'600'000'000ULL;

  void Record(uint64_t value) { RecordN(value, 1); }
  void RecordN(uint64_t value, uint64_t count);
  // Adds `other`'s counts; both must have the same shape.
  void Merge(const Histogram& other);
  void Reset();

  uint64_t count() const { return count_; }
  uint64_t min() const { return count_ == 0 ? 0 : min_; }
  uint64_t max() const { return max_; }
  double mean() const { return count_ == 0 ? 0.0 : static_cast<double>(sum_) / count_; }
  // The value at or below which `percentile` (0..100) of the values lie,
  // reported as the highest value equivalent to its bucket (as HdrHistogram
  // does) and never above the recorded maximum.
  uint64_t ValueAtPercentile(double percentile) const;
  // The relative error bound of recorded values, e.g. 0.001 for 11 bits.
  double precision() const { return 1.0 / static_cast<double>(1ULL << (sub_bucket_bits_ - 1)); }

 private:
  size_t IndexOf(uint64_t value) const;
  uint64_t HighestEquivalent(size_t index) const;

  int sub_bucket_bits_;
  uint64_t highest_;
  std::vector<uint64_t> counts_;
  uint64_t count_ = 0;
  uint64_t sum_ = 0;
  uint64_t min_ = UINT64_MAX;
  uint64_t max_ = 0;
};

}  // namespace dsaudit::loadtest
