#include "frontend/notebook/ipython_syntax.h"

#include <algorithm>
#include <optional>
#include <span>

namespace dsaudit::notebook {
namespace {

// Sorted for binary search. The Python cell magics and automagic names follow
// ruff (crates/ruff_notebook/src/cell.rs), which follows IPython's magics.
// clang-format off
constexpr std::string_view kPythonCellMagics[] = {
    "capture", "debug", "ipytest", "prun", "pypy", "python", "python3", "time", "timeit"};

constexpr std::string_view kAutomagics[] = {
    "alias",     "alias_magic", "autoawait",  "autocall",    "automagic",  "bookmark",
    "cd",        "code_wrap",   "colors",     "conda",       "config",     "debug",
    "dhist",     "dirs",        "doctest_mode", "edit",      "env",        "gui",
    "history",   "killbgscripts", "load",     "load_ext",    "loadpy",     "logoff",
    "logon",     "logstart",    "logstate",   "logstop",     "lsmagic",    "macro",
    "magic",     "mamba",       "matplotlib", "micromamba",  "notebook",   "page",
    "pastebin",  "pdb",         "pdef",       "pdoc",        "pfile",      "pinfo",
    "pinfo2",    "pip",         "popd",       "pprint",      "precision",  "prun",
    "psearch",   "psource",     "pushd",      "pwd",         "pycat",      "pylab",
    "quickref",  "recall",      "rehashx",    "reload_ext",  "rerun",      "reset",
    "reset_selective", "run",   "save",       "sc",          "set_env",    "sx",
    "system",    "tb",          "time",       "timeit",      "unalias",    "unload_ext",
    "who",       "who_ls",      "whos",       "xdel",        "xmode"};

// Automagics that are a whole line on their own. Names people also use for
// variables (`history`, `env`, `time`) are left to Python.
constexpr std::string_view kBareAutomagics[] = {
    "dhist", "dirs", "lsmagic", "popd", "pwd", "quickref", "who", "whos"};

// Automagics taking a path, so `cd /tmp` or `run ./x.py` is not a division.
constexpr std::string_view kPathAutomagics[] = {
    "cd", "edit", "load", "loadpy", "pfile", "pushd", "pycat", "run", "save"};

constexpr std::string_view kKeywords[] = {
    "False", "None",   "True",    "and",      "as",       "assert", "async",
    "await", "break",  "class",   "continue", "def",      "del",    "elif",
    "else",  "except", "finally", "for",      "from",     "global", "if",
    "import", "in",    "is",      "lambda",   "nonlocal", "not",    "or",
    "pass",  "raise",  "return",  "try",      "while",    "with",   "yield"};
// clang-format on

static_assert(std::ranges::is_sorted(kPythonCellMagics));
static_assert(std::ranges::is_sorted(kAutomagics));
static_assert(std::ranges::is_sorted(kBareAutomagics));
static_assert(std::ranges::is_sorted(kPathAutomagics));
static_assert(std::ranges::is_sorted(kKeywords));

bool Contains(std::span<const std::string_view> sorted, std::string_view name) {
  return std::binary_search(sorted.begin(), sorted.end(), name);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentifierChar(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipBlanks(std::string_view text, size_t i) {
  while (i < text.size() && IsBlank(text[i])) ++i;
  return i;
}

std::string_view FirstWord(std::string_view text) {
  size_t start = SkipBlanks(text, 0);
  size_t end = start;
  while (end < text.size() && !IsBlank(text[end])) ++end;
  return text.substr(start, end - start);
}

std::string_view IdentifierPrefix(std::string_view text) {
  size_t end = 0;
  while (end < text.size() && IsIdentifierChar(text[end])) ++end;
  return text.substr(0, end);
}

// Whether a one-line statement closes what it opens; strings are not told
// apart, which only makes a rare statement fully masked.
bool BracketsBalance(std::string_view code) {
  int depth = 0;
  for (char c : code) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (depth < 0) return false;
  }
  return depth == 0;
}

// Same-length neutral code: a statement where a whole line is masked, an
// expression where only the right side of an assignment is.
std::string Placeholder(size_t length, bool statement) {
  if (length >= 4) return std::string(statement ? "pass" : "None") + std::string(length - 4, ' ');
  if (length == 3) return "...";
  if (length == 2) return "()";
  return "0";
}

// CPython's universal newlines: CRLF and lone CR become LF.
std::string NormalizeNewlines(std::string_view source) {
  std::string text;
  text.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] != '\r') {
      text += source[i];
      continue;
    }
    text += '\n';
    if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
  }
  return text;
}

// Walks a cell line by line with just enough of Python's lexical structure
// (strings, brackets, comments, backslash continuations) to know where logical
// lines start, which is the only place IPython looks for its syntax.
class CellMasker {
 public:
  explicit CellMasker(std::string_view source) : text_(NormalizeNewlines(source)) {
    size_t start = 0;
    for (size_t i = 0; i <= text_.size(); ++i) {
      if (i == text_.size() || text_[i] == '\n') {
        lines_.push_back({start, i});
        start = i + 1;
      }
    }
  }

  MaskedCell Run();

 private:
  struct LineSpan {
    size_t begin;
    size_t end;
  };

  std::string_view Line(size_t index) const {
    return std::string_view(text_).substr(lines_[index].begin,
                                          lines_[index].end - lines_[index].begin);
  }
  size_t ContinuationEnd(size_t index) const;
  void Mask(MagicKind kind, size_t first, size_t column, bool statement, size_t last,
            std::string_view name);
  bool MaskCellMagic(size_t index);
  bool TryEscape(size_t index);
  bool KeepTimedCode(size_t index, size_t column, std::string_view name);
  bool TryAutomagic(size_t index);
  size_t ScanLine(size_t index);
  size_t ContinueString(std::string_view line, size_t i);
  std::optional<size_t> AssignedIpython(std::string_view line, size_t equal) const;
  void MaskHelp(size_t last);

  std::string text_;
  std::vector<LineSpan> lines_;
  MaskedCell result_;

  // Lexical state carried from one physical line to the next.
  int depth_ = 0;
  char quote_ = 0;
  bool triple_ = false;
  bool continued_ = false;

  // The logical line being scanned.
  size_t logical_first_ = 0;
  bool assign_seen_ = false;
  bool assign_masked_ = false;
  char last_significant_ = 0;
};

size_t CellMasker::ContinuationEnd(size_t index) const {
  while (index + 1 < lines_.size()) {
    std::string_view line = Line(index);
    if (line.empty() || line.back() != '\\') break;
    ++index;
  }
  return index;
}

void CellMasker::Mask(MagicKind kind, size_t first, size_t column, bool statement, size_t last,
                      std::string_view name) {
  IpythonSyntax syntax;
  syntax.kind = kind;
  syntax.line = static_cast<uint32_t>(first + 1);
  syntax.end_line = static_cast<uint32_t>(last + 1);
  syntax.column = static_cast<uint32_t>(column + 1);
  syntax.name = std::string(name);
  size_t begin = lines_[first].begin + column;
  syntax.text = text_.substr(begin, lines_[last].end - begin);
  result_.syntax.push_back(std::move(syntax));

  text_.replace(begin, lines_[first].end - begin,
                Placeholder(lines_[first].end - begin, statement));
  // Continuation lines become blank, which Python accepts at any indentation.
  for (size_t i = first + 1; i <= last; ++i) {
    std::fill(text_.begin() + static_cast<ptrdiff_t>(lines_[i].begin),
              text_.begin() + static_cast<ptrdiff_t>(lines_[i].end), ' ');
  }
}

// Returns true when the cell's first non-blank line is a cell magic that is
// handled (masked, or the whole cell is not Python).
bool CellMasker::MaskCellMagic(size_t index) {
  std::string_view line = Line(index);
  size_t column = SkipBlanks(line, 0);
  if (line.substr(column, 2) != "%%") return false;
  std::string_view name = FirstWord(line.substr(column + 2));
  if (IsPythonCellMagic(name)) {
    Mask(MagicKind::kCellMagic, index, column, true, index, name);
    return true;
  }
  IpythonSyntax syntax;
  syntax.kind = MagicKind::kCellMagic;
  syntax.line = syntax.end_line = static_cast<uint32_t>(index + 1);
  syntax.column = static_cast<uint32_t>(column + 1);
  syntax.name = std::string(name);
  syntax.text = std::string(line.substr(column));
  result_.syntax.push_back(std::move(syntax));
  result_.is_python = false;
  return true;
}

bool CellMasker::TryEscape(size_t index) {
  std::string_view line = Line(index);
  size_t column = SkipBlanks(line, 0);
  if (column == line.size()) return false;
  std::string_view rest = line.substr(column);
  MagicKind kind;
  size_t escape_length = 1;
  switch (rest[0]) {
    case '!':
      kind = rest.starts_with("!!") ? MagicKind::kShellCapture : MagicKind::kShell;
      escape_length = kind == MagicKind::kShellCapture ? 2 : 1;
      break;
    case '%':
      kind = MagicKind::kLineMagic;
      escape_length = rest.starts_with("%%") ? 2 : 1;
      break;
    case '?':
      kind = MagicKind::kHelp;
      escape_length = rest.starts_with("??") ? 2 : 1;
      break;
    case '/':
    case ',':
    case ';':
      kind = MagicKind::kAutocall;
      break;
    default:
      return false;
  }
  std::string_view name = FirstWord(rest.substr(escape_length));
  if (kind == MagicKind::kLineMagic && escape_length == 1 && KeepTimedCode(index, column, name)) {
    return true;
  }
  if (kind == MagicKind::kLineMagic || kind == MagicKind::kHelp) {
    while (name.ends_with('?')) name.remove_suffix(1);
  }
  Mask(kind, index, column, true, ContinuationEnd(index), name);
  return true;
}

// `%time stmt` / `%timeit stmt` without options: keeps `stmt`, moved left to
// where the `%` was, so the line stays at its block's indentation.
bool CellMasker::KeepTimedCode(size_t index, size_t column, std::string_view name) {
  if (name != "time" && name != "timeit") return false;
  std::string_view line = Line(index);
  size_t code = SkipBlanks(line, column + 1 + name.size());
  if (code == line.size() || line[code] == '-' || line.back() == '\\') return false;
  if (line.back() == '?' || !BracketsBalance(line.substr(code))) return false;
  std::string kept = std::string(line.substr(code)) + std::string(code - column, ' ');
  Mask(MagicKind::kLineMagic, index, column, true, index, name);
  result_.syntax.back().code_column = static_cast<uint32_t>(code + 1);
  text_.replace(lines_[index].begin + column, kept.size(), kept);
  return true;
}

// IPython runs `pip install x` as `%pip install x` when automagic is on (the
// default). A line is taken for one only when it cannot be Python: a magic's
// name followed by a word, a string or an option.
bool CellMasker::TryAutomagic(size_t index) {
  std::string_view line = Line(index);
  size_t column = SkipBlanks(line, 0);
  std::string_view first = FirstWord(line.substr(column));
  if (!Contains(kAutomagics, first)) return false;
  size_t after = SkipBlanks(line, column + first.size());
  if (after == column + first.size() && after < line.size()) return false;
  std::string_view second = FirstWord(line.substr(after));
  bool magic = false;
  if (second.empty() || second[0] == '#') {
    magic = Contains(kBareAutomagics, first);
  } else if (IsIdentifierStart(second[0]) || IsDigit(second[0])) {
    magic = !Contains(kKeywords, IdentifierPrefix(second));
  } else if (second[0] == '"' || second[0] == '\'' || second[0] == '~') {
    magic = true;
  } else if (second[0] == '-') {
    magic = second.size() > 1 && (second[1] == '-' || IsIdentifierStart(second[1]));
  } else if (second[0] == '/' || second[0] == '.') {
    magic = Contains(kPathAutomagics, first);
  }
  if (!magic) return false;
  Mask(MagicKind::kAutomagic, index, column, true, ContinuationEnd(index), first);
  return true;
}

// Scans the rest of a string literal; returns where scanning goes on.
size_t CellMasker::ContinueString(std::string_view line, size_t i) {
  while (i < line.size()) {
    char c = line[i];
    if (c == '\\') {
      if (i + 1 == line.size()) return line.size();  // the string goes on
      i += 2;
      continue;
    }
    if (c != quote_) {
      ++i;
      continue;
    }
    if (!triple_) {
      quote_ = 0;
      return i + 1;
    }
    if (line.substr(i, 3) == std::string(3, quote_)) {
      quote_ = 0;
      return i + 3;
    }
    ++i;
  }
  // An unterminated one-line string ends with its line, as the tokenizer's
  // error recovery does.
  if (!triple_ && (line.empty() || line.back() != '\\')) quote_ = 0;
  return i;
}

// For `lhs = !cmd` and `lhs = %magic`: the column of the `!` or `%`.
std::optional<size_t> CellMasker::AssignedIpython(std::string_view line, size_t equal) const {
  if (equal > 0 &&
      std::string_view("=!<>:+-*/%&|^@~").find(line[equal - 1]) != std::string_view::npos) {
    return std::nullopt;
  }
  if (equal + 1 < line.size() && line[equal + 1] == '=') return std::nullopt;
  size_t j = SkipBlanks(line, equal + 1);
  if (j + 1 >= line.size()) return std::nullopt;
  if (line[j] == '!' && line[j + 1] != '=') return j;
  if (line[j] == '%' && (IsIdentifierStart(line[j + 1]) || line[j + 1] == '%')) return j;
  return std::nullopt;
}

// Updates the lexical state with one physical line; returns the last line
// consumed (later than `index` when an assigned shell command continues).
size_t CellMasker::ScanLine(size_t index) {
  std::string_view line = Line(index);
  size_t i = 0;
  while (i < line.size()) {
    if (quote_ != 0) {
      i = ContinueString(line, i);
      continue;
    }
    char c = line[i];
    if (c == '#') break;
    if (c == '\\' && i + 1 == line.size()) {
      continued_ = true;
      break;
    }
    if (c == '"' || c == '\'') {
      quote_ = c;
      triple_ = line.substr(i, 3) == std::string(3, c);
      last_significant_ = c;
      i += triple_ ? 3 : 1;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth_;
    if ((c == ')' || c == ']' || c == '}') && depth_ > 0) --depth_;
    if (c == '=' && depth_ == 0 && !assign_seen_ && index == logical_first_) {
      assign_seen_ = true;
      if (auto escape = AssignedIpython(line, i)) {
        MagicKind kind = line[*escape] == '!' ? MagicKind::kShellAssign : MagicKind::kMagicAssign;
        std::string_view command = line.substr(*escape + 1);
        if (command.starts_with("%")) command.remove_prefix(1);
        size_t last = ContinuationEnd(index);
        Mask(kind, index, *escape, false, last, FirstWord(command));
        assign_masked_ = true;
        continued_ = false;
        return last;
      }
    }
    if (!IsBlank(c)) last_significant_ = c;
    ++i;
  }
  return index;
}

// `obj?` and `obj??` end a logical line with help; the whole line is masked.
void CellMasker::MaskHelp(size_t last) {
  std::string_view first = Line(logical_first_);
  size_t column = SkipBlanks(first, 0);
  std::string_view name = first.substr(column);
  size_t comment = name.find('#');
  if (comment != std::string_view::npos) name = name.substr(0, comment);
  while (!name.empty() && (IsBlank(name.back()) || name.back() == '?')) name.remove_suffix(1);
  while (name.starts_with('%')) name.remove_prefix(1);
  Mask(MagicKind::kHelp, logical_first_, column, true, last, name);
}

MaskedCell CellMasker::Run() {
  size_t index = 0;
  while (index < lines_.size() && SkipBlanks(Line(index), 0) == Line(index).size()) ++index;
  if (index < lines_.size() && MaskCellMagic(index)) {
    if (!result_.is_python) return std::move(result_);
    ++index;
  }
  for (; index < lines_.size(); ++index) {
    bool logical_start = depth_ == 0 && quote_ == 0 && !continued_;
    continued_ = false;
    if (logical_start) {
      logical_first_ = index;
      assign_seen_ = assign_masked_ = false;
      last_significant_ = 0;
      if (TryEscape(index) || TryAutomagic(index)) {
        index = ContinuationEnd(index);
        continue;
      }
    }
    index = ScanLine(index);
    bool logical_end = depth_ == 0 && quote_ == 0 && !continued_;
    if (logical_end && !assign_masked_ && last_significant_ == '?') MaskHelp(index);
  }
  result_.python = std::move(text_);
  return std::move(result_);
}

}  // namespace

std::string_view MagicKindName(MagicKind kind) {
  switch (kind) {
    case MagicKind::kLineMagic:
      return "line-magic";
    case MagicKind::kCellMagic:
      return "cell-magic";
    case MagicKind::kShell:
      return "shell";
    case MagicKind::kShellCapture:
      return "shell-capture";
    case MagicKind::kShellAssign:
      return "shell-assign";
    case MagicKind::kMagicAssign:
      return "magic-assign";
    case MagicKind::kHelp:
      return "help";
    case MagicKind::kAutomagic:
      return "automagic";
    case MagicKind::kAutocall:
      return "autocall";
  }
  return "magic";
}

bool IsPythonCellMagic(std::string_view name) { return Contains(kPythonCellMagics, name); }

MaskedCell MaskIpythonSyntax(std::string_view cell_source) { return CellMasker(cell_source).Run(); }

}  // namespace dsaudit::notebook
