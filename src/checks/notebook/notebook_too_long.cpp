// DS154: notebooks with too many code cells or lines of code.
#include <fmt/format.h>

#include <algorithm>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

constexpr uint32_t kMaxCodeCells = 50;
constexpr uint32_t kMaxCodeLines = 500;

const RuleInfo kRule = {
    .code = "DS154",
    .name = "notebook-too-long",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 60,
    .fixable = false,
    .what = "Finds notebooks with more than 50 code cells or more than 500 non-blank lines of "
            "code. The remediation effort grows with the excess: an hour, plus 30 minutes per "
            "100 lines beyond the limit.",
    .why = "A long notebook is a program without functions, tests or modules, whose state "
           "depends on the order cells were run. It cannot be reviewed in a pull request, "
           "reused by the pipeline or tested, and every copy of it drifts.",
    .example = "`analysis.ipynb` with 140 code cells: loading, cleaning, features, three models "
               "and the report in one file.",
    .instead = "Move the reusable parts (loading, cleaning, features, training) into a package "
               "with tests, and keep notebooks short: each one imports that code and tells one "
               "story.",
};

uint32_t NonBlankLines(std::string_view text) {
  uint32_t count = 0;
  bool blank = true;
  for (char c : text) {
    if (c == '\n') {
      count += blank ? 0 : 1;
      blank = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      blank = false;
    }
  }
  return count + (blank ? 0 : 1);
}

void CheckLength(CheckContext& context) {
  const notebook::Notebook* book = context.notebook();
  if (book == nullptr) return;
  uint32_t cells = 0;
  uint32_t lines = 0;
  for (const notebook::Cell& cell : book->cells) {
    if (cell.type != notebook::CellType::kCode) continue;
    ++cells;
    lines += NonBlankLines(cell.source);
  }
  if (cells <= kMaxCodeCells && lines <= kMaxCodeLines) return;
  uint32_t excess_lines = lines > kMaxCodeLines ? lines - kMaxCodeLines : 0;
  context.Report(Diagnostic{
      .rule = &kRule,
      .pos = {},
      .message = fmt::format("notebook has {} code cells and {} lines of code (limits {} and {}): "
                             "move the reusable code into modules",
                             cells, lines, kMaxCodeCells, kMaxCodeLines),
      .effort_minutes = 60 + 30 * ((excess_lines + 99) / 100)});
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckLength, .notebooks_only = true});

}  // namespace dsaudit::checks
