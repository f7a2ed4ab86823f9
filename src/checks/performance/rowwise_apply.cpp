// DS302: DataFrame.apply(..., axis=1).
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS302",
    .name = "rowwise-apply",
    .area = Area::kPerformance,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Checks for `df.apply(func, axis=1)` (or `axis=\"columns\"`): a Python function "
            "called once per row.",
    .why = "`apply` with `axis=1` builds a Series for every row and calls the function in the "
           "interpreter: as slow as an explicit loop, often 100 times slower than arithmetic "
           "on whole columns, `np.where`/`np.select` or `Series.map`.",
    .example = "```python\ndf[\"total\"] = df.apply(lambda row: row[\"price\"] * row[\"qty\"], "
               "axis=1)\n```",
    .instead = "```python\ndf[\"total\"] = df[\"price\"] * df[\"qty\"]\n```",
};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (ds::MethodName(call) != "apply") return;
  const py::Keyword* axis = ds::FindKeyword(call, "axis");
  const py::Node* value = axis != nullptr ? axis->value : nullptr;
  if (value == nullptr && call.args.size() >= 2) value = call.args[1];
  const auto* constant = py::DynCast<py::Constant>(value);
  if (constant == nullptr) return;
  bool rows = (constant->value.kind == py::ConstantKind::kInt && constant->value.text == "1") ||
              ds::IsString(constant, "columns");
  if (!rows || ds::IsImportName(model, ds::Receiver(call))) return;
  context.Report(kRule, call,
                 "Row-wise `apply(axis=1)` calls Python once per row; use vectorised column "
                 "operations");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
