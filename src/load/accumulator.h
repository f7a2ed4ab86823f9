// Everything `dsaudit load` counts, in a form that merges exactly: per-second
// counts in hour blocks, integer totals, HyperLogLog, histograms. One per
// thread while scanning; shards merge into one; a summary file is its bytes.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/endpoint_table.h"
#include "load/log_record.h"
#include "load/sketches.h"

namespace dsaudit::load {

struct HourBlock {
  std::array<uint32_t, 3600> per_second{};
  std::array<uint64_t, 60> bytes_per_minute{};
  // Index 0: no status logged; 1..5: 1xx..5xx.
  std::array<uint64_t, 6> status_classes{};
};

// Hour blocks carved from chunks of anonymous memory mapped with
// MAP_POPULATE: the kernel hands over a chunk's zeroed pages in one call
// instead of one page fault at a time (a month of hours is about 12 MB per
// scanning thread, a fixed cost however few lines the log has).
class HourBlockArena {
 public:
  HourBlock* New();

 private:
  struct Unmap {
    size_t bytes;
    void operator()(void* chunk) const;
  };
  std::vector<std::unique_ptr<void, Unmap>> chunks_;
  size_t last_capacity_ = 0;  // blocks the last chunk holds
  size_t used_in_last_ = 0;   // blocks handed out from it
};

struct MalformedSample {
  std::string source;
  uint64_t line = 0;
  std::string text;  // cut to kMaxSampleBytes
};

// Aligned so that the accumulators of threads scanning side by side (kept in
// one vector) never share a cache line: the totals written on every line of
// one thread beside the fields the other reads on every line made both wait
// on the line's transfer, and -j 2 took up to 1.7 CPU-seconds where -j 1 took
// 0.9. 128 bytes, not 64: some cores fetch cache lines in adjacent pairs.
class alignas(128) LoadAccumulator {
 public:
  static constexpr size_t kMaxSamples = 5;
  static constexpr size_t kMaxSampleBytes = 200;
  static constexpr int kOffsetSlots = 193;  // quarter hours from -24h to +24h

  LoadAccumulator();
  void Add(const LogRecord& record);
  void CountLine(bool malformed, bool skipped) {
    ++lines_;
    malformed_ += malformed;
    skipped_ += skipped;
  }
  // Keeps the first kMaxSamples malformed lines by (source, line).
  void AddSample(MalformedSample sample);
  void Merge(const LoadAccumulator& other);

  std::string Serialize() const;
  // False, with `error` set, when `bytes` is not a summary this version wrote.
  static bool Deserialize(std::string_view bytes, LoadAccumulator* out, std::string* error);

  uint64_t lines() const { return lines_; }
  uint64_t malformed() const { return malformed_; }
  uint64_t skipped() const { return skipped_; }
  uint64_t requests() const { return requests_; }
  uint64_t bytes() const { return bytes_; }
  uint64_t bot_requests() const { return bot_requests_; }
  int64_t first_time() const { return first_time_; }
  int64_t last_time() const { return last_time_; }
  bool empty() const { return requests_ == 0 && hours_.empty(); }
  const std::unordered_map<int64_t, HourBlock*>& hours() const { return hours_; }
  const std::array<uint64_t, 600>& status_counts() const { return status_counts_; }
  const HyperLogLog& clients() const { return clients_; }
  uint64_t client_records() const { return client_records_; }
  const DurationHistogram& latency() const { return latency_; }
  const EndpointTable& endpoints() const { return endpoints_; }
  const std::array<uint64_t, kOffsetSlots>& offsets() const { return offsets_; }
  const std::vector<MalformedSample>& samples() const { return samples_; }
  // The UTC offset most requests were logged in, in minutes.
  int32_t DominantOffsetMinutes() const;

  static bool IsBot(std::string_view user_agent);

 private:
  HourBlock& BlockFor(int64_t hour);
  bool CachedIsBot(std::string_view user_agent);

  uint64_t lines_ = 0, malformed_ = 0, skipped_ = 0;
  uint64_t requests_ = 0, bytes_ = 0, bot_requests_ = 0, client_records_ = 0;
  int64_t first_time_ = INT64_MAX, last_time_ = INT64_MIN;
  HourBlockArena blocks_;  // owns what hours_ points to
  std::unordered_map<int64_t, HourBlock*> hours_;
  int64_t cached_hour_ = INT64_MIN;
  HourBlock* cached_block_ = nullptr;
  std::array<uint64_t, 600> status_counts_{};
  std::array<uint64_t, kOffsetSlots> offsets_{};
  HyperLogLog clients_;
  DurationHistogram latency_;
  EndpointTable endpoints_;
  std::vector<MalformedSample> samples_;
  // Direct-mapped cache of user agent to bot verdict: a log repeats a few
  // hundred agents, so the substring search runs once per agent. Slots are
  // found from the agent's length and ends and hold the agent itself, so a
  // hit is one compare (hashing all of a 100-byte agent cost more) and exact.
  struct BotVerdict {
    std::string agent;
    bool bot = false;
  };
  std::vector<BotVerdict> bot_cache_;
};

}  // namespace dsaudit::load
