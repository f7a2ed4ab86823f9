#include "load/sketches.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace dsaudit::load {
namespace {

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

uint64_t HashBytes(std::string_view bytes) {
  constexpr uint64_t kOdd = 0x9e3779b97f4a7c15ULL;
  const char* data = bytes.data();
  uint64_t hash = kOdd ^ bytes.size();
  size_t pos = 0;
  auto word_at = [data](size_t at) {
    uint64_t word;
    std::memcpy(&word, data + at, 8);
    return word;
  };
  // One multiply and rotate per word; the Mix at the end avalanches. Keys of
  // 32 bytes or more (long endpoint paths, IPv6 clients) go through four
  // independent lanes, so their words cost the multiplies' throughput
  // rather than one latency chain.
  if (bytes.size() >= 32) {
    uint64_t lanes[4] = {hash, hash + kOdd, hash ^ 0xc4ceb9fe1a85ec53ULL, hash - kOdd};
    for (; pos + 32 <= bytes.size(); pos += 32) {
      for (size_t lane = 0; lane < 4; ++lane) {
        lanes[lane] = std::rotl((lanes[lane] ^ word_at(pos + 8 * lane)) * kOdd, 31);
      }
    }
    hash = Mix(lanes[0]) ^ std::rotl(Mix(lanes[1]), 16) ^ std::rotl(Mix(lanes[2]), 32) ^
           std::rotl(Mix(lanes[3]), 48);
  }
  for (; pos + 8 <= bytes.size(); pos += 8) hash = std::rotl((hash ^ word_at(pos)) * kOdd, 31);
  if (size_t rest = bytes.size() - pos; rest > 0) {
    // The last 1-7 bytes in one or two loads, not a memcpy of variable length
    // (a library call, and a stall while the copied bytes are read back).
    uint64_t word;
    if (bytes.size() >= 8) {
      word = word_at(bytes.size() - 8) >> (64 - 8 * rest);
    } else if (rest >= 4) {
      uint32_t low, high;
      std::memcpy(&low, data, 4);
      std::memcpy(&high, data + rest - 4, 4);
      word = low | (uint64_t{high} << 32);
    } else {
      auto byte = [data](size_t at) { return uint64_t{static_cast<unsigned char>(data[at])}; };
      word = byte(0) | byte(rest / 2) << 8 | byte(rest - 1) << 16;
    }
    hash = std::rotl((hash ^ word ^ 0x100) * kOdd, 31);
  }
  return Mix(hash);
}

void HyperLogLog::Merge(const HyperLogLog& other) {
  for (size_t i = 0; i < kRegisters; ++i) {
    registers_[i] = std::max(registers_[i], other.registers_[i]);
  }
}

double HyperLogLog::Estimate() const {
  constexpr double m = static_cast<double>(kRegisters);
  const double alpha = 0.7213 / (1.0 + 1.079 / m);
  double sum = 0;
  size_t zeros = 0;
  for (uint8_t r : registers_) {
    sum += std::ldexp(1.0, -static_cast<int>(r));
    zeros += r == 0;
  }
  double raw = alpha * m * m / sum;
  // Linear counting is the better estimator until about 2.5 m.
  if (raw <= 2.5 * m && zeros > 0) return m * std::log(m / static_cast<double>(zeros));
  return raw;
}

size_t DurationHistogram::BucketOf(uint64_t micros) {
  if (micros < (uint64_t{1} << kSubBits)) return static_cast<size_t>(micros);
  int exponent = 63 - std::countl_zero(micros);  // >= kSubBits
  size_t sub = static_cast<size_t>((micros >> (exponent - kSubBits)) & ((1u << kSubBits) - 1));
  size_t bucket = static_cast<size_t>(exponent - kSubBits + 1) * (size_t{1} << kSubBits) + sub;
  return std::min(bucket, kBuckets - 1);
}

double DurationHistogram::BucketMid(size_t bucket) {
  constexpr size_t kSub = size_t{1} << kSubBits;
  if (bucket < kSub) return static_cast<double>(bucket) * 1e-6;
  int exponent = static_cast<int>(bucket / kSub) + kSubBits - 1;
  double low = std::ldexp(static_cast<double>(kSub + bucket % kSub), exponent - kSubBits);
  double width = std::ldexp(1.0, exponent - kSubBits);
  return (low + width / 2) * 1e-6;
}

void DurationHistogram::Add(double seconds, uint64_t count) {
  if (!(seconds >= 0) || count == 0) return;
  double micros = std::min(seconds * 1e6, 1e18);
  uint64_t whole = static_cast<uint64_t>(micros + 0.5);
  buckets_[BucketOf(whole)] += count;
  count_ += count;
  sum_micros_ += whole * count;
  max_seconds_ = std::max(max_seconds_, seconds);
}

void DurationHistogram::Merge(const DurationHistogram& other) {
  for (size_t i = 0; i < kBuckets; ++i) buckets_[i] += other.buckets_[i];
  count_ += other.count_;
  sum_micros_ += other.sum_micros_;
  max_seconds_ = std::max(max_seconds_, other.max_seconds_);
}

double DurationHistogram::Quantile(double q) const {
  if (count_ == 0) return 0;
  uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(count_)));
  rank = std::clamp<uint64_t>(rank, 1, count_);
  uint64_t seen = 0;
  for (size_t i = 0; i < kBuckets; ++i) {
    seen += buckets_[i];
    if (seen >= rank) return std::min(BucketMid(i), max_seconds_);
  }
  return max_seconds_;
}

}  // namespace dsaudit::load
