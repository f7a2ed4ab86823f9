// "1 file", "2 files": a count and its noun, for report lines. English
// plurals of the nouns reports use (file, notebook, worker, pod) take an "s".
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace dsaudit {

inline std::string Counted(uint64_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace dsaudit
