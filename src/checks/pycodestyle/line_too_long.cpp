// E501: lines longer than the configured line length, measured as ruff does.
#include <fmt/format.h>
#include <utf8proc.h>

#include <string_view>
#include <vector>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E501",
    .name = "line-too-long",
    .area = Area::kCodeQuality,
    .severity = Severity::kInfo,
    .effort_minutes = 1,
    .fixable = false,
    .what = "Checks for lines wider than `line-length` (88 by default), counted in display "
            "columns: tabs advance to the next multiple of 4, wide East Asian characters count "
            "two.",
    .why = "Long lines are cut off in side-by-side diffs, notebooks and terminals, and usually "
           "hold an expression that would read better split up or named.",
    .example = "```python\nmodel = RandomForestClassifier(n_estimators=500, max_depth=12, "
               "min_samples_leaf=4, class_weight=\"balanced\", n_jobs=-1)\n```",
    .instead = "```python\nmodel = RandomForestClassifier(\n    n_estimators=500,\n    "
               "max_depth=12,\n    min_samples_leaf=4,\n    class_weight=\"balanced\",\n    "
               "n_jobs=-1,\n)\n```\n\nNot reported: lines that are one word, lines ending in a "
               "URL that starts within the limit, SPDX headers, and the width taken by a "
               "trailing pragma comment (`# noqa`, `# type: ignore`).",
};

constexpr uint32_t kTabSize = 4;

// Decodes one UTF-8 character at `at`; returns its length (1 on bad bytes).
size_t Decode(std::string_view text, size_t at, utf8proc_int32_t& out) {
  utf8proc_ssize_t size = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(&text[at]),
                                           static_cast<utf8proc_ssize_t>(text.size() - at), &out);
  if (size <= 0) {
    out = static_cast<unsigned char>(text[at]);
    return 1;
  }
  return static_cast<size_t>(size);
}

struct WidthBuilder {
  uint32_t width = 0;
  uint32_t column = 0;
  void Add(utf8proc_int32_t c) {
    if (c == '\t') {
      uint32_t offset = kTabSize - column % kTabSize;
      width += offset;
      column += offset;
    } else if (c == '\n' || c == '\r') {
      width = column = 0;
    } else {
      int w = c < 0x20 || (c >= 0x7f && c < 0xa0) ? 0 : utf8proc_charwidth(c);
      width += static_cast<uint32_t>(w < 0 ? 0 : w);
      column += 1;
    }
  }
};

uint32_t Measure(std::string_view text) {
  WidthBuilder builder;
  for (size_t at = 0; at < text.size();) {
    utf8proc_int32_t c;
    at += Decode(text, at, c);
    builder.Add(c);
  }
  return builder.width;
}

bool IsWhitespace(utf8proc_int32_t c) {
  return (c >= 0x09 && c <= 0x0d) || c == ' ' || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
         c == 0x205f || c == 0x3000;
}

// Rust's str::split_whitespace.
std::vector<std::string_view> SplitWhitespace(std::string_view text) {
  std::vector<std::string_view> chunks;
  size_t start = std::string_view::npos;
  for (size_t at = 0; at < text.size();) {
    utf8proc_int32_t c;
    size_t size = Decode(text, at, c);
    if (IsWhitespace(c)) {
      if (start != std::string_view::npos) chunks.push_back(text.substr(start, at - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = at;
    }
    at += size;
  }
  if (start != std::string_view::npos) chunks.push_back(text.substr(start));
  return chunks;
}

bool ContainsNoCase(std::string_view text, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= text.size(); ++i) {
    bool same = true;
    for (size_t j = 0; j < needle.size() && same; ++j) {
      char c = text[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == needle[j];
    }
    if (same) return true;
  }
  return false;
}

// ruff's is_pragma_comment: a comment that starts with `noqa`, `nosec` or a
// tool prefix such as `type:`.
bool IsPragmaComment(std::string_view comment) {
  if (comment.empty() || comment.front() != '#') return false;
  std::string_view trimmed = comment.substr(1);
  while (!trimmed.empty() && IsWhitespace(static_cast<unsigned char>(trimmed.front()))) {
    trimmed.remove_prefix(1);
  }
  if (trimmed.size() >= 4 && ContainsNoCase(trimmed.substr(0, 4), "noqa")) return true;
  if (trimmed.starts_with("nosec")) return true;
  size_t colon = trimmed.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view tool = trimmed.substr(0, colon);
  return tool == "isort" || tool == "type" || tool == "pyright" || tool == "pylint" ||
         tool == "flake8" || tool == "ruff";
}

std::string_view TrimEnd(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\f')) {
    text.remove_suffix(1);
  }
  return text;
}

void CheckLines(CheckContext& context) {
  const python::SourceText& source = context.source();
  const std::vector<python::Token>& comments = context.parsed().comments;
  uint32_t limit = static_cast<uint32_t>(context.config().line_length);
  size_t next_comment = 0;
  for (uint32_t number = 1; number <= source.line_count(); ++number) {
    std::string_view line = source.line(number);
    if (line.size() * kTabSize < limit) continue;
    uint32_t width = Measure(line);
    if (width <= limit) continue;
    uint32_t line_start = source.line_start(number);
    uint32_t line_end = line_start + static_cast<uint32_t>(line.size());
    while (next_comment < comments.size() && comments[next_comment].start < line_start) {
      ++next_comment;
    }
    // A single comment on the line that is a pragma does not count.
    size_t on_line = next_comment;
    while (on_line < comments.size() && comments[on_line].start < line_end) ++on_line;
    if (on_line - next_comment == 1) {
      const python::Token& comment = comments[next_comment];
      std::string_view text =
          line.substr(comment.start - line_start,
                      std::min(comment.end, line_end) - comment.start);
      if (IsPragmaComment(text)) {
        line = TrimEnd(line.substr(0, comment.start - line_start));
        width = Measure(line);
        if (width <= limit) continue;
      }
    }
    std::vector<std::string_view> chunks = SplitWhitespace(line);
    if (chunks.size() < 2) continue;
    std::string_view last = chunks.back();
    if (last.find("://") != std::string_view::npos && width - Measure(last) <= limit) continue;
    if (chunks[0] == "#" &&
        (chunks[1] == "SPDX-License-Identifier:" || chunks[1] == "SPDX-FileCopyrightText:")) {
      continue;
    }
    WidthBuilder start;
    size_t at = 0;
    while (at < line.size() && start.width < limit) {
      utf8proc_int32_t c;
      at += Decode(line, at, c);
      start.Add(c);
    }
    python::Position pos{number, static_cast<uint32_t>(at), number,
                         static_cast<uint32_t>(line.size())};
    context.Report(kRule, pos, fmt::format("Line too long ({} > {})", width, limit));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckLines});

}  // namespace dsaudit::checks
