// Requests and time per endpoint. Paths are normalised (query dropped, ids
// folded to ":id") so the table stays small; an open-addressing table with
// its keys in one string pool, so counting a known endpoint allocates nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::load {

struct EndpointStats {
  uint64_t requests = 0;
  uint64_t timed_requests = 0;
  uint64_t time_micros = 0;
};

class EndpointTable {
 public:
  // Beyond this many distinct endpoints, new ones count as "(other)".
  static constexpr size_t kMaxEndpoints = 1 << 16;
  static constexpr std::string_view kOther = "(other)";

  EndpointTable();
  // `raw_path` as logged; normalised here.
  void Add(std::string_view raw_path, uint64_t requests, int64_t time_micros);
  // Adds already normalised totals (merging, reading a summary).
  void AddNormalised(std::string_view key, const EndpointStats& stats);
  void Merge(const EndpointTable& other);

  template <typename Visit>
  void ForEach(Visit visit) const {
    for (const Slot& slot : slots_) {
      if (slot.used) visit(Key(slot), slot.stats);
    }
  }
  size_t size() const { return size_; }

  // "/api/items/123?x=1" to "/api/items/:id"; writes into `buffer`.
  static std::string_view Normalise(std::string_view path, char* buffer, size_t capacity);

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_offset = 0;
    uint32_t key_length = 0;
    bool used = false;
    EndpointStats stats;
  };
  std::string_view Key(const Slot& slot) const {
    return std::string_view(pool_).substr(slot.key_offset, slot.key_length);
  }
  EndpointStats& Find(std::string_view key);
  void Grow();

  std::vector<Slot> slots_;
  std::string pool_;
  size_t size_ = 0;
};

}  // namespace dsaudit::load
