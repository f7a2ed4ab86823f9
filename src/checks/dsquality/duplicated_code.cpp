// DS102: duplicated code blocks within and across files, found as PMD's CPD
// finds them: token sequences with identifiers and literals normalised,
// matched by a rolling hash over windows of kMinTokens tokens.
//
// Each file contributes its normalised token codes (imports left out: the
// same import lines in every module are not duplication worth reporting).
// The project stage hashes every window that starts a line, remembers the
// first place each hash was seen, and extends a hit token by token while
// both copies agree. Tokens already reported are skipped, so the work stays
// linear in the number of tokens; no pair of files is ever compared whole.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

constexpr uint32_t kMinTokens = 50;
constexpr uint32_t kMinLines = 6;

const RuleInfo kRule = {
    .code = "DS102",
    .name = "duplicated-code",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds blocks of at least 50 tokens spanning at least 6 lines that occur twice, in "
            "the same file or in two files, with only names and literal values changed (as PMD's "
            "copy-paste detector does). Each later copy is reported once, with the place of the "
            "first copy. Import lists and blocks that merely repeat a short pattern (tables of "
            "similar rows) are not reported. Remediation effort grows by one minute per two "
            "duplicated lines.",
    .why = "Copy-pasted preprocessing is the classic data-science maintenance trap: the training "
           "script and the serving code each carry their own copy of the feature engineering, a "
           "fix lands in one of them, and the model is silently fed different features in "
           "production than in training (training/serving skew).",
    .example = "```python\n# train.py\ndf[\"age\"] = df[\"age\"].fillna(df[\"age\"].median())\n"
               "df[\"income\"] = np.log1p(df[\"income\"])\n...\n\n# serve.py: the same ten lines, "
               "pasted\n```",
    .instead = "```python\n# features.py\ndef build_features(df: pd.DataFrame) -> pd.DataFrame:\n"
               "    ...\n\n# train.py and serve.py\nfeatures = build_features(df)\n```",
};

// Where a token that starts a line is reported, already placed.
struct Anchor {
  uint32_t token = 0;  // index into FileTokens::codes
  uint32_t line = 0;   // as printed (cell line in notebooks)
  uint32_t column = 0;
  uint32_t cell = 0;  // 0 outside notebooks
  std::string line_text;
};

struct FileTokens {
  std::vector<uint16_t> codes;        // normalised token kinds
  std::vector<uint32_t> source_lines;  // each token's line in the module source
  std::vector<Anchor> anchors;        // tokens that start a line, in order
};

using Facts = std::shared_ptr<const FileTokens>;

bool IsImport(const python::Stmt* statement) {
  return python::Isa<python::Import>(statement) || python::Isa<python::ImportFrom>(statement);
}

// Byte ranges of the import statements at module level (also under if/try).
void CollectImports(const CheckContext& context, std::span<python::Stmt* const> body,
                    std::vector<std::pair<uint32_t, uint32_t>>& out) {
  for (const python::Stmt* statement : body) {
    if (IsImport(statement)) {
      out.emplace_back(context.Offset(statement->pos.line, statement->pos.col),
                       context.Offset(statement->pos.end_line, statement->pos.end_col));
    } else if (const auto* branch = python::DynCast<python::If>(statement)) {
      CollectImports(context, branch->body, out);
      CollectImports(context, branch->orelse, out);
    } else if (const auto* guarded = python::DynCast<python::Try>(statement)) {
      CollectImports(context, guarded->body, out);
      for (const python::ExceptHandler* handler : guarded->handlers) {
        CollectImports(context, handler->body, out);
      }
    }
  }
}

// The normalised code of a token, or 0 for tokens left out.
uint16_t Normalise(python::TokenKind kind) {
  switch (kind) {
    case python::TokenKind::kComment:
    case python::TokenKind::kNonLogicalNewline:
    case python::TokenKind::kNewline:
    case python::TokenKind::kIndent:
    case python::TokenKind::kDedent:
    case python::TokenKind::kEndMarker:
    case python::TokenKind::kError:
    case python::TokenKind::kFStringMiddle:
    case python::TokenKind::kFStringEnd:
      return 0;
    case python::TokenKind::kFStringStart:
      return static_cast<uint16_t>(python::TokenKind::kString) + 1;
    default:
      return static_cast<uint16_t>(kind) + 1;
  }
}

void CollectTokens(CheckContext& context) {
  const python::ParsedModule& parsed = context.parsed();
  std::vector<std::pair<uint32_t, uint32_t>> imports;
  CollectImports(context, context.module().body, imports);
  auto facts = std::make_shared<FileTokens>();
  facts->codes.reserve(parsed.tokens.size());
  facts->source_lines.reserve(parsed.tokens.size());
  size_t next_import = 0;
  uint32_t last_line = 0;
  Finding placed;
  for (const python::Token& token : parsed.tokens) {
    uint16_t code = Normalise(token.kind);
    if (code == 0) continue;
    while (next_import < imports.size() && imports[next_import].second <= token.start) {
      ++next_import;
    }
    if (next_import < imports.size() && imports[next_import].first <= token.start) continue;
    if (token.line != last_line) {
      last_line = token.line;
      python::Position pos{token.line, token.col, token.line, token.col};
      PlaceFinding(parsed, context.notebook(), pos, placed);
      facts->anchors.push_back(Anchor{.token = static_cast<uint32_t>(facts->codes.size()),
                                      .line = placed.line,
                                      .column = placed.column,
                                      .cell = placed.cell.value_or(0),
                                      .line_text = std::string(parsed.source.line(token.line))});
    }
    facts->codes.push_back(code);
    facts->source_lines.push_back(token.line);
  }
  context.SaveForProject(Facts(std::move(facts)));
}

// Whether the sequence is a short pattern repeated (a table of similar rows):
// its smallest period, from the KMP failure function, is at most half its length.
bool IsRepetitive(std::span<const uint16_t> codes) {
  std::vector<uint32_t> failure(codes.size(), 0);
  for (size_t i = 1; i < codes.size(); ++i) {
    uint32_t k = failure[i - 1];
    while (k > 0 && codes[i] != codes[k]) k = failure[k - 1];
    if (codes[i] == codes[k]) ++k;
    failure[i] = k;
  }
  size_t period = codes.size() - failure.back();
  return period * 2 <= codes.size();
}

struct Location {
  uint32_t file = 0;
  uint32_t anchor = 0;  // index into that file's anchors
};

std::string Describe(const ProjectFile& file, const Anchor& anchor) {
  if (anchor.cell != 0) return fmt::format("{}:cell {}:{}", file.path, anchor.cell, anchor.line);
  return fmt::format("{}:{}", file.path, anchor.line);
}

void FindClones(std::span<const ProjectFile> files, ProjectContext& context) {
  std::vector<const FileTokens*> tokens(files.size(), nullptr);
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].facts == nullptr || !files[i].facts->has_value()) continue;
    if (const Facts* facts = std::any_cast<Facts>(files[i].facts)) tokens[i] = facts->get();
  }
  constexpr uint64_t kBase = 1000003;
  uint64_t top_power = 1;  // kBase^(kMinTokens - 1), for removing a window's first token
  for (uint32_t i = 1; i < kMinTokens; ++i) top_power *= kBase;

  std::unordered_map<uint64_t, Location> first_seen;
  for (uint32_t f = 0; f < tokens.size(); ++f) {
    const FileTokens* file = tokens[f];
    if (file == nullptr || file->codes.size() < kMinTokens) continue;
    const std::vector<uint16_t>& codes = file->codes;
    // hash of the window starting at `start`, rolled forward token by token.
    uint64_t hash = 0;
    for (uint32_t i = 0; i < kMinTokens; ++i) hash = hash * kBase + codes[i];
    uint32_t start = 0;
    uint32_t covered_until = 0;  // tokens before this are part of a reported clone
    for (uint32_t a = 0; a < file->anchors.size(); ++a) {
      const Anchor& anchor = file->anchors[a];
      if (anchor.token + kMinTokens > codes.size()) break;
      while (start < anchor.token) {
        hash = (hash - codes[start] * top_power) * kBase + codes[start + kMinTokens];
        ++start;
      }
      if (anchor.token < covered_until) continue;
      auto [it, inserted] = first_seen.try_emplace(hash, Location{f, a});
      if (inserted) continue;
      const FileTokens& other = *tokens[it->second.file];
      uint32_t other_start = other.anchors[it->second.anchor].token;
      // Extend while both copies agree; within one file the copies may not overlap.
      uint32_t limit = static_cast<uint32_t>(
          std::min(codes.size() - anchor.token, other.codes.size() - other_start));
      if (it->second.file == f) limit = std::min(limit, anchor.token - other_start);
      uint32_t length = 0;
      while (length < limit && codes[anchor.token + length] == other.codes[other_start + length]) {
        ++length;
      }
      if (length < kMinTokens) continue;
      uint32_t first_line = file->source_lines[anchor.token];
      uint32_t last_line = file->source_lines[anchor.token + length - 1];
      uint32_t lines = last_line - first_line + 1;
      if (lines < kMinLines) continue;
      // Skipping the block either way keeps long tables of similar rows linear.
      covered_until = anchor.token + length;
      std::span<const uint16_t> clone(codes.data() + anchor.token, length);
      if (IsRepetitive(clone)) continue;
      const Anchor& origin = other.anchors[it->second.anchor];
      Finding finding;
      finding.code = std::string(kRule.code);
      finding.area = kRule.area;
      finding.severity = kRule.severity;
      finding.path = std::string(files[f].path);
      finding.line = finding.end_line = anchor.line;
      finding.column = finding.end_column = anchor.column;
      if (anchor.cell != 0) finding.cell = anchor.cell;
      finding.message =
          fmt::format("Duplicated code: {} lines ({} tokens) repeat {}", lines, length,
                      Describe(files[it->second.file], origin));
      finding.effort_minutes = kRule.effort_minutes + lines / 2;
      context.Report(CheckContext::PlacedFinding{std::move(finding), anchor.line_text});
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CollectTokens, .on_project = FindClones});

}  // namespace dsaudit::checks
