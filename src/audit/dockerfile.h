// Dockerfile instructions with exact positions: a small parser of our own,
// since Debian has no library for it. Continuation lines are joined; comments
// and parser directives are dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::audit {

struct DockerInstruction {
  std::string keyword;    // upper case: FROM, RUN, ...
  std::string arguments;  // continuation lines joined with a space
  uint32_t line = 0;      // 1-based line of the keyword
  uint32_t column = 0;    // 1-based column of the keyword
  uint32_t end_line = 0;  // last physical line
  size_t begin = 0;       // byte offsets of the whole instruction in the text
  size_t end = 0;
  uint32_t stage = 0;     // index of the FROM it follows
};

std::vector<DockerInstruction> ParseDockerfile(std::string_view text);

}  // namespace dsaudit::audit
