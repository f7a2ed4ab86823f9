// An open-addressing hash map with linear probing for the semantic model.
//
// The model looks a name up in several scopes for every identifier in a file
// and records context for every node; std::unordered_map would allocate a node
// per entry. Callers pass the hash so a name is hashed once and probed in each
// scope of the chain. Pointers returned by Find/Insert are invalidated by the
// next Insert.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace dsaudit::semantic {

inline uint64_t MixHash(uint64_t value) {
  // splitmix64's finaliser: cheap and spreads pointer and id bits well.
  value ^= value >> 30;
  value *= 0xbf58476d1ce4e5b9ULL;
  value ^= value >> 27;
  value *= 0x94d049bb133111ebULL;
  value ^= value >> 31;
  return value;
}

// Eight bytes at a time (overlapping reads cover the tail), then one mix:
// every name in a file is hashed once, and a byte loop cost more than the
// probes it feeds.
inline uint64_t HashString(std::string_view text) {
  const char* p = text.data();
  size_t size = text.size();
  uint64_t hash = size * 0x9e3779b97f4a7c15ULL;
  auto load64 = [](const char* at) {
    uint64_t word;
    std::memcpy(&word, at, 8);
    return word;
  };
  auto load32 = [](const char* at) {
    uint32_t word;
    std::memcpy(&word, at, 4);
    return uint64_t{word};
  };
  if (size >= 8) {
    for (; size > 8; p += 8, size -= 8) hash = MixHash(hash ^ load64(p));
    return MixHash(hash ^ load64(p + size - 8));
  }
  if (size >= 4) return MixHash(hash ^ (load32(p) << 32) ^ load32(p + size - 4));
  if (size > 0) {
    auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
    hash ^= (byte(0) << 16) | (byte(size / 2) << 8) | byte(size - 1);
  }
  return MixHash(hash);
}

// Names are short: comparing them inline beats a call to memcmp. Overlapping
// loads stay within both strings.
inline bool SameName(std::string_view a, std::string_view b) {
  size_t size = a.size();
  if (size != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  auto differ = [&](size_t at, size_t width) { return std::memcmp(x + at, y + at, width) != 0; };
  if (size >= 8) {
    for (size_t at = 0; at + 8 < size; at += 8) {
      if (differ(at, 8)) return false;
    }
    return !differ(size - 8, 8);
  }
  if (size >= 4) return !differ(0, 4) && !differ(size - 4, 4);
  for (size_t at = 0; at < size; ++at) {
    if (x[at] != y[at]) return false;
  }
  return true;
}

struct NameEqual {
  bool operator()(std::string_view a, std::string_view b) const { return SameName(a, b); }
};

// `empty` is a key value never inserted; Hasher()(key) must return the hash
// callers pass in (used when growing, so slots need not store it).
template <class Key, class Value, class Hasher, class KeyEqual = std::equal_to<Key>>
class FlatMap {
 public:
  explicit FlatMap(Key empty) : empty_(empty) {}

  Value* Find(const Key& key, uint64_t hash) {
    if (slots_.empty()) return nullptr;
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (KeyEqual()(slot.key, key)) return &slot.value;
      if (KeyEqual()(slot.key, empty_)) return nullptr;
    }
  }
  const Value* Find(const Key& key, uint64_t hash) const {
    return const_cast<FlatMap*>(this)->Find(key, hash);
  }

  // Returns the value for key, default-constructed if it was absent.
  Value& Insert(const Key& key, uint64_t hash) {
    // Linear probing stays short up to 3/4 full with a well-mixed hash.
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (KeyEqual()(slot.key, key)) return slot.value;
      if (KeyEqual()(slot.key, empty_)) {
        slot.key = key;
        ++size_;
        return slot.value;
      }
    }
  }

  void Reserve(size_t count) {
    size_t wanted = 16;
    while (wanted * 3 < count * 4) wanted *= 2;
    if (wanted > slots_.size()) Rehash(wanted);
  }

  size_t size() const { return size_; }

  template <class Visit>
  void ForEach(Visit&& visit) const {
    for (const Slot& slot : slots_) {
      if (!KeyEqual()(slot.key, empty_)) visit(slot.key, slot.value);
    }
  }

 private:
  struct Slot {
    Key key;
    Value value;
  };

  void Grow() { Rehash(slots_.empty() ? 16 : slots_.size() * 2); }

  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{empty_, Value{}});
    size_t mask = capacity - 1;
    for (Slot& slot : old) {
      if (KeyEqual()(slot.key, empty_)) continue;
      size_t i = Hasher()(slot.key) & mask;
      while (!KeyEqual()(slots_[i].key, empty_)) i = (i + 1) & mask;
      slots_[i] = std::move(slot);
    }
  }

  Key empty_;
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace dsaudit::semantic
