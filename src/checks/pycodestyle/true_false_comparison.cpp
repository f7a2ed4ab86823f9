// E712: `x == True` / `x != False` instead of a truth test.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "checks/check_context.h"
#include "checks/fix_util.h"
#include "checks/pycodestyle/pycodestyle_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E712",
    .name = "true-false-comparison",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = true,
    .what = "Checks for comparisons to `True` or `False` written with `==` or `!=`.",
    .why = "A truth test says the same thing more directly, and `== True` is not what it "
           "seems: `1 == True` holds, and on a pandas Series or numpy array the comparison is "
           "element-wise, so `if mask == True:` raises instead of testing.",
    .example = "```python\nif converged == True:\n    stop()\n```",
    .instead = "```python\nif converged:\n    stop()\n```",
};

// ruff shows the operand only when it is short and on one line.
std::string Message(bool value, bool equal, std::string_view cond, bool single) {
  size_t width = 0;
  for (char c : cond) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (!single || width > 50 || cond.find_first_of("\r\n") != std::string_view::npos) {
    return "Avoid equality comparisons to `True` or `False`";
  }
  std::string_view kind = equal ? "equality" : "inequality";
  std::string_view literal = value ? "True" : "False";
  if (value == equal) {
    return fmt::format("Avoid {} comparisons to `{}`; use `{}:` for truth checks", kind, literal,
                       cond);
  }
  return fmt::format("Avoid {} comparisons to `{}`; use `not {}:` for false checks", kind, literal,
                     cond);
}

// `x == True` becomes `x`, `x == False` becomes `not x` (ruff's fix for a
// single comparison); in a chain only the operator changes.
std::optional<Fix> MakeFix(const CheckContext& context, const python::Compare& compare,
                           const std::vector<std::string>& replacements) {
  if (pycodestyle::MayCompareElementwise(context)) return std::nullopt;
  if (compare.ops.size() != 1) {
    return pycodestyle::ReplaceComparisonOperators(context, compare, replacements);
  }
  bool equal = compare.ops[0] == python::CmpOperator::kEq;
  const python::Expr* operand = compare.left;
  std::optional<bool> value = pycodestyle::BooleanLiteral(compare.comparators[0]);
  if (!value) {
    operand = compare.comparators[0];
    value = pycodestyle::BooleanLiteral(compare.left);
  }
  if (!value) return std::nullopt;
  uint32_t begin = context.Offset(compare.pos.line, compare.pos.col);
  uint32_t end = context.Offset(compare.pos.end_line, compare.pos.end_col);
  std::string text(context.Text(*operand));
  // Keep parentheses written around the operand.
  std::string_view source = context.source().text();
  uint32_t op_begin = context.Offset(operand->pos.line, operand->pos.col);
  uint32_t op_end = context.Offset(operand->pos.end_line, operand->pos.end_col);
  while (op_begin > begin && op_end < end && source[op_begin - 1] == '(' &&
         source[op_end] == ')') {
    --op_begin;
    ++op_end;
  }
  text = std::string(source.substr(op_begin, op_end - op_begin));
  if (HasCommentBetween(context, begin, end)) return std::nullopt;
  bool keep = *value == equal;
  return Fix{{Edit{begin, end, keep ? text : "not " + text}}};
}

void CheckCompare(const python::Node& node, CheckContext& context) {
  const auto& compare = static_cast<const python::Compare&>(node);
  if (compare.ops.empty() || compare.comparators.empty()) return;
  using python::CmpOperator;
  auto is_eq = [](CmpOperator op) { return op == CmpOperator::kEq || op == CmpOperator::kNotEq; };
  auto replacement = [](CmpOperator op) {
    return std::string(op == CmpOperator::kEq ? "is" : "is not");
  };
  bool single = compare.ops.size() == 1;
  std::vector<std::string> replacements(compare.ops.size());
  std::vector<std::string> messages;
  if (!pycodestyle::IsConstantNonSingleton(compare.comparators[0]) && is_eq(compare.ops[0])) {
    if (std::optional<bool> value = pycodestyle::BooleanLiteral(compare.left)) {
      messages.push_back(Message(*value, compare.ops[0] == CmpOperator::kEq,
                                 context.Text(*compare.comparators[0]), single));
      replacements[0] = replacement(compare.ops[0]);
    }
  }
  const python::Expr* left = compare.left;
  for (size_t i = 0; i < compare.ops.size() && i < compare.comparators.size(); ++i) {
    const python::Expr* right = compare.comparators[i];
    if (!pycodestyle::IsConstantNonSingleton(left) && is_eq(compare.ops[i])) {
      if (std::optional<bool> value = pycodestyle::BooleanLiteral(right)) {
        messages.push_back(
            Message(*value, compare.ops[i] == CmpOperator::kEq, context.Text(*left), single));
        replacements[i] = replacement(compare.ops[i]);
      }
    }
    left = right;
  }
  if (messages.empty()) return;
  std::optional<Fix> fix = MakeFix(context, compare, replacements);
  for (std::string& message : messages) {
    context.Report(
        Diagnostic{.rule = &kRule, .pos = compare.pos, .message = std::move(message), .fix = fix});
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK(
    {.rules = {&kRule}, .node_kinds = {python::NodeKind::kCompare}, .on_node = CheckCompare});

}  // namespace dsaudit::checks
