#include "findings/suppression.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace dsaudit {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

uint32_t CharCount(std::string_view text) {
  return static_cast<uint32_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool StartsWithNoqa(std::string_view text) {
  if (text.size() < 4) return false;
  static constexpr std::string_view kLower = "noqa";
  for (size_t i = 0; i < 4; ++i) {
    if ((text[i] | 0x20) != kLower[i]) return false;
  }
  return true;
}

// A cursor over one comment, mirroring ruff's NoqaLexer: errors make the
// whole comment "no directive", as ruff only warns about them.
class NoqaLexer {
 public:
  NoqaLexer(std::string_view text, uint32_t start_column)
      : text_(text), start_column_(start_column) {}

  bool LexInline(NoqaDirective& out) {
    while (!AtEnd()) {
      if (!SkipToHash()) return false;
      hash_ = pos_++;
      EatSpace();
      if (!StartsWithNoqa(Rest())) continue;
      pos_ += 4;
      return LexDirective(out);
    }
    return false;
  }

  bool LexFileExemption(NoqaDirective& out) {
    while (!AtEnd()) {
      if (!SkipToHash()) return false;
      hash_ = pos_++;
      EatSpace();
      if (!EatAny({"dsaudit", "ruff", "flake8"})) continue;
      EatSpace();
      if (!EatChar(':')) continue;
      EatSpace();
      if (!StartsWithNoqa(Rest())) continue;
      pos_ += 4;
      return LexDirective(out);
    }
    return false;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  std::string_view Rest() const { return text_.substr(pos_); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void EatSpace() {
    while (!AtEnd() && IsSpace(text_[pos_])) ++pos_;
  }
  bool EatChar(char c) {
    if (Peek() != c || AtEnd()) return false;
    ++pos_;
    return true;
  }
  bool EatAny(std::initializer_list<std::string_view> words) {
    for (std::string_view word : words) {
      if (Rest().starts_with(word)) {
        pos_ += word.size();
        return true;
      }
    }
    return false;
  }
  bool SkipToHash() {
    size_t hash = text_.find('#', pos_);
    if (hash == std::string_view::npos) return false;
    pos_ = hash;
    return true;
  }
  uint32_t ColumnAt(size_t offset) const {
    return start_column_ + CharCount(text_.substr(0, offset));
  }

  bool LexDirective(NoqaDirective& out) {
    size_t noqa_end = pos_;
    out.span.column = ColumnAt(hash_);
    out.codes.clear();
    out.matches.clear();
    if (AtEnd() || Peek() == '#') return Blanket(out, noqa_end);
    if (EatChar(':')) return LexCodes(out);
    if (!IsSpace(Peek())) return false;  // `#noqaF401`, `# noqa;F401`
    EatSpace();
    if (EatChar(':')) return LexCodes(out);
    return Blanket(out, noqa_end);
  }

  bool Blanket(NoqaDirective& out, size_t noqa_end) {
    out.blanket = true;
    out.span.end_column = ColumnAt(noqa_end);
    return true;
  }

  bool LexCodes(NoqaDirective& out) {
    out.blanket = false;
    bool missing_delimiter = false;
    size_t last_end = pos_;
    while (!AtEnd()) {
      EatSpace();
      if (EatChar(',')) continue;  // ruff warns about the empty item
      if (AtEnd()) break;
      if (!IsUpper(Peek())) break;  // a trailing explanation ends the codes
      size_t start = pos_;
      while (IsUpper(Peek())) ++pos_;
      if (!IsDigit(Peek())) {
        if (missing_delimiter) return false;
        break;
      }
      while (IsDigit(Peek())) ++pos_;
      out.codes.emplace_back(text_.substr(start, pos_ - start));
      last_end = pos_;
      if (AtEnd()) break;
      char next = Peek();
      if (next == ',') {
        ++pos_;
        missing_delimiter = false;
      } else if (IsSpace(next) || next == '#') {
        missing_delimiter = false;
      } else if (IsUpper(next)) {
        missing_delimiter = true;  // `F401F841`: two codes, ruff warns
      } else {
        return false;  // `F401abc`
      }
    }
    if (out.codes.empty()) return false;
    out.span.end_column = ColumnAt(last_end);
    return true;
  }

  std::string_view text_;
  uint32_t start_column_;
  size_t pos_ = 0;
  size_t hash_ = 0;
};

std::string Backticked(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) {
    if (!out.empty()) out += ", ";
    out += "`" + code + "`";
  }
  return out;
}

std::string UnusedMessage(const std::vector<std::string>& unmatched,
                          const std::vector<std::string>& disabled,
                          const std::vector<std::string>& unknown,
                          const std::vector<std::string>& duplicated) {
  std::string reasons;
  auto add = [&reasons](std::string_view label, const std::vector<std::string>& codes) {
    if (codes.empty()) return;
    if (!reasons.empty()) reasons += "; ";
    reasons += std::string(label) + ": " + Backticked(codes);
  };
  add("unused", unmatched);
  add("non-enabled", disabled);
  add("unknown", unknown);
  add("duplicated", duplicated);
  return "Unused `noqa` directive (" + reasons + ")";
}

Finding MakeUnusedFinding(const NoqaDirective& directive, const UnusedNoqaOptions& options,
                          std::string message) {
  Finding finding;
  finding.code = std::string(kUnusedNoqaRule.code);
  finding.area = kUnusedNoqaRule.area;
  finding.severity = kUnusedNoqaRule.severity;
  finding.effort_minutes = kUnusedNoqaRule.effort_minutes;
  finding.path = options.path;
  finding.line = directive.span.line;
  finding.column = directive.span.column;
  finding.end_line = directive.span.line;
  finding.end_column = directive.span.end_column;
  finding.message = std::move(message);
  return finding;
}

// Only indentation may precede a file-level directive on its line.
bool OwnLine(std::string_view source, const python::Token& comment) {
  std::string_view before = source.substr(comment.start - comment.col, comment.col);
  return std::all_of(before.begin(), before.end(), IsSpace);
}

bool Contains(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

bool ParseInlineNoqa(std::string_view comment, NoqaDirective& out, uint32_t start_column) {
  return NoqaLexer(comment, start_column).LexInline(out);
}

bool ParseFileNoqa(std::string_view comment, NoqaDirective& out, uint32_t start_column) {
  return NoqaLexer(comment, start_column).LexFileExemption(out);
}

SuppressionIndex::SuppressionIndex(std::vector<NoqaDirective> line_directives,
                                   std::vector<NoqaDirective> file_directives,
                                   NoqaLineMap noqa_line)
    : line_directives_(std::move(line_directives)),
      file_directives_(std::move(file_directives)),
      noqa_line_(std::move(noqa_line)) {
  std::stable_sort(
      line_directives_.begin(), line_directives_.end(),
      [](const NoqaDirective& a, const NoqaDirective& b) { return a.span.line < b.span.line; });
  file_blanket_ = std::any_of(file_directives_.begin(), file_directives_.end(),
                              [](const NoqaDirective& d) { return d.blanket; });
}

bool SuppressionIndex::FileExempt(std::string_view code) const {
  if (file_blanket_) return true;
  return std::any_of(file_directives_.begin(), file_directives_.end(),
                     [code](const NoqaDirective& d) { return Contains(d.codes, code); });
}

NoqaDirective* SuppressionIndex::DirectiveOnLine(uint32_t line) {
  auto it =
      std::lower_bound(line_directives_.begin(), line_directives_.end(), line,
                       [](const NoqaDirective& d, uint32_t value) { return d.span.line < value; });
  if (it == line_directives_.end() || it->span.line != line) return nullptr;
  return &*it;
}

bool SuppressionIndex::IsSuppressed(const Finding& finding, uint32_t parent_line) {
  if (FileExempt(finding.code)) return true;
  if (finding.line == 0) return false;
  auto suppressed_on = [&](uint32_t finding_line) {
    uint32_t line = noqa_line_ ? noqa_line_(finding_line) : finding_line;
    NoqaDirective* directive = DirectiveOnLine(line);
    if (directive == nullptr) return false;
    if (!directive->blanket && !Contains(directive->codes, finding.code)) return false;
    directive->matches.push_back(finding.code);
    return true;
  };
  if (suppressed_on(finding.line)) return true;
  return parent_line != 0 && parent_line != finding.line && suppressed_on(parent_line);
}

std::vector<Finding> SuppressionIndex::UnusedSuppressions(const UnusedNoqaOptions& options) const {
  std::vector<Finding> out;
  if (FileExempt(kUnusedNoqaRule.code)) return out;
  for (const NoqaDirective& directive : line_directives_) {
    if (directive.blanket) {
      if (directive.matches.empty()) {
        out.push_back(MakeUnusedFinding(directive, options, "Unused blanket `noqa` directive"));
      }
      continue;
    }
    if (Contains(directive.codes, kUnusedNoqaRule.code)) continue;
    std::vector<std::string> unmatched, disabled, unknown, duplicated;
    std::unordered_set<std::string_view> seen;
    for (const std::string& code : directive.codes) {
      if (!seen.insert(code).second) {
        duplicated.push_back(code);
      } else if (Contains(directive.matches, code)) {
        continue;
      } else if (options.is_known && !options.is_known(code)) {
        unknown.push_back(code);
      } else if (options.is_enabled && !options.is_enabled(code)) {
        disabled.push_back(code);
      } else {
        unmatched.push_back(code);
      }
    }
    if (unmatched.empty() && disabled.empty() && unknown.empty() && duplicated.empty()) continue;
    out.push_back(MakeUnusedFinding(directive, options,
                                    UnusedMessage(unmatched, disabled, unknown, duplicated)));
  }
  return out;
}

SuppressionIndex BuildSuppressions(std::string_view source, std::span<const python::Token> comments,
                                   SuppressionIndex::NoqaLineMap noqa_line) {
  std::vector<NoqaDirective> line_directives;
  std::vector<NoqaDirective> file_directives;
  for (const python::Token& comment : comments) {
    std::string_view text = comment.Text(source);
    uint32_t column = 1 + CharCount(source.substr(comment.start - comment.col, comment.col));
    NoqaDirective directive;
    if (ParseFileNoqa(text, directive, column)) {
      if (OwnLine(source, comment)) {
        directive.span.line = comment.line;
        file_directives.push_back(std::move(directive));
      }
      continue;
    }
    if (ParseInlineNoqa(text, directive, column)) {
      directive.span.line = comment.line;
      line_directives.push_back(std::move(directive));
    }
  }
  return SuppressionIndex(std::move(line_directives), std::move(file_directives),
                          std::move(noqa_line));
}

}  // namespace dsaudit
