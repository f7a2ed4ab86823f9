// S608: SQL statements built with +, %, .format() or f-strings.
#include <fmt/format.h>
#include <re2/re2.h>

#include <optional>
#include <string>

#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S608",
    .name = "hardcoded-sql-expression",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 20,
    .fixable = false,
    .what = "Finds strings that look like SQL (`SELECT ... FROM`, `DELETE FROM`, `INSERT ... "
            "VALUES`, `UPDATE ... SET`) built by concatenation, `%` formatting, `.format()` or "
            "f-strings.",
    .why = "A value pasted into SQL text can end the statement and start another one. Data "
           "pipelines build queries from table names, dates and IDs that come from files, "
           "parameters and APIs; one quote in them breaks the job or leaks the database.",
    .example = "```python\ndf = pd.read_sql(f\"SELECT * FROM sales WHERE region = '{region}'\", "
               "conn)\n```",
    .instead = "```python\ndf = pd.read_sql(\"SELECT * FROM sales WHERE region = %(region)s\", "
               "conn, params={\"region\": region})\n```",
};

bool LooksLikeSql(std::string_view text) {
  static const RE2 kSql(
      R"((?is)\b(select\s+.*\s+from\s|delete\s+from\s|(insert|replace)\s+.*\s+values\s|update\s+.*\s+set\s))");
  return RE2::PartialMatch(text, kSql);
}

// Rust's str::escape_default, which ruff applies before matching: a literal
// newline becomes the two characters `\n` and so no longer counts as space.
std::string EscapeDefault(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '\t': out += "\\t"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\'': out += "\\'"; ++i; continue;
      case '"': out += "\\\""; ++i; continue;
      default: break;
    }
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    // Any other character: \u{hex} of its code point.
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t code = length == 1 ? c : c & (0xFF >> (length + 1));
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out += fmt::format("\\u{{{:x}}}", code);
    i += length;
  }
  return out;
}

// Ruff's is_explicit_concatenation: true when an operand is surely a
// string, false when one surely is not, nullopt when it cannot tell.
std::optional<bool> IsExplicitConcatenation(const python::Expr* expr) {
  switch (expr->kind) {
    case python::NodeKind::kBinOp: {
      const auto* binary = static_cast<const python::BinOp*>(expr);
      std::optional<bool> left = IsExplicitConcatenation(binary->left);
      std::optional<bool> right = IsExplicitConcatenation(binary->right);
      if (left == false || right == false) return false;
      if (left == true || right == true) return true;
      return std::nullopt;
    }
    case python::NodeKind::kCall:
    case python::NodeKind::kSubscript:
    case python::NodeKind::kAttribute:
    case python::NodeKind::kName:
      return std::nullopt;
    case python::NodeKind::kJoinedStr:
      return true;
    case python::NodeKind::kConstant:
      return static_cast<const python::Constant*>(expr)->value.kind == python::ConstantKind::kStr;
    case python::NodeKind::kNamedExpr:
      return IsExplicitConcatenation(static_cast<const python::NamedExpr*>(expr)->value);
    case python::NodeKind::kIfExp: {
      const auto* branch = static_cast<const python::IfExp*>(expr);
      std::optional<bool> body = IsExplicitConcatenation(branch->body);
      std::optional<bool> orelse = IsExplicitConcatenation(branch->orelse);
      if (body == true || orelse == true) return true;
      if (body == false && orelse == false) return false;
      return std::nullopt;
    }
    case python::NodeKind::kBoolOp: {
      const auto* boolean = static_cast<const python::BoolOp*>(expr);
      bool all_false = true;
      for (const python::Expr* value : boolean->values) {
        std::optional<bool> part = IsExplicitConcatenation(value);
        if (part == true) return true;
        if (part != false) all_false = false;
      }
      if (all_false) return false;
      return std::nullopt;
    }
    case python::NodeKind::kUnaryOp:
      return IsExplicitConcatenation(static_cast<const python::UnaryOp*>(expr)->operand);
    default:
      return false;
  }
}

// The expression as ruff's code generator would print it, near enough for
// the pattern: operands joined by their operator, comments between lines
// dropped.
void AppendGenerated(const python::Expr* expr, const CheckContext& context, std::string& out) {
  if (const auto* binary = python::DynCast<python::BinOp>(expr)) {
    AppendGenerated(binary->left, context, out);
    out += binary->op == python::Operator::kAdd ? " + " : " ? ";
    AppendGenerated(binary->right, context, out);
    return;
  }
  out += context.Text(*expr);
}

// The f-string's parts' text between their quotes, joined (ruff's
// concatenated_f_string): `"a" f"b{x}"` gives `ab{x}`.
std::string RawContents(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c != '"' && c != '\'' && !std::isalpha(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    bool raw = false;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
      raw |= text[i] == 'r' || text[i] == 'R';
      ++i;
    }
    if (i >= text.size()) break;
    char quote = text[i];
    bool triple = text.substr(i, 3) == std::string(3, quote);
    size_t open = triple ? 3 : 1;
    size_t begin = i + open;
    size_t j = begin;
    int depth = 0;
    while (j < text.size()) {
      if (text[j] == '\\' && !raw) {
        j += 2;
        continue;
      }
      if (text[j] == '{') ++depth;
      if (text[j] == '}' && depth > 0) --depth;
      if (depth == 0 && text[j] == quote &&
          (!triple || text.substr(j, 3) == std::string(3, quote))) {
        break;
      }
      ++j;
    }
    out += text.substr(begin, std::min(j, text.size()) - begin);
    i = j + open;
  }
  return out;
}

std::optional<std::string> QueryText(const python::Node& node, const CheckContext& context) {
  if (const auto* binary = python::DynCast<python::BinOp>(&node)) {
    if (binary->op == python::Operator::kAdd) {
      // Only the whole chain, not its nested parts.
      if (python::Isa<python::BinOp>(context.model().Parent(&node))) return std::nullopt;
      if (IsExplicitConcatenation(binary) != true) return std::nullopt;
      std::string text;
      AppendGenerated(binary, context, text);
      return text;
    }
    if (binary->op != python::Operator::kMod) return std::nullopt;
    std::optional<std::string_view> format = security::StringLiteral(binary->left);
    if (!format) return std::nullopt;
    return EscapeDefault(*format);
  }
  if (const auto* call = python::DynCast<python::Call>(&node)) {
    const auto* method = python::DynCast<python::Attribute>(call->func);
    if (method == nullptr || method->attr != "format") return std::nullopt;
    std::optional<std::string_view> format = security::StringLiteral(method->value);
    if (!format) return std::nullopt;
    return EscapeDefault(*format);
  }
  return RawContents(context.Text(node));
}

void CheckSqlExpression(const python::Node& node, CheckContext& context) {
  std::optional<std::string> text = QueryText(node, context);
  if (!text || !LooksLikeSql(*text)) return;
  context.Report(kRule, node, "Possible SQL injection vector through string-based query construction");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kBinOp, python::NodeKind::kCall,
                                       python::NodeKind::kJoinedStr},
                        .on_node = CheckSqlExpression});

}  // namespace dsaudit::checks
