// `noqa` suppression comments, parsed as ruff parses them: line-level
// `# noqa` / `# noqa: F401, E501` and file-level `# dsaudit: noqa[: CODES]`
// (also ruff's and flake8's spelling), plus the unused-directive report (DS100).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "findings/finding.h"
#include "findings/rule_info.h"
#include "frontend/python/token.h"

namespace dsaudit {

// Ruff's RUF100 under our own code.
inline constexpr RuleInfo kUnusedNoqaRule = {
    .code = "DS100",
    .name = "unused-noqa",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = false,
    .what = "Checks for `noqa` directives that suppress nothing.",
    .why =
        "A stale `noqa` hides future findings on its line and misleads readers about "
        "what the line does wrong.",
    .example = "```python\nimport os  # noqa: F401\n\nos.getcwd()\n```",
    .instead = "```python\nimport os\n\nos.getcwd()\n```",
};

// Where a directive's text sits: 1-based line, 1-based character columns.
struct NoqaSpan {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_column = 0;
};

struct NoqaDirective {
  NoqaSpan span;
  bool blanket = false;              // `# noqa` without codes
  std::vector<std::string> codes;    // as written, in order
  std::vector<std::string> matches;  // codes of the findings it suppressed
};

// Parses one comment's text (from its `#`) as ruff's inline lexer does.
// `start_column` is the character column of the text's first byte; the span's
// line is left 0. Returns false when the comment holds no valid directive.
bool ParseInlineNoqa(std::string_view comment, NoqaDirective& out, uint32_t start_column = 1);
// Same for `# dsaudit: noqa`, `# ruff: noqa` and `# flake8: noqa`.
bool ParseFileNoqa(std::string_view comment, NoqaDirective& out, uint32_t start_column = 1);

struct UnusedNoqaOptions {
  std::string path;  // copied into each DS100 finding
  // Unset means every code is known / enabled (reported as "unused").
  std::function<bool(std::string_view code)> is_known;
  std::function<bool(std::string_view code)> is_enabled;
};

class SuppressionIndex {
 public:
  // Maps a finding's line to the line whose comment may suppress it: ruff
  // moves findings inside a multi-line string to the string's last line.
  using NoqaLineMap = std::function<uint32_t(uint32_t line)>;

  SuppressionIndex() = default;
  SuppressionIndex(std::vector<NoqaDirective> line_directives,
                   std::vector<NoqaDirective> file_directives, NoqaLineMap noqa_line);

  // Records which directive matched, for UnusedSuppressions(). A directive
  // on `parent_line` (when not 0) suppresses the finding as well.
  bool IsSuppressed(const Finding& finding, uint32_t parent_line = 0);
  // DS100 findings for line-level directives (or codes in them) that
  // suppressed nothing among the findings passed to IsSuppressed.
  std::vector<Finding> UnusedSuppressions(const UnusedNoqaOptions& options = {}) const;

  bool FileExempt(std::string_view code) const;
  std::span<const NoqaDirective> line_directives() const { return line_directives_; }
  std::span<const NoqaDirective> file_directives() const { return file_directives_; }

 private:
  NoqaDirective* DirectiveOnLine(uint32_t line);

  std::vector<NoqaDirective> line_directives_;  // sorted by line, one per line
  std::vector<NoqaDirective> file_directives_;
  bool file_blanket_ = false;
  NoqaLineMap noqa_line_;
};

// `comments` are the file's comment tokens (ParsedModule::comments).
SuppressionIndex BuildSuppressions(std::string_view source, std::span<const python::Token> comments,
                                   SuppressionIndex::NoqaLineMap noqa_line = {});

}  // namespace dsaudit
