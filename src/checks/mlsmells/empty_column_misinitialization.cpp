// DS205: a new DataFrame column filled with 0 or "" as a placeholder.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS205",
    .name = "empty-column-misinitialization",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for DataFrame columns initialised with `0` or `\"\"` as an \"empty\" value: "
            "`df[\"new\"] = 0` (the *empty column misinitialization* smell of Zhang et al.).",
    .why = "Zeros and empty strings are real values: `isna()`, `dropna()`, `fillna()` and "
           "`count()` cannot tell the rows that were never filled from rows whose value is 0, and "
           "the column gets an `object` or `int` dtype that later assignments must change.",
    .example = "```python\ndf[\"score\"] = 0\ndf[\"label\"] = \"\"\n```",
    .instead = "```python\ndf[\"score\"] = np.nan\ndf[\"label\"] = pd.Series(dtype=\"string\")\n```",
};

bool IsPlaceholder(const py::Node* value) {
  const auto* constant = py::DynCast<py::Constant>(value);
  if (constant == nullptr) return false;
  switch (constant->value.kind) {
    case py::ConstantKind::kInt:
      return constant->value.text == "0";
    case py::ConstantKind::kStr:
      return constant->value.text.empty();
    default:
      return false;
  }
}

void CheckAssign(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto& assign = static_cast<const py::Assign&>(node);
  if (!IsPlaceholder(assign.value)) return;
  for (const py::Expr* target : assign.targets) {
    const auto* subscript = py::DynCast<py::Subscript>(target);
    if (subscript == nullptr) continue;
    const auto* key = py::DynCast<py::Constant>(subscript->slice);
    if (key == nullptr || key->value.kind != py::ConstantKind::kStr) continue;
    if (!ds::IsPandasValue(model, subscript->value)) continue;
    context.Report(kRule, *assign.value,
                   "New column filled with a placeholder; initialise it with `np.nan` so "
                   "missing values stay missing");
    return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAssign},
                        .on_node = CheckAssign});

}  // namespace dsaudit::checks
