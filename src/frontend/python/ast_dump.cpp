#include "frontend/python/ast_dump.h"

#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

#include "frontend/python/literals.h"

namespace dsaudit::python {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void AppendHex(uint32_t value, int digits, std::string& out) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out += kHexDigits[(value >> shift) & 0xf];
}

// Code points that Unicode 15.0 assigned. Python 3.11 uses the Unicode 14.0
// database, where they are still unassigned (Cn) and so not printable, while
// Debian 12's utf8proc already knows them; without this table repr() of such
// a character would differ from CPython's.
struct CodePointRange {
  char32_t first;
  char32_t last;
};
constexpr CodePointRange kAssignedAfterUnicode14[] = {
    {0x0cf3, 0x0cf3},   {0x0ece, 0x0ece},   {0x10efd, 0x10eff}, {0x1123f, 0x11241},
    {0x11b00, 0x11b09}, {0x11f00, 0x11f10}, {0x11f12, 0x11f3a}, {0x11f3e, 0x11f59},
    {0x1342f, 0x1342f}, {0x13440, 0x13455}, {0x1b132, 0x1b132}, {0x1b155, 0x1b155},
    {0x1d2c0, 0x1d2d3}, {0x1df25, 0x1df2a}, {0x1e030, 0x1e06d}, {0x1e08f, 0x1e08f},
    {0x1e4d0, 0x1e4f9}, {0x1f6dc, 0x1f6dc}, {0x1f774, 0x1f776}, {0x1f77b, 0x1f77f},
    {0x1f7d9, 0x1f7d9}, {0x1fa75, 0x1fa77}, {0x1fa87, 0x1fa88}, {0x1faad, 0x1faaf},
    {0x1fabb, 0x1fabd}, {0x1fabf, 0x1fabf}, {0x1face, 0x1facf}, {0x1fada, 0x1fadb},
    {0x1fae8, 0x1fae8}, {0x1faf7, 0x1faf8}, {0x2b739, 0x2b739}, {0x31350, 0x323af},
};

bool AssignedAfterUnicode14(char32_t code_point) {
  const auto* it = std::upper_bound(
      std::begin(kAssignedAfterUnicode14), std::end(kAssignedAfterUnicode14), code_point,
      [](char32_t value, const CodePointRange& range) { return value < range.first; });
  if (it == std::begin(kAssignedAfterUnicode14)) return false;
  --it;
  return code_point <= it->last;
}

// Python's str.isprintable() for one non-ASCII code point.
bool IsPrintable(char32_t code_point) {
  if (code_point > 0x10ffff) return false;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(code_point))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return false;
    case UTF8PROC_CATEGORY_ZS:
      return code_point == ' ';
    default:
      return !AssignedAfterUnicode14(code_point);
  }
}

// Decodes one UTF-8 sequence starting at text[i], accepting encoded
// surrogates (WTF-8). A byte that starts no valid sequence decodes as itself
// so that nothing is silently dropped.
char32_t DecodeOne(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  int length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (length == 1 || lead > 0xf4 || i + length > text.size()) return byte(i++);
  char32_t value = lead & (0x7f >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return byte(i++);
    value = (value << 6) | (byte(i + k) & 0x3f);
  }
  i += length;
  return value;
}

char ChooseQuote(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  return has_single && !has_double ? '"' : '\'';
}

// The escapes str and bytes repr() share for ASCII; returns false for bytes
// the caller must handle (non-ASCII).
bool AppendAsciiEscaped(unsigned char c, char quote, std::string& out) {
  if (c >= 0x80) return false;
  if (c == static_cast<unsigned char>(quote) || c == '\\') {
    out += '\\';
    out += static_cast<char>(c);
  } else if (c == '\t') {
    out += "\\t";
  } else if (c == '\n') {
    out += "\\n";
  } else if (c == '\r') {
    out += "\\r";
  } else if (c < 0x20 || c == 0x7f) {
    out += "\\x";
    AppendHex(c, 2, out);
  } else {
    out += static_cast<char>(c);
  }
  return true;
}

// Shortest round-trip digits of a finite positive double and the position of
// the decimal point: value = 0.DIGITS * 10^decimal_point.
struct ShortestDigits {
  char digits[24];
  int count = 0;
  int decimal_point = 0;
};

ShortestDigits ToShortestDigits(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  ShortestDigits shortest;
  const char* p = buffer;
  for (; p < result.ptr && *p != 'e'; ++p) {
    if (*p != '.') shortest.digits[shortest.count++] = *p;
  }
  int exponent = 0;
  std::from_chars(p + 1 + (p[1] == '+'), result.ptr, exponent);
  shortest.decimal_point = exponent + 1;
  return shortest;
}

// CPython's format_float_short in repr mode: fixed notation for decimal
// points in (-4, 16], exponent notation otherwise; `add_dot_0` is set for
// float repr and clear for the parts of a complex repr.
void AppendDoubleRepr(double value, bool add_dot_0, std::string& out) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  if (std::signbit(value)) out += '-';
  value = std::fabs(value);
  if (std::isinf(value)) {
    out += "inf";
    return;
  }
  ShortestDigits shortest = ToShortestDigits(value);
  std::string_view digits(shortest.digits, shortest.count);
  int point = shortest.decimal_point;
  if (point <= -4 || point > 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    int exponent = point - 1;
    out += exponent < 0 ? "e-" : "e+";
    exponent = std::abs(exponent);
    if (exponent < 10) out += '0';
    out += std::to_string(exponent);
    return;
  }
  if (point <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-point), '0');
    out += digits;
    return;
  }
  if (static_cast<size_t>(point) >= digits.size()) {
    out += digits;
    out.append(point - digits.size(), '0');
    if (add_dot_0) out += ".0";
    return;
  }
  out += digits.substr(0, point);
  out += '.';
  out += digits.substr(point);
}

void AppendIntRepr(std::string_view literal, std::string& out) {
  bool decimal = !literal.empty() && std::all_of(literal.begin(), literal.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; });
  if (!decimal) {
    out += IntLiteralToDecimal(literal);
    return;
  }
  // "00" is a valid decimal literal; repr() has no leading zeros.
  size_t first_nonzero = literal.find_first_not_of('0');
  out += first_nonzero == std::string_view::npos ? "0" : literal.substr(first_nonzero);
}

void AppendConstantRepr(const ConstantValue& value, std::string& out) {
  switch (value.kind) {
    case ConstantKind::kNone:
      out += "None";
      return;
    case ConstantKind::kTrue:
      out += "True";
      return;
    case ConstantKind::kFalse:
      out += "False";
      return;
    case ConstantKind::kEllipsis:
      out += "Ellipsis";
      return;
    case ConstantKind::kInt:
      AppendIntRepr(value.text, out);
      return;
    case ConstantKind::kFloat:
      AppendFloatRepr(value.number, out);
      return;
    case ConstantKind::kComplex:
      AppendImaginaryRepr(value.number, out);
      return;
    case ConstantKind::kStr:
      AppendStrRepr(value.text, out);
      return;
    case ConstantKind::kBytes:
      AppendBytesRepr(value.text, out);
      return;
  }
}

class Dumper {
 public:
  Dumper(bool include_attributes, std::string& out)
      : include_attributes_(include_attributes), out_(out) {}

  void DumpNode(const Node* node);

 private:
  void Key(bool& first, std::string_view name) {
    if (!first) out_ += ", ";
    first = false;
    out_ += name;
    out_ += '=';
  }

  template <class T>
  void DumpList(std::span<T* const> items) {
    out_ += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ += ", ";
      DumpNode(items[i]);
    }
    out_ += ']';
  }

  void DumpIdentifiers(std::span<const Identifier> names) {
    out_ += '[';
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0) out_ += ", ";
      AppendStrRepr(names[i], out_);
    }
    out_ += ']';
  }

  template <class Enum>
  void DumpEnum(Enum value) {
    out_ += EnumName(value);
    out_ += "()";
  }

  template <class Enum>
  void DumpEnums(std::span<const Enum> values) {
    out_ += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_ += ", ";
      DumpEnum(values[i]);
    }
    out_ += ']';
  }

  void DumpInt(int64_t value) {
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, result.ptr);
  }

  void DumpFields(const Node* node, bool& first);
  void DumpAttributes(const Node* node, bool& first);

  bool include_attributes_;
  std::string& out_;
};

void Dumper::DumpNode(const Node* node) {
  // Error recovery may leave a required child missing; CPython never does,
  // so there is no text to match and None is the honest rendering.
  if (node == nullptr) {
    out_ += "None";
    return;
  }
  out_ += PythonName(node->kind);
  out_ += '(';
  bool first = true;
  DumpFields(node, first);
  if (include_attributes_ && HasAttributes(node->kind)) DumpAttributes(node, first);
  out_ += ')';
}

void Dumper::DumpAttributes(const Node* node, bool& first) {
  Key(first, "lineno");
  DumpInt(node->pos.line);
  Key(first, "col_offset");
  DumpInt(node->pos.col);
  Key(first, "end_lineno");
  DumpInt(node->pos.end_line);
  Key(first, "end_col_offset");
  DumpInt(node->pos.end_col);
}

// One case per node type, expanded from ast_nodes.def. Optional fields that
// are absent are omitted, as ast.dump() omits None where the field's class
// default is None; 3.12-only lists appear only when used.
void Dumper::DumpFields(const Node* node, bool& first) {
#define F_NODE(Type, name) \
  Key(first, #name);       \
  DumpNode(typed->name);
#define F_OPT(Type, name)       \
  if (typed->name != nullptr) { \
    Key(first, #name);          \
    DumpNode(typed->name);      \
  }
#define F_LIST(Type, name) \
  Key(first, #name);       \
  DumpList<Type>(typed->name);
#define F_LIST_312(Type, name)   \
  if (!typed->name.empty()) {    \
    Key(first, #name);           \
    DumpList<Type>(typed->name); \
  }
#define F_IDENT(name) \
  Key(first, #name);  \
  AppendStrRepr(typed->name, out_);
#define F_OPT_IDENT(name)             \
  if (!typed->name.empty()) {         \
    Key(first, #name);                \
    AppendStrRepr(typed->name, out_); \
  }
#define F_IDENTS(name) \
  Key(first, #name);   \
  DumpIdentifiers(typed->name);
#define F_STR(name)  \
  Key(first, #name); \
  AppendStrRepr(typed->name, out_);
#define F_OPT_STR(name) F_OPT_IDENT(name)
#define F_OPT_STR_NAMED(name, python_name) \
  if (!typed->name.empty()) {              \
    Key(first, #python_name);              \
    AppendStrRepr(typed->name, out_);      \
  }
#define F_INT(name)  \
  Key(first, #name); \
  DumpInt(typed->name);
#define F_CONST(name) \
  Key(first, #name);  \
  AppendConstantRepr(typed->name, out_);
#define F_ENUM(Type, name) \
  Key(first, #name);       \
  DumpEnum(typed->name);
#define F_ENUMS(Type, name) \
  Key(first, #name);        \
  DumpEnums<Type>(typed->name);
#define F_EXTRA(Type, name)
#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields)              \
  case NodeKind::k##Cpp: {                                              \
    [[maybe_unused]] const auto* typed = static_cast<const Cpp*>(node); \
    Fields break;                                                       \
  }
  switch (node->kind) {
#include "frontend/python/ast_nodes.def"
  }
#undef AST_NODE
#undef F_NODE
#undef F_OPT
#undef F_LIST
#undef F_LIST_312
#undef F_IDENT
#undef F_OPT_IDENT
#undef F_IDENTS
#undef F_STR
#undef F_OPT_STR
#undef F_OPT_STR_NAMED
#undef F_INT
#undef F_CONST
#undef F_ENUM
#undef F_ENUMS
#undef F_EXTRA
}

}  // namespace

void AppendStrRepr(std::string_view utf8, std::string& out) {
  char quote = ChooseQuote(utf8);
  out += quote;
  for (size_t i = 0; i < utf8.size();) {
    if (AppendAsciiEscaped(static_cast<unsigned char>(utf8[i]), quote, out)) {
      ++i;
      continue;
    }
    size_t start = i;
    char32_t code_point = DecodeOne(utf8, i);
    if (IsPrintable(code_point)) {
      out.append(utf8.substr(start, i - start));
    } else if (code_point <= 0xff) {
      out += "\\x";
      AppendHex(code_point, 2, out);
    } else if (code_point <= 0xffff) {
      out += "\\u";
      AppendHex(code_point, 4, out);
    } else {
      out += "\\U";
      AppendHex(code_point, 8, out);
    }
  }
  out += quote;
}

void AppendBytesRepr(std::string_view bytes, std::string& out) {
  char quote = ChooseQuote(bytes);
  out += 'b';
  out += quote;
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (AppendAsciiEscaped(byte, quote, out)) continue;
    out += "\\x";
    AppendHex(byte, 2, out);
  }
  out += quote;
}

void AppendFloatRepr(double value, std::string& out) { AppendDoubleRepr(value, true, out); }

void AppendImaginaryRepr(double imag, std::string& out) {
  AppendDoubleRepr(imag, false, out);
  out += 'j';
}

void AppendAstDump(const Node* node, bool include_attributes, std::string& out) {
  Dumper(include_attributes, out).DumpNode(node);
}

std::string DumpAst(const Node* node, bool include_attributes) {
  std::string out;
  out.reserve(4096);
  AppendAstDump(node, include_attributes, out);
  return out;
}

}  // namespace dsaudit::python
