// DS301: for i in range(len(df)) / df.index with .loc/.iloc/.at/.iat per row.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS301",
    .name = "dataframe-row-loop",
    .area = Area::kPerformance,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Checks for loops over the row positions or labels of a DataFrame (`for i in "
            "range(len(df))`, `for i in df.index`) whose body indexes the frame with the loop "
            "variable through `.loc`, `.iloc`, `.at` or `.iat`. Loops over `iterrows()` and "
            "`itertuples()` are DS201.",
    .why = "Each indexer call goes through pandas' indexing machinery (microseconds each), so the "
           "loop runs thousands of times slower than one vectorised operation over the columns.",
    .example = "```python\nfor i in range(len(df)):\n    df.loc[i, \"total\"] = df.loc[i, "
               "\"price\"] * df.loc[i, \"qty\"]\n```",
    .instead = "```python\ndf[\"total\"] = df[\"price\"] * df[\"qty\"]\n```",
};

// The frame a loop iterates over by position or label, or nullptr.
const py::Expr* IteratedFrame(const semantic::SemanticModel& model, const py::Expr* iter) {
  if (const auto* attribute = py::DynCast<py::Attribute>(iter)) {
    if (attribute->attr == "index" && ds::IsPandasValue(model, attribute->value)) {
      return attribute->value;
    }
    return nullptr;
  }
  const auto* range = py::DynCast<py::Call>(iter);
  if (range == nullptr || range->args.empty() || !model.Matches(range->func, "builtins.range")) {
    return nullptr;
  }
  const auto* length = py::DynCast<py::Call>(range->args.back());
  if (length == nullptr || length->args.size() != 1 ||
      !model.Matches(length->func, "builtins.len")) {
    return nullptr;
  }
  return ds::IsPandasValue(model, length->args[0]) ? length->args[0] : nullptr;
}

bool IndexesRows(std::span<py::Stmt* const> body, std::string_view variable) {
  bool found = false;
  ds::WalkBody(body, [&](const py::Node* node) {
    if (found) return false;
    const auto* subscript = py::DynCast<py::Subscript>(node);
    if (subscript == nullptr) return true;
    const auto* indexer = py::DynCast<py::Attribute>(subscript->value);
    if (indexer == nullptr) return true;
    std::string_view attr = indexer->attr;
    if (attr != "loc" && attr != "iloc" && attr != "at" && attr != "iat") return true;
    const py::Node* key = subscript->slice;
    if (const auto* tuple = py::DynCast<py::Tuple>(key)) {
      key = tuple->elts.empty() ? nullptr : tuple->elts[0];
    }
    if (ds::IsNameNamed(key, variable)) found = true;
    return !found;
  });
  return found;
}

void CheckFor(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto& loop = static_cast<const py::For&>(node);
  const auto* target = py::DynCast<py::Name>(loop.target);
  if (target == nullptr || IteratedFrame(model, loop.iter) == nullptr) return;
  if (!IndexesRows(loop.body, target->id)) return;
  context.Report(kRule, *loop.iter,
                 "Row-by-row loop over a DataFrame with `.loc`/`.iloc`; use vectorised column "
                 "operations");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
