// A bump allocator for objects that live as long as one parsed file.
//
// AST nodes, identifier copies and child lists are all trivially destructible,
// so the arena never runs destructors: freeing a file's tree is freeing a few
// large blocks. This is what keeps parsing allocation-light and lets peak
// memory follow the largest file rather than the whole tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dsaudit {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) noexcept = default;
  Arena& operator=(Arena&&) noexcept = default;

  void* Allocate(size_t size, size_t align) {
    size_t aligned = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || aligned + size > current_size_) {
      NewBlock(size + align);
      aligned = 0;
    }
    void* result = blocks_.back().get() + aligned;
    used_ = aligned + size;
    bytes_allocated_ += size;
    return result;
  }

  // Constructs a T in the arena. T must be trivially destructible.
  template <class T, class... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    return new (Allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  // Copies a contiguous range into the arena.
  template <class T>
  std::span<T> CopySpan(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    T* data = static_cast<T*>(Allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(data, items.data(), sizeof(T) * items.size());
    return {data, items.size()};
  }

  std::string_view CopyString(std::string_view text) {
    if (text.empty()) return {};
    char* data = static_cast<char*>(Allocate(text.size(), 1));
    std::memcpy(data, text.data(), text.size());
    return {data, text.size()};
  }

  size_t bytes_allocated() const { return bytes_allocated_; }

 private:
  void NewBlock(size_t at_least) {
    // Blocks grow geometrically up to 4 MiB so huge files need few of them.
    size_t size = next_block_size_ > at_least ? next_block_size_ : at_least;
    blocks_.emplace_back(new std::byte[size]);
    current_size_ = size;
    used_ = 0;
    if (next_block_size_ < (size_t{4} << 20)) next_block_size_ *= 2;
  }

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  size_t next_block_size_ = 64 * 1024;
  size_t current_size_ = 0;
  size_t used_ = 0;
  size_t bytes_allocated_ = 0;
};

}  // namespace dsaudit
