// Byte search for the `load` hot path. A log line is searched for about
// eight short things (spaces, a bracket, quotes, its end) over distances of
// 1 to 200 bytes: as memchr calls that was a library call and its set-up per
// search. Inlined 16-byte compares (SSE2 is part of x86-64, so no dispatch
// is needed) and a 64-byte newline mask per block do the same work without
// them. Other targets use memchr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dsaudit::load {

// Position of the first `byte` in `text` at or after `from`, or npos. Reads
// nothing outside `text`.
inline size_t FindByte(std::string_view text, size_t from, char byte) {
  if (from >= text.size()) return std::string_view::npos;
#if defined(__SSE2__)
  const char* begin = text.data();
  const char* p = begin + from;
  const char* end = begin + text.size();
  const __m128i needle = _mm_set1_epi8(byte);
  for (; end - p >= 16; p += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, needle)));
    if (hits != 0) return static_cast<size_t>(p - begin) + static_cast<size_t>(__builtin_ctz(hits));
  }
  for (; p < end; ++p) {
    if (*p == byte) return static_cast<size_t>(p - begin);
  }
  return std::string_view::npos;
#else
  const void* hit = std::memchr(text.data() + from, byte, text.size() - from);
  return hit == nullptr ? std::string_view::npos
                        : static_cast<size_t>(static_cast<const char*>(hit) - text.data());
#endif
}

// Splits a buffer into lines (without their '\n'; the last one may lack
// it) from a bit mask of newlines per 64-byte block: one bit scan per line.
class LineSplitter {
 public:
  explicit LineSplitter(std::string_view data) : data_(data) {
    if (!data_.empty()) mask_ = NewlineMask(0);
  }

  // The next line, false when the buffer is used up.
  bool Next(std::string_view* line) {
    while (mask_ == 0) {
      block_ += 64;
      if (block_ >= data_.size()) {
        if (line_start_ >= data_.size()) return false;
        *line = data_.substr(line_start_);
        line_start_ = data_.size();
        return true;
      }
      mask_ = NewlineMask(block_);
    }
    size_t newline = block_ + static_cast<size_t>(__builtin_ctzll(mask_));
    mask_ &= mask_ - 1;
    *line = data_.substr(line_start_, newline - line_start_);
    line_start_ = newline + 1;
    return true;
  }

 private:
  uint64_t NewlineMask(size_t offset) const {
    const char* p = data_.data() + offset;
    size_t size = data_.size() - offset;
    uint64_t mask = 0;
#if defined(__SSE2__)
    if (size >= 64) {
      // The first touch of each byte: asking for it a few blocks early keeps
      // the scan from waiting on memory at every page (the hardware
      // prefetcher stops at page boundaries).
      __builtin_prefetch(p + kPrefetchBytes);
      const __m128i newline = _mm_set1_epi8('\n');
      for (int i = 0; i < 4; ++i) {
        __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
        uint64_t bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline)));
        mask |= bits << (16 * i);
      }
      return mask;
    }
#endif
    for (size_t i = 0; i < size && i < 64; ++i) {
      if (p[i] == '\n') mask |= uint64_t{1} << i;
    }
    return mask;
  }

  static constexpr size_t kPrefetchBytes = 1024;

  std::string_view data_;
  size_t block_ = 0;       // offset of the block mask_ describes
  uint64_t mask_ = 0;      // newlines in that block not yet returned
  size_t line_start_ = 0;  // where the next line begins
};

}  // namespace dsaudit::load
