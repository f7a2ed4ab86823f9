// DS202: comparisons with NaN using == or !=.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS202",
    .name = "nan-equivalence-comparison",
    .area = Area::kCodeQuality,
    .severity = Severity::kCritical,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `==` and `!=` comparisons with `np.nan`, `math.nan`, `float(\"nan\")` or "
            "`pd.NA` (the *NaN equivalence comparison misused* smell of Zhang et al.).",
    .why = "NaN is unequal to everything, itself included: `x == np.nan` is always `False` and "
           "`x != np.nan` always `True` (and with `pd.NA` the result is `NA`), so the filter "
           "silently keeps or drops everything.",
    .example = "```python\nmissing = df[df[\"age\"] == np.nan]\n```",
    .instead = "```python\nmissing = df[df[\"age\"].isna()]\n# scalars: math.isnan(x), "
               "np.isnan(arr)\n```",
};

bool IsNan(const semantic::SemanticModel& model, const py::Node* expr) {
  if (model.Matches(expr, "numpy.nan") || model.Matches(expr, "numpy.NaN") ||
      model.Matches(expr, "numpy.NAN") || model.Matches(expr, "math.nan") ||
      model.Matches(expr, "pandas.NA")) {
    return true;
  }
  const auto* call = py::DynCast<py::Call>(expr);
  if (call == nullptr || call->args.size() != 1 || !model.Matches(call->func, "builtins.float")) {
    return false;
  }
  const auto* constant = py::DynCast<py::Constant>(call->args[0]);
  if (constant == nullptr || constant->value.kind != py::ConstantKind::kStr) return false;
  std::string_view text = constant->value.text;
  return text.size() == 3 && (text[0] | 0x20) == 'n' && (text[1] | 0x20) == 'a' &&
         (text[2] | 0x20) == 'n';
}

void CheckCompare(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  const auto& compare = static_cast<const py::Compare&>(node);
  const py::Expr* left = compare.left;
  for (size_t i = 0; i < compare.ops.size(); ++i) {
    const py::Expr* right = compare.comparators[i];
    py::CmpOperator op = compare.ops[i];
    if ((op == py::CmpOperator::kEq || op == py::CmpOperator::kNotEq) &&
        (IsNan(model, left) || IsNan(model, right))) {
      context.Report(kRule, compare,
                     "Comparison with NaN is never true (`==`) or always true (`!=`); use "
                     "`isna()`/`np.isnan()`");
      return;
    }
    left = right;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCompare},
                        .on_node = CheckCompare});

}  // namespace dsaudit::checks
