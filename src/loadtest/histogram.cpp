#include "loadtest/histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace dsaudit::loadtest {

// Index layout: values below 2^bits map to themselves; above that, each
// power-of-two range [2^k, 2^(k+1)) is split into 2^(bits-1) equal buckets.
Histogram::Histogram(int sub_bucket_bits, uint64_t highest)
    : sub_bucket_bits_(sub_bucket_bits), highest_(highest) {
  counts_.assign(IndexOf(highest) + 1, 0);
}

size_t Histogram::IndexOf(uint64_t value) const {
  const uint64_t linear = 1ULL << sub_bucket_bits_;
  if (value < linear) return static_cast<size_t>(value);
  int shift = std::bit_width(value) - sub_bucket_bits_;
  uint64_t top = value >> shift;  // in [2^(bits-1), 2^bits)
  uint64_t half = linear >> 1;
  return static_cast<size_t>(linear + static_cast<uint64_t>(shift - 1) * half + (top - half));
}

uint64_t Histogram::HighestEquivalent(size_t index) const {
  const uint64_t linear = 1ULL << sub_bucket_bits_;
  if (index < linear) return index;
  uint64_t half = linear >> 1;
  uint64_t shift = (index - linear) / half + 1;
  uint64_t top = (index - linear) % half + half;
  return ((top + 1) << shift) - 1;
}

void Histogram::RecordN(uint64_t value, uint64_t count) {
  value = std::min(value, highest_);
  counts_[IndexOf(value)] += count;
  count_ += count;
  sum_ += value * count;
  min_ = std::min(min_, value);
  max_ = std::max(max_, value);
}

void Histogram::Merge(const Histogram& other) {
  for (size_t i = 0; i < counts_.size() && i < other.counts_.size(); ++i) {
    counts_[i] += other.counts_[i];
  }
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void Histogram::Reset() {
  std::fill(counts_.begin(), counts_.end(), 0);
  count_ = sum_ = max_ = 0;
  min_ = UINT64_MAX;
}

uint64_t Histogram::ValueAtPercentile(double percentile) const {
  if (count_ == 0) return 0;
  percentile = std::clamp(percentile, 0.0, 100.0);
  // The rank of the wanted value, 1-based; at least 1 so p0 is the minimum.
  auto rank = static_cast<uint64_t>(std::ceil(percentile / 100.0 * static_cast<double>(count_)));
  rank = std::max<uint64_t>(rank, 1);
  uint64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(HighestEquivalent(i), min(), max_);
  }
  return max_;
}

}  // namespace dsaudit::loadtest
