// E711: `x == None` / `x != None` instead of `is` / `is not`.
#include <map>
#include <string>
#include <vector>

#include "checks/check_context.h"
#include "checks/pycodestyle/pycodestyle_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E711",
    .name = "none-comparison",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = true,
    .what = "Checks for comparisons to `None` written with `==` or `!=`.",
    .why = "`None` is a singleton: identity is what is meant. `==` calls the left operand's "
           "`__eq__`, which a class may override to return anything; a pandas Series or numpy "
           "array compares element by element and returns an array, not a bool.",
    .example = "```python\nif model == None:\n    model = load()\n```",
    .instead = "```python\nif model is None:\n    model = load()\n```\n\nFor missing values in "
               "a DataFrame use `series.isna()`.",
};

void CheckCompare(const python::Node& node, CheckContext& context) {
  const auto& compare = static_cast<const python::Compare&>(node);
  if (compare.ops.empty() || compare.comparators.empty()) return;
  using python::CmpOperator;
  auto is_eq = [](CmpOperator op) { return op == CmpOperator::kEq || op == CmpOperator::kNotEq; };
  auto replacement = [](CmpOperator op) {
    return std::string(op == CmpOperator::kEq ? "is" : "is not");
  };
  std::vector<std::string> replacements(compare.ops.size());
  std::vector<const python::Expr*> found;
  std::vector<CmpOperator> found_ops;
  // A None on the left of the first operator, unless compared with a literal.
  if (!pycodestyle::IsConstantNonSingleton(compare.comparators[0]) && is_eq(compare.ops[0]) &&
      pycodestyle::IsNoneLiteral(compare.left)) {
    found.push_back(compare.left);
    found_ops.push_back(compare.ops[0]);
    replacements[0] = replacement(compare.ops[0]);
  }
  const python::Expr* left = compare.left;
  for (size_t i = 0; i < compare.ops.size() && i < compare.comparators.size(); ++i) {
    const python::Expr* right = compare.comparators[i];
    if (!pycodestyle::IsConstantNonSingleton(left) && is_eq(compare.ops[i]) &&
        pycodestyle::IsNoneLiteral(right)) {
      found.push_back(right);
      found_ops.push_back(compare.ops[i]);
      replacements[i] = replacement(compare.ops[i]);
    }
    left = right;
  }
  if (found.empty()) return;
  std::optional<Fix> fix;
  if (!pycodestyle::MayCompareElementwise(context)) {
    fix = pycodestyle::ReplaceComparisonOperators(context, compare, replacements);
  }
  for (size_t i = 0; i < found.size(); ++i) {
    context.Report(Diagnostic{
        .rule = &kRule,
        .pos = found[i]->pos,
        .message = found_ops[i] == CmpOperator::kEq
                       ? "Comparison to `None` should be `cond is None`"
                       : "Comparison to `None` should be `cond is not None`",
        .fix = fix});
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK(
    {.rules = {&kRule}, .node_kinds = {python::NodeKind::kCompare}, .on_node = CheckCompare});

}  // namespace dsaudit::checks
