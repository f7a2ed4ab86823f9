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

inline uint64_t HashString(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Key must be equality-comparable; `empty` is a key value never inserted;
// Hasher()(key) must return the hash callers pass in (used when growing, so
// slots need not store it).
template <class Key, class Value, class Hasher>
class FlatMap {
 public:
  explicit FlatMap(Key empty) : empty_(empty) {}

  Value* Find(const Key& key, uint64_t hash) {
    if (slots_.empty()) return nullptr;
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.key == key) return &slot.value;
      if (slot.key == empty_) return nullptr;
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
      if (slot.key == key) return slot.value;
      if (slot.key == empty_) {
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
      if (!(slot.key == empty_)) visit(slot.key, slot.value);
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
      if (slot.key == empty_) continue;
      size_t i = Hasher()(slot.key) & mask;
      while (!(slots_[i].key == empty_)) i = (i + 1) & mask;
      slots_[i] = std::move(slot);
    }
  }

  Key empty_;
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace dsaudit::semantic
