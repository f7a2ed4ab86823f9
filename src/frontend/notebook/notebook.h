// Jupyter notebooks (.ipynb, nbformat 4) as cells and as one Python source.
//
// Checks see a notebook twice: as cells (outputs may leak secrets and absolute
// paths, execution counts show out-of-order runs, magics show `!pip install`)
// and as one Python module built from the code cells, so the same parser,
// semantic model and checks as for .py files apply.
//
// Numbering follows ruff, whose output users compare with ours
// (`nb.ipynb:cell 3:2:8`): a cell's number is its 1-based position among ALL
// cells, markdown and raw included, and lines within a cell are 1-based.
// Columns are 0-based UTF-8 byte offsets, as in tokens and the AST. IPython
// syntax is masked with text of the same length (see ipython_syntax.h), so a
// column in `python_source` is the same column in the cell, except after the
// magic on a `%time stmt` line, where `column_shifts` says how far it moved.
//
// The Python source is every Python code cell's text followed by "\n", in
// notebook order (as ruff builds it). Cells whose cell magic runs another
// language (`%%bash`), cells marked for another language by VS Code, and all
// cells of a notebook whose kernel is not Python are left out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/notebook/ipython_syntax.h"

namespace dsaudit::notebook {

enum class CellType : uint8_t { kCode, kMarkdown, kRaw };
std::string_view CellTypeName(CellType type);

enum class OutputType : uint8_t { kStream, kExecuteResult, kDisplayData, kError };
std::string_view OutputTypeName(OutputType type);

struct Output {
  OutputType type = OutputType::kStream;
  // The stream ("stdout", "stderr") or the exception class ("KeyError").
  std::string name;
  // What a reader sees as text: the stream's text, the `text/plain` of a
  // result or display, or an error's traceback lines joined with '\n' (ANSI
  // colour codes kept, as stored).
  std::string text;
  // Bytes of every representation (images, HTML, ...), for size checks.
  size_t data_bytes = 0;
};

struct Cell {
  uint32_t number = 0;  // 1-based among all cells, as ruff counts
  CellType type = CellType::kCode;
  std::optional<int64_t> execution_count;
  std::string id;  // nbformat 4.5+, empty before
  // The source as stored: list entries concatenated, newlines untouched.
  std::string source;
  // VS Code's per-cell language ("python", "sql", ...), empty when unset.
  std::string language;
  std::vector<Output> outputs;
  // Part of Notebook::python_source, from `first_line` for `line_count` lines.
  bool is_python = false;
  uint32_t first_line = 0;
  uint32_t line_count = 0;
};

// IPython syntax found in the notebook, located in its cell.
struct Magic {
  IpythonSyntax syntax;  // line and column are within the cell
  uint32_t cell = 0;     // the cell's number
  // The masked line in python_source; 0 for a cell that is not part of it
  // (the cell magic of a `%%bash` cell).
  uint32_t source_line = 0;
};

struct NotebookMetadata {
  std::string language;  // kernelspec.language, else language_info.name
  std::string kernel_name;
  std::string kernel_display_name;
  std::string title;
};

// A position in a cell: cell number, 1-based line in the cell, 0-based byte
// column.
struct CellPosition {
  uint32_t cell = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  friend bool operator==(const CellPosition&, const CellPosition&) = default;
};

// On `line` of python_source, columns from `column` on are `delta` bytes
// left of where they are in the cell (`%time x = f()` became `x = f()`).
struct ColumnShift {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t delta = 0;
};

struct Notebook {
  int nbformat = 4;
  int nbformat_minor = 0;
  NotebookMetadata metadata;
  // False when the kernel's language is not Python: python_source is empty.
  bool is_python = true;
  std::vector<Cell> cells;
  std::vector<Magic> magics;  // in cell and line order
  std::string python_source;
  // Indices into `cells` of the cells in python_source, in order.
  std::vector<uint32_t> python_cells;
  std::vector<ColumnShift> column_shifts;  // in line order

  // Where a position of python_source (1-based line, 0-based byte column)
  // comes from; nullopt past its end.
  std::optional<CellPosition> MapPosition(uint32_t line, uint32_t column) const;
  // The python_source line of a cell's 1-based line; 0 when it has none.
  uint32_t SourceLine(uint32_t cell, uint32_t line) const;
};

// Why a notebook could not be read. `line` and `column` (1-based, bytes) point
// into the JSON file when the problem has a place; 0 when it has none.
struct NotebookError {
  std::string message;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct ReadOptions {
  // Larger files are refused before parsing: the DOM of a JSON file costs
  // several times its size.
  size_t max_bytes = size_t{512} << 20;
};

// Either a notebook or the reason there is none.
struct ReadResult {
  std::optional<Notebook> notebook;
  NotebookError error;
  bool ok() const { return notebook.has_value(); }
};

// Parses the bytes of a .ipynb file. Never throws on bad input: invalid or
// truncated JSON, binary data, a different nbformat or a wrong structure give
// an error naming what is wrong and where.
ReadResult ReadNotebook(std::string_view json_bytes, const ReadOptions& options = {});

}  // namespace dsaudit::notebook
