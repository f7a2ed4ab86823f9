#include "audit/dockerfile.h"

#include <cctype>

#include "base/lines.h"

namespace dsaudit::audit {

std::vector<DockerInstruction> ParseDockerfile(std::string_view text) {
  std::vector<DockerInstruction> out;
  uint32_t stage = 0;
  bool seen_from = false;
  DockerInstruction* open = nullptr;  // the instruction a trailing backslash continues
  ForEachLine(text, [&](const TextLine& text_line) {
    const std::string_view line = text_line.text;
    const size_t line_begin = text_line.offset;
    const uint32_t line_number = text_line.number;
    size_t first = line.find_first_not_of(" \t");
    bool blank_or_comment = first == std::string_view::npos || line[first] == '#';
    std::string_view body = blank_or_comment ? std::string_view() : line.substr(first);
    bool continues = !body.empty() && body.back() == '\\';
    if (continues) body.remove_suffix(1);
    if (open != nullptr) {
      // Comment lines inside a continued instruction are skipped, as docker does.
      if (!blank_or_comment) {
        open->arguments += ' ';
        open->arguments += body;
        open->end_line = line_number;
        open->end = line_begin + line.size();
      }
      if (blank_or_comment || !continues) open = blank_or_comment ? open : nullptr;
      return;
    }
    if (blank_or_comment) return;
    size_t keyword_end = 0;
    while (keyword_end < body.size() && std::isalpha(static_cast<unsigned char>(body[keyword_end]))) {
      ++keyword_end;
    }
    DockerInstruction instruction;
    for (size_t i = 0; i < keyword_end; ++i) {
      instruction.keyword += static_cast<char>(std::toupper(static_cast<unsigned char>(body[i])));
    }
    if (instruction.keyword == "FROM") {
      if (seen_from) ++stage;
      seen_from = true;
    }
    size_t args = body.find_first_not_of(" \t", keyword_end);
    instruction.arguments = args == std::string_view::npos ? "" : std::string(body.substr(args));
    instruction.line = instruction.end_line = line_number;
    instruction.column = static_cast<uint32_t>(first) + 1;
    instruction.begin = line_begin + first;
    instruction.end = line_begin + line.size();
    instruction.stage = stage;
    out.push_back(std::move(instruction));
    if (continues) open = &out.back();
  });
  return out;
}

}  // namespace dsaudit::audit
