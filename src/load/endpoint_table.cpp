#include "load/endpoint_table.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "load/sketches.h"

namespace dsaudit::load {
namespace {

constexpr size_t kMaxKeyLength = 200;

// Character classes for Normalise, one table look-up per character.
enum : uint8_t { kDigit = 1, kHexOrDash = 2, kSegmentEnd = 4 };
constexpr std::array<uint8_t, 256> kPathClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit | kHexOrDash;
  for (int c = 'a'; c <= 'f'; ++c) table[c] = kHexOrDash;
  for (int c = 'A'; c <= 'F'; ++c) table[c] = kHexOrDash;
  table['-'] = kHexOrDash;
  table['/'] = table['?'] = table['#'] = kSegmentEnd;
  return table;
}();

}  // namespace

EndpointTable::EndpointTable() : slots_(256) {}

// One pass over the path, every request: a segment that names one object
// rather than a route (all digits, or a UUID or hex hash of 16 characters or
// more) becomes ":id", and the query or fragment ends the path. Until the
// first such segment the key is a prefix of the path itself, so most paths
// are not copied at all.
std::string_view EndpointTable::Normalise(std::string_view path, char* buffer, size_t capacity) {
  const size_t size = path.size();
  if (size == 0 || path[0] == '?' || path[0] == '#') return "/";
  bool copying = false;
  size_t used = 0;
  size_t segment = 0;  // where the segment starts: its '/', or 0
  for (;;) {
    size_t name = path[segment] == '/' ? segment + 1 : segment;
    uint8_t classes = kDigit | kHexOrDash;
    size_t end = name;
    for (; end < size; ++end) {
      uint8_t cls = kPathClass[static_cast<unsigned char>(path[end])];
      if (cls & kSegmentEnd) break;
      classes &= cls;
    }
    size_t length = end - name;
    bool id = length > 0 && ((classes & kDigit) || (length >= 16 && (classes & kHexOrDash)));
    if (id && !copying) {
      copying = true;
      used = std::min(segment, capacity);
      std::memcpy(buffer, path.data(), used);
    }
    if (copying) {
      std::string_view out = !id ? path.substr(segment, end - segment)
                                 : name > segment ? std::string_view("/:id") : std::string_view(":id");
      size_t n = std::min(out.size(), capacity - used);
      std::memcpy(buffer + used, out.data(), n);
      used += n;
      if (used >= capacity) break;
    } else if (end >= capacity) {
      return path.substr(0, capacity);
    }
    if (end >= size || path[end] != '/') {
      if (!copying) return path.substr(0, end);
      break;
    }
    segment = end;
  }
  return std::string_view(buffer, used);
}

void EndpointTable::Add(std::string_view raw_path, uint64_t requests, int64_t time_micros) {
  char buffer[kMaxKeyLength];
  EndpointStats& stats = Find(Normalise(raw_path, buffer, sizeof buffer));
  stats.requests += requests;
  if (time_micros < 0) return;
  stats.timed_requests += requests;
  stats.time_micros += static_cast<uint64_t>(time_micros) * requests;
}

void EndpointTable::AddNormalised(std::string_view key, const EndpointStats& add) {
  EndpointStats& stats = Find(key);
  stats.requests += add.requests;
  stats.timed_requests += add.timed_requests;
  stats.time_micros += add.time_micros;
}

void EndpointTable::Merge(const EndpointTable& other) {
  other.ForEach([this](std::string_view key, const EndpointStats& stats) { AddNormalised(key, stats); });
}

EndpointStats& EndpointTable::Find(std::string_view key) {
  uint64_t hash = HashBytes(key);
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (!slot.used) {
      if (size_ >= kMaxEndpoints && key != kOther) return Find(kOther);
      if ((size_ + 1) * 4 > slots_.size() * 3) {
        Grow();
        return Find(key);
      }
      slot.used = true;
      slot.hash = hash;
      slot.key_offset = static_cast<uint32_t>(pool_.size());
      slot.key_length = static_cast<uint32_t>(key.size());
      pool_.append(key);
      ++size_;
      return slot.stats;
    }
    if (slot.hash == hash && Key(slot) == key) return slot.stats;
  }
}

void EndpointTable::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.used) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace dsaudit::load
