#include "checks/check_context.h"

#include <algorithm>
#include <filesystem>

namespace dsaudit::checks {
namespace {

bool LooksLikeTestFile(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  if (name.starts_with("test_") || name == "conftest.py") return true;
  if (name.ends_with("_test.py") || name.ends_with("_tests.py")) return true;
  return path.starts_with("tests/") || path.starts_with("test/") ||
         path.find("/tests/") != std::string_view::npos ||
         path.find("/test/") != std::string_view::npos;
}

// Ruff counts columns in characters: every UTF-8 lead byte starts one.
uint32_t CharacterCount(std::string_view text) {
  return static_cast<uint32_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// 1-based character column of a 0-based byte column on a line.
uint32_t CharacterColumn(const python::SourceText& source, uint32_t line, uint32_t byte_column) {
  if (line == 0 || line > source.line_count()) return byte_column + 1;
  std::string_view text = source.line(line);
  if (byte_column > text.size()) return CharacterCount(text) + 1 + (byte_column - text.size());
  return CharacterCount(text.substr(0, byte_column)) + 1;
}

}  // namespace

CheckContext::CheckContext(const python::ParsedModule& parsed,
                           const semantic::SemanticModel& model, const config::Config& config,
                           std::string_view path, const notebook::Notebook* notebook)
    : parsed_(parsed),
      model_(model),
      config_(config),
      path_(path),
      notebook_(notebook),
      is_test_file_(LooksLikeTestFile(path)) {}

bool CheckContext::IsEnabled(const RuleInfo& rule) const {
  return std::binary_search(enabled_.begin(), enabled_.end(), &rule);
}

uint32_t CheckContext::Offset(uint32_t line, uint32_t column) const {
  const python::SourceText& text = parsed_.source;
  if (line == 0) return 0;
  if (line > text.line_count()) return static_cast<uint32_t>(text.text().size());
  return std::min<uint32_t>(text.line_start(line) + column,
                            static_cast<uint32_t>(text.text().size()));
}

std::string_view CheckContext::Text(const python::Position& pos) const {
  uint32_t begin = Offset(pos.line, pos.col);
  uint32_t end = Offset(pos.end_line, pos.end_col);
  if (end < begin) return {};
  return parsed_.source.text().substr(begin, end - begin);
}

std::string_view CheckContext::Text(const python::Node& node) const { return Text(node.pos); }

void CheckContext::Report(const RuleInfo& rule, const python::Position& pos,
                          std::string message) {
  Report(Diagnostic{.rule = &rule, .pos = pos, .message = std::move(message)});
}

void CheckContext::Report(Diagnostic diagnostic) {
  if (!IsEnabled(*diagnostic.rule)) return;
  diagnostics_.push_back(std::move(diagnostic));
}

CheckContext::PlacedFinding CheckContext::Place(const RuleInfo& rule, const python::Position& pos,
                                                std::string message) const {
  PlacedFinding placed;
  Finding& finding = placed.finding;
  finding.code = std::string(rule.code);
  finding.area = rule.area;
  finding.severity = rule.severity;
  finding.path = path_;
  finding.message = std::move(message);
  finding.effort_minutes = rule.effort_minutes;
  PlaceFinding(parsed_, notebook_, pos, finding);
  if (pos.line >= 1 && pos.line <= parsed_.source.line_count()) {
    placed.line_text = std::string(parsed_.source.line(pos.line));
  }
  return placed;
}

void PlaceFinding(const python::ParsedModule& parsed, const notebook::Notebook* notebook,
                  const python::Position& pos, Finding& finding) {
  const python::SourceText& source = parsed.source;
  finding.line = pos.line;
  finding.end_line = pos.end_line;
  if (pos.line == 0) {
    finding.column = finding.end_column = 0;
    return;
  }
  finding.column = CharacterColumn(source, pos.line, pos.col);
  finding.end_column = CharacterColumn(source, pos.end_line, pos.end_col);
  if (notebook == nullptr) return;
  auto place = [&](uint32_t line, uint32_t byte_column, uint32_t& out_line, uint32_t& out_column,
                   uint32_t& out_cell) {
    std::optional<notebook::CellPosition> at = notebook->MapPosition(line, byte_column);
    if (!at && !notebook->python_cells.empty()) {
      // Past the end (errors at end of input) belongs to the last Python cell.
      const notebook::Cell& last = notebook->cells[notebook->python_cells.back()];
      at = notebook::CellPosition{last.number, std::max<uint32_t>(last.line_count, 1),
                                  byte_column};
    }
    if (!at) return;
    out_cell = at->cell;
    out_line = at->line;
    // Masked IPython syntax keeps its length, so characters before the column
    // are the source's; a `%time` prefix that was cut adds its ASCII bytes.
    uint32_t shift = at->column >= byte_column ? at->column - byte_column : 0;
    out_column = CharacterColumn(source, line, byte_column) + shift;
  };
  uint32_t cell = 0, end_cell = 0;
  place(pos.line, pos.col, finding.line, finding.column, cell);
  place(pos.end_line, pos.end_col, finding.end_line, finding.end_column, end_cell);
  if (cell != 0) finding.cell = cell;
  // A span that crosses cells ends at the end of its first cell's line.
  if (end_cell != cell) {
    finding.end_line = finding.line;
    finding.end_column = finding.column;
  }
}

}  // namespace dsaudit::checks
