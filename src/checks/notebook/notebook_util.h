// Where notebook-level findings go: positions of cells and magics in the
// notebook's joined Python source.
#pragma once

#include "frontend/notebook/notebook.h"
#include "frontend/python/ast.h"

namespace dsaudit::checks::notebook_checks {

// The first line of the cell in python_source, or line 0 (the whole file)
// for a cell that is not part of it (a `%%bash` cell, a markdown cell).
python::Position CellStart(const notebook::Cell& cell);

// The magic's place in python_source; line 0 when it has none.
python::Position MagicPosition(const notebook::Magic& magic);

}  // namespace dsaudit::checks::notebook_checks
