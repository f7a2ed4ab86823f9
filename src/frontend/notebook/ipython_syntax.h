// IPython syntax in notebook cells, masked so the rest of the cell parses as
// Python.
//
// Notebooks run through IPython, which accepts lines that are not Python:
// magics (`%timeit f()`), shell escapes (`!pip install x`, `files = !ls`),
// help (`df.describe?`), automagics (`pip install x`) and cell magics
// (`%%time`, `%%bash`). Such a line would stop the Python parser and hide the
// code around it, so each one is replaced by a neutral statement of the same
// length (`pass`, `...`, `()`, `0`, padded with spaces) at the same
// indentation, which stays valid inside an indented block (`if x:\n    !ls`).
// Lines and columns of the masked cell are those of the original, so every
// position maps back unchanged, except on the lines of `%time stmt` (see
// IpythonSyntax::code_column). What was masked is returned, so checks can
// still see "`!pip install` in a cell" and skip the placeholders.
//
// Like IPython, escapes are recognised only where a logical line starts: a
// `%` that continues a bracketed expression or sits in a triple-quoted string
// is Python.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::notebook {

enum class MagicKind : uint8_t {
  kLineMagic,     // %matplotlib inline
  kCellMagic,     // %%time on the first line of a cell
  kShell,         // !pip install pandas
  kShellCapture,  // !!ls
  kShellAssign,   // files = !ls
  kMagicAssign,   // result = %timeit -o f()
  kHelp,          // df.describe?   ??np.mean
  kAutomagic,     // pip install pandas  (a line magic without its %)
  kAutocall,      // /f a b   ,f a b   ;f a b
};

// "line-magic", "cell-magic", "shell", ... for debug output and reports.
std::string_view MagicKindName(MagicKind kind);

// One piece of IPython syntax in a cell.
struct IpythonSyntax {
  MagicKind kind = MagicKind::kLineMagic;
  uint32_t line = 0;      // 1-based line in the cell
  uint32_t end_line = 0;  // last line, when `\` continues the command
  uint32_t column = 1;    // 1-based byte column of the escape (`!`, `%`, ...)
  // The magic or command: "timeit", "bash", "pip" (first word of a shell
  // command), or the object asked about for help.
  std::string name;
  // The IPython text from its escape to the end of the command, continuation
  // lines joined with '\n'.
  std::string text;
  // `%time x = f()` and `%timeit f()` run Python in the notebook's namespace:
  // that statement is kept, moved left over the magic to the magic's column
  // (with the padding after it), so `x` stays defined and `f` used. This is
  // the statement's 1-based column in the cell; 0 when nothing is kept.
  uint32_t code_column = 0;
};

struct MaskedCell {
  // The cell with LF newlines and IPython syntax masked; same lines and the
  // same byte length per line as the cell's source.
  std::string python;
  std::vector<IpythonSyntax> syntax;
  // False when a cell magic that runs something other than Python (`%%bash`,
  // `%%sql`, or one we do not know) owns the cell; `python` is then empty and
  // `syntax` holds only that cell magic.
  bool is_python = true;
};

MaskedCell MaskIpythonSyntax(std::string_view cell_source);

// Cell magics whose body is Python run in the notebook's namespace (`%%time`,
// `%%capture`, ...), so their body is checked like any other cell.
bool IsPythonCellMagic(std::string_view name);

}  // namespace dsaudit::notebook
