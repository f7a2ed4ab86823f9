#include "load/endpoint_table.h"

#include <algorithm>
#include <cstring>

#include "load/sketches.h"

namespace dsaudit::load {
namespace {

constexpr size_t kMaxKeyLength = 200;

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// A path segment that names one object rather than a route: all digits, a
// UUID, or a long hex hash.
bool IsIdSegment(std::string_view segment) {
  if (segment.empty()) return false;
  bool digits = std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) return true;
  if (segment.size() < 16) return false;
  return std::all_of(segment.begin(), segment.end(), [](char c) { return IsHex(c) || c == '-'; });
}

}  // namespace

EndpointTable::EndpointTable() : slots_(256) {}

std::string_view EndpointTable::Normalise(std::string_view path, char* buffer, size_t capacity) {
  size_t cut = path.find_first_of("?#");
  if (cut != std::string_view::npos) path = path.substr(0, cut);
  if (path.empty()) return "/";
  size_t used = 0;
  size_t pos = 0;
  while (pos < path.size() && used < capacity) {
    size_t slash = path.find('/', pos + 1);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view segment = path.substr(pos, slash - pos);  // with its leading '/'
    std::string_view name = segment.starts_with('/') ? segment.substr(1) : segment;
    std::string_view out = IsIdSegment(name) ? std::string_view("/:id") : segment;
    if (!segment.starts_with('/') && out.starts_with('/')) out.remove_prefix(1);
    size_t n = std::min(out.size(), capacity - used);
    std::memcpy(buffer + used, out.data(), n);
    used += n;
    pos = slash;
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
