// DS203: chained indexing of pandas objects (df["a"]["b"], df.loc[i]["c"]).
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS203",
    .name = "chain-indexing",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for chained indexing of DataFrames: `df[\"col\"][row]`, `df.loc[i][\"col\"]`, "
            "`df[mask][\"col\"] = value` (the *chain indexing* smell of Zhang et al.).",
    .why = "Each `[]` is a separate call that may return a copy or a view. An assignment through "
           "the chain may modify a temporary copy and be lost (`SettingWithCopyWarning`; under "
           "copy-on-write it never works); reads pay for two lookups.",
    .example = "```python\ndf[df[\"age\"] > 60][\"group\"] = \"senior\"\nvalue = "
               "df[\"price\"][3]\n```",
    .instead = "```python\ndf.loc[df[\"age\"] > 60, \"group\"] = \"senior\"\nvalue = df.loc[3, "
               "\"price\"]\n```",
};

bool IsIndexer(const py::Node* expr) {
  const auto* attribute = py::DynCast<py::Attribute>(expr);
  return attribute != nullptr && (attribute->attr == "loc" || attribute->attr == "iloc");
}

void CheckSubscript(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto& outer = static_cast<const py::Subscript&>(node);
  const auto* inner = py::DynCast<py::Subscript>(outer.value);
  if (inner == nullptr) return;
  // Report the outermost subscript of a chain only once.
  if (const auto* parent = py::DynCast<py::Subscript>(model.Parent(&outer))) {
    if (parent->value == &outer) return;
  }
  const py::Expr* root = inner->value;
  if (IsIndexer(root)) root = static_cast<const py::Attribute*>(root)->value;
  if (!ds::IsPandasValue(model, root)) return;
  context.Report(kRule, outer,
                 "Chained indexing of a DataFrame; index once with `.loc[row, column]`");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kSubscript},
                        .on_node = CheckSubscript});

}  // namespace dsaudit::checks
