// DS206: DataFrame merges without how=, on= and validate=.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS206",
    .name = "merge-parameters-not-set",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for `pd.merge(...)` and `df.merge(...)` calls that leave `how=`, the key "
            "(`on=`, `left_on=`/`right_on=` or `left_index=`/`right_index=`) or `validate=` to "
            "their defaults (the *merge API parameter not explicitly set* smell of Zhang et al.).",
    .why = "The defaults join on every column the two frames happen to share, with an inner "
           "join that silently drops unmatched rows, and without checking the relation: a "
           "duplicated key turns a one-to-one join into a row explosion nobody notices.",
    .example = "```python\nresult = orders.merge(customers)\n```",
    .instead = "```python\nresult = orders.merge(customers, how=\"left\", on=\"customer_id\", "
               "validate=\"many_to_one\")\n```",
};

bool HasKey(const py::Call& call) {
  for (std::string_view key : {"on", "left_on", "right_on", "left_index", "right_index"}) {
    if (ds::HasKeyword(call, key)) return true;
  }
  return false;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto& call = static_cast<const py::Call&>(node);
  bool function = model.Matches(call.func, "pandas.merge");
  if (!function) {
    if (ds::MethodName(call) != "merge" || call.args.empty()) return;
    const py::Expr* receiver = ds::Receiver(call);
    if (ds::IsImportName(model, receiver) || !ds::IsPandasValue(model, receiver)) return;
  }
  if (ds::HasDoubleStar(call)) return;
  std::string missing;
  auto add = [&](std::string_view name) {
    if (!missing.empty()) missing += ", ";
    missing += name;
  };
  // Positional: pd.merge(left, right, how, on) / df.merge(right, how, on).
  size_t positional = call.args.size() - (function ? 1 : 0);
  if (!ds::HasKeyword(call, "how") && positional < 2) add("`how`");
  if (!HasKey(call) && positional < 3) add("`on`");
  if (!ds::HasKeyword(call, "validate")) add("`validate`");
  if (missing.empty()) return;
  context.Report(kRule, call, fmt::format("Merge without {}; set them explicitly", missing));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
