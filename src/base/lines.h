// Walking a text line by line, with each line's offset and 1-based number:
// the loop every small file reader needs (Dockerfiles, requirements, YAML
// fallbacks, request lists), written once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace dsaudit {

struct TextLine {
  std::string_view text;  // without its "\n" or "\r\n"
  size_t offset = 0;      // of the line's first byte in the whole text
  uint32_t number = 0;    // 1-based
};

// Calls `visit(const TextLine&)` for every line; a final line without a
// newline counts, an empty text has no lines. A `visit` that returns bool
// stops the walk by returning false.
template <class Visit>
void ForEachLine(std::string_view text, Visit&& visit) {
  size_t start = 0;
  uint32_t number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    TextLine line{text.substr(start, end - start), start, ++number};
    if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
    start = end + 1;
    if constexpr (std::is_same_v<std::invoke_result_t<Visit&, const TextLine&>, bool>) {
      if (!visit(line)) return;
    } else {
      visit(line);
    }
  }
}

}  // namespace dsaudit
