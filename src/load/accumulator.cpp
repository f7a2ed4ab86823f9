#include "load/accumulator.h"

#include <fmt/format.h>
#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <new>

namespace dsaudit::load {
namespace {

constexpr int kBotCacheBits = 12;
// The number changes with anything that makes shards unmergeable: versions
// 2 and 3 hash clients differently (HyperLogLog registers).
constexpr std::string_view kMagic = "DSAUDIT-LOAD-SUMMARY 3\n";

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

class Writer {
 public:
  void U64(uint64_t value) { Raw(&value, 8); }
  void I64(int64_t value) { Raw(&value, 8); }
  void F64(double value) { Raw(&value, 8); }
  void Str(std::string_view text) {
    U64(text.size());
    out_.append(text);
  }
  void Raw(const void* data, size_t size) { out_.append(static_cast<const char*>(data), size); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Raw(void* data, size_t size) {
    if (size > in_.size() - pos_) return ok_ = false;
    std::memcpy(data, in_.data() + pos_, size);
    pos_ += size;
    return true;
  }
  uint64_t U64() {
    uint64_t value = 0;
    Raw(&value, 8);
    return value;
  }
  int64_t I64() { return static_cast<int64_t>(U64()); }
  double F64() {
    double value = 0;
    Raw(&value, 8);
    return value;
  }
  std::string_view Str() {
    uint64_t size = U64();
    if (!ok_ || size > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string_view text = in_.substr(pos_, size);
    pos_ += size;
    return text;
  }
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

bool SampleLess(const MalformedSample& a, const MalformedSample& b) {
  return a.source != b.source ? a.source < b.source : a.line < b.line;
}

}  // namespace

LoadAccumulator::LoadAccumulator() = default;

bool LoadAccumulator::IsBot(std::string_view agent) {
  static constexpr std::string_view kMarkers[] = {"bot", "spider", "crawl", "slurp",
                                                  "facebookexternalhit", "headless"};
  for (size_t i = 0; i < agent.size(); ++i) {
    char c = static_cast<char>(agent[i] | 0x20);
    if (c != 'b' && c != 's' && c != 'c' && c != 'f' && c != 'h') continue;
    for (std::string_view marker : kMarkers) {
      if (marker[0] != c || marker.size() > agent.size() - i) continue;
      bool match = true;
      for (size_t k = 1; k < marker.size() && match; ++k) match = (agent[i + k] | 0x20) == marker[k];
      if (match) return true;
    }
  }
  return false;
}

bool LoadAccumulator::CachedIsBot(std::string_view agent) {
  uint64_t ends = agent.size();
  if (agent.size() >= 8) {
    uint64_t head, tail;
    std::memcpy(&head, agent.data(), 8);
    std::memcpy(&tail, agent.data() + agent.size() - 8, 8);
    ends ^= head ^ std::rotl(tail, 29);
  }
  // Made on first use: shards and per-format accumulators that see no agent
  // never pay for it.
  if (bot_cache_.empty()) bot_cache_.resize(size_t{1} << kBotCacheBits);
  BotVerdict& slot = bot_cache_[(ends * 0x9e3779b97f4a7c15ULL) >> (64 - kBotCacheBits)];
  if (slot.agent != agent) {
    slot.agent.assign(agent);
    slot.bot = IsBot(agent);
  }
  return slot.bot;
}

// Chunks double from one block to 64 (about 1 MB): an hour of log costs one
// block's memory, a month a few dozen calls.
constexpr size_t kMaxBlocksPerChunk = 64;

void HourBlockArena::Unmap::operator()(void* chunk) const { ::munmap(chunk, bytes); }

HourBlock* HourBlockArena::New() {
  if (used_in_last_ == last_capacity_) {
    last_capacity_ = std::clamp<size_t>(last_capacity_ * 2, 1, kMaxBlocksPerChunk);
    const size_t bytes = last_capacity_ * sizeof(HourBlock);
    void* chunk = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (chunk == MAP_FAILED) throw std::bad_alloc();
    chunks_.emplace_back(chunk, Unmap{bytes});
    used_in_last_ = 0;
  }
  void* memory = static_cast<HourBlock*>(chunks_.back().get()) + used_in_last_++;
  return new (memory) HourBlock();
}

HourBlock& LoadAccumulator::BlockFor(int64_t hour) {
  if (hour == cached_hour_) return *cached_block_;
  HourBlock*& block = hours_[hour];
  if (block == nullptr) block = blocks_.New();
  cached_hour_ = hour;
  cached_block_ = block;
  return *block;
}

void LoadAccumulator::Add(const LogRecord& record) {
  const int64_t t = record.time.unix_seconds;
  const uint64_t n = record.count;
  first_time_ = std::min(first_time_, t);
  last_time_ = std::max(last_time_, t);
  requests_ += n;
  bytes_ += record.bytes;
  int64_t hour = FloorDiv(t, 3600);
  HourBlock& block = BlockFor(hour);
  int64_t second = t - hour * 3600;
  block.per_second[second] += static_cast<uint32_t>(n);
  block.bytes_per_minute[second / 60] += record.bytes;
  unsigned status_class = record.status / 100;
  block.status_classes[status_class <= 5 ? status_class : 0] += n;
  status_counts_[record.status < 600 ? record.status : 0] += n;
  int offset_slot = (record.time.offset_minutes + 24 * 60) / 15;
  offsets_[std::clamp(offset_slot, 0, kOffsetSlots - 1)] += n;
  if (!record.client.empty()) {
    clients_.AddHash(HashBytes(record.client));
    client_records_ += n;
  }
  if (!record.user_agent.empty() && CachedIsBot(record.user_agent)) bot_requests_ += n;
  int64_t micros = -1;
  if (record.request_time >= 0) {
    latency_.Add(record.request_time, n);
    micros = static_cast<int64_t>(std::min(record.request_time * 1e6, 1e15) + 0.5);
  }
  if (!record.path.empty()) endpoints_.Add(record.path, n, micros);
}

void LoadAccumulator::AddSample(MalformedSample sample) {
  if (sample.text.size() > kMaxSampleBytes) sample.text.resize(kMaxSampleBytes);
  auto at = std::upper_bound(samples_.begin(), samples_.end(), sample, SampleLess);
  if (at - samples_.begin() >= static_cast<ptrdiff_t>(kMaxSamples)) return;
  samples_.insert(at, std::move(sample));
  if (samples_.size() > kMaxSamples) samples_.pop_back();
}

void LoadAccumulator::Merge(const LoadAccumulator& other) {
  lines_ += other.lines_;
  malformed_ += other.malformed_;
  skipped_ += other.skipped_;
  requests_ += other.requests_;
  bytes_ += other.bytes_;
  bot_requests_ += other.bot_requests_;
  client_records_ += other.client_records_;
  first_time_ = std::min(first_time_, other.first_time_);
  last_time_ = std::max(last_time_, other.last_time_);
  for (const auto& [hour, theirs] : other.hours_) {
    HourBlock& mine = BlockFor(hour);
    for (size_t i = 0; i < mine.per_second.size(); ++i) mine.per_second[i] += theirs->per_second[i];
    for (size_t i = 0; i < 60; ++i) mine.bytes_per_minute[i] += theirs->bytes_per_minute[i];
    for (size_t i = 0; i < 6; ++i) mine.status_classes[i] += theirs->status_classes[i];
  }
  for (size_t i = 0; i < status_counts_.size(); ++i) status_counts_[i] += other.status_counts_[i];
  for (size_t i = 0; i < offsets_.size(); ++i) offsets_[i] += other.offsets_[i];
  clients_.Merge(other.clients_);
  latency_.Merge(other.latency_);
  endpoints_.Merge(other.endpoints_);
  for (const MalformedSample& sample : other.samples_) AddSample(sample);
}

int32_t LoadAccumulator::DominantOffsetMinutes() const {
  auto best = std::max_element(offsets_.begin(), offsets_.end());
  return static_cast<int32_t>(best - offsets_.begin()) * 15 - 24 * 60;
}

std::string LoadAccumulator::Serialize() const {
  Writer w;
  w.Raw(kMagic.data(), kMagic.size());
  for (uint64_t v : {lines_, malformed_, skipped_, requests_, bytes_, bot_requests_, client_records_}) {
    w.U64(v);
  }
  w.I64(first_time_);
  w.I64(last_time_);
  // Hours in time order, so the same input always gives the same bytes.
  std::vector<int64_t> keys;
  for (const auto& [hour, block] : hours_) keys.push_back(hour);
  std::sort(keys.begin(), keys.end());
  w.U64(keys.size());
  for (int64_t hour : keys) {
    const HourBlock& block = *hours_.at(hour);
    w.I64(hour);
    w.Raw(block.per_second.data(), sizeof block.per_second);
    w.Raw(block.bytes_per_minute.data(), sizeof block.bytes_per_minute);
    w.Raw(block.status_classes.data(), sizeof block.status_classes);
  }
  w.Raw(status_counts_.data(), sizeof status_counts_);
  w.Raw(offsets_.data(), sizeof offsets_);
  w.Raw(clients_.registers().data(), HyperLogLog::kRegisters);
  w.Raw(latency_.buckets().data(), sizeof(uint64_t) * DurationHistogram::kBuckets);
  w.U64(latency_.count());
  w.U64(latency_.sum_micros());
  w.F64(latency_.max_seconds());
  std::vector<std::pair<std::string_view, EndpointStats>> endpoints;
  endpoints_.ForEach([&](std::string_view key, const EndpointStats& s) { endpoints.emplace_back(key, s); });
  std::sort(endpoints.begin(), endpoints.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  w.U64(endpoints.size());
  for (const auto& [key, stats] : endpoints) {
    w.Str(key);
    w.U64(stats.requests);
    w.U64(stats.timed_requests);
    w.U64(stats.time_micros);
  }
  w.U64(samples_.size());
  for (const MalformedSample& sample : samples_) {
    w.Str(sample.source);
    w.U64(sample.line);
    w.Str(sample.text);
  }
  return w.Take();
}

bool LoadAccumulator::Deserialize(std::string_view bytes, LoadAccumulator* out, std::string* error) {
  if (!bytes.starts_with(kMagic)) {
    *error = bytes.starts_with("DSAUDIT-LOAD-SUMMARY ")
                 ? "a dsaudit load summary of another version: write the shards again with this one"
                 : "not a dsaudit load summary (written by --summary-out)";
    return false;
  }
  Reader r(bytes.substr(kMagic.size()));
  LoadAccumulator& a = *out;
  for (uint64_t* v : {&a.lines_, &a.malformed_, &a.skipped_, &a.requests_, &a.bytes_,
                      &a.bot_requests_, &a.client_records_}) {
    *v = r.U64();
  }
  a.first_time_ = r.I64();
  a.last_time_ = r.I64();
  uint64_t hours = r.U64();
  for (uint64_t i = 0; i < hours && r.ok(); ++i) {
    int64_t hour = r.I64();
    HourBlock& block = a.BlockFor(hour);
    r.Raw(block.per_second.data(), sizeof block.per_second);
    r.Raw(block.bytes_per_minute.data(), sizeof block.bytes_per_minute);
    r.Raw(block.status_classes.data(), sizeof block.status_classes);
  }
  r.Raw(a.status_counts_.data(), sizeof a.status_counts_);
  r.Raw(a.offsets_.data(), sizeof a.offsets_);
  r.Raw(a.clients_.registers().data(), HyperLogLog::kRegisters);
  r.Raw(a.latency_.buckets().data(), sizeof(uint64_t) * DurationHistogram::kBuckets);
  uint64_t count = r.U64();
  uint64_t sum = r.U64();
  double max = r.F64();
  a.latency_.SetTotals(count, sum, max);
  uint64_t endpoints = r.U64();
  for (uint64_t i = 0; i < endpoints && r.ok(); ++i) {
    std::string_view key = r.Str();
    EndpointStats stats;
    stats.requests = r.U64();
    stats.timed_requests = r.U64();
    stats.time_micros = r.U64();
    if (r.ok()) a.endpoints_.AddNormalised(key, stats);
  }
  uint64_t samples = r.U64();
  for (uint64_t i = 0; i < samples && r.ok(); ++i) {
    MalformedSample sample;
    sample.source = std::string(r.Str());
    sample.line = r.U64();
    sample.text = std::string(r.Str());
    if (r.ok()) a.AddSample(std::move(sample));
  }
  if (!r.ok() || !r.done()) {
    *error = "load summary is truncated or corrupt";
    return false;
  }
  return true;
}

}  // namespace dsaudit::load
