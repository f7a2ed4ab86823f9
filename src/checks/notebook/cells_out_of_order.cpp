// DS150: code cells whose execution counts go backwards.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/notebook/notebook_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS150",
    .name = "cells-out-of-order",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds code cells whose execution count is lower than that of a cell above them: "
            "the notebook was saved after running cells out of order. Cells that were never "
            "run are ignored.",
    .why = "The outputs saved in the notebook came from a kernel state that running it top to "
           "bottom does not reproduce: a variable defined in a later cell, a cell run twice, a "
           "model trained on data changed afterwards. The results shown may not be what the code "
           "computes, and \"Restart & Run All\" may fail.",
    .example = "Cells saved with execution counts `[1]`, `[5]`, `[3]`: the third cell ran before "
               "the second.",
    .instead = "Restart the kernel and run all cells before saving or committing (`jupyter "
               "nbconvert --to notebook --execute --inplace nb.ipynb` in CI), or clear outputs "
               "with `nbstripout`.",
};

void CheckOrder(CheckContext& context) {
  const notebook::Notebook* book = context.notebook();
  if (book == nullptr) return;
  int64_t highest = 0;
  uint32_t highest_cell = 0;
  for (const notebook::Cell& cell : book->cells) {
    if (cell.type != notebook::CellType::kCode || !cell.execution_count) continue;
    int64_t count = *cell.execution_count;
    if (count < highest) {
      context.Report(kRule, notebook_checks::CellStart(cell),
                     fmt::format("cell {} ran before cell {} above it (execution count {} < {}): "
                                 "restart the kernel and run all cells in order",
                                 cell.number, highest_cell, count, highest));
      continue;
    }
    highest = count;
    highest_cell = cell.number;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckOrder, .notebooks_only = true});

}  // namespace dsaudit::checks
