// DS151: imports in a cell below the first cell that runs code.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS151",
    .name = "late-import-in-notebook",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds module-level `import` statements in a notebook cell that comes after the "
            "first cell running code other than imports (IPython magics such as `%pip` and "
            "`%matplotlib` do not count as code). Imports may mix with code in that first cell; "
            "`E402` covers the order inside a cell.",
    .why = "A notebook's dependencies should be visible at a glance in its first cells. Imports "
           "scattered through the notebook fail only when execution reaches them, often after "
           "a long training cell, and make it hard to turn the notebook into a module.",
    .example = "Cell 1: `import pandas as pd`, cell 2: `df = pd.read_csv(path)`, cell 7: "
               "`from sklearn.metrics import f1_score`.",
    .instead = "Move `from sklearn.metrics import f1_score` into the first cell with the other "
               "imports.",
};

bool IsImport(const python::Stmt* statement) {
  return python::Isa<python::Import>(statement) || python::Isa<python::ImportFrom>(statement);
}

// Docstrings, `...` and the placeholders that masked IPython syntax run nothing.
bool RunsCode(const python::Stmt* statement, const std::vector<uint32_t>& magic_lines) {
  if (IsImport(statement)) return false;
  if (std::binary_search(magic_lines.begin(), magic_lines.end(), statement->pos.line)) {
    return false;
  }
  const auto* expression = python::DynCast<python::ExprStmt>(statement);
  return expression == nullptr || !python::Isa<python::Constant>(expression->value);
}

void CheckLateImports(CheckContext& context) {
  const notebook::Notebook* book = context.notebook();
  if (book == nullptr) return;
  std::vector<uint32_t> magic_lines;
  for (const notebook::Magic& magic : book->magics) magic_lines.push_back(magic.source_line);
  std::sort(magic_lines.begin(), magic_lines.end());
  uint32_t first_code_cell = 0;
  for (const python::Stmt* statement : context.module().body) {
    std::optional<notebook::CellPosition> at =
        book->MapPosition(statement->pos.line, statement->pos.col);
    if (!at) continue;
    if (first_code_cell == 0) {
      if (RunsCode(statement, magic_lines)) first_code_cell = at->cell;
      continue;
    }
    if (!IsImport(statement) || at->cell == first_code_cell) continue;
    context.Report(kRule, *statement,
                   fmt::format("import in cell {}, after code ran in cell {}: move it to the "
                               "first cells",
                               at->cell, first_code_cell));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckLateImports, .notebooks_only = true});

}  // namespace dsaudit::checks
