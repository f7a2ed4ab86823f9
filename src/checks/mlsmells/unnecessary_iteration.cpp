// DS201: loops over DataFrame rows with iterrows()/itertuples()/items().
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS201",
    .name = "unnecessary-iteration",
    .area = Area::kPerformance,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Checks for Python loops over the rows of a pandas DataFrame: `for i, row in "
            "df.iterrows()` and `for row in df.itertuples()` (the *unnecessary iteration* smell "
            "of Zhang et al., CAIN 2022). Loops over `range(len(df))` with `.loc`/`.iloc` are "
            "DS301.",
    .why = "Each iteration builds a Series (iterrows) or tuple per row and runs the body in the "
           "interpreter: typically 100 to 1000 times slower than the vectorised column "
           "operation, and `iterrows` also loses dtypes.",
    .example = "```python\nfor i, row in df.iterrows():\n    df.loc[i, \"total\"] = row[\"price\"] "
               "* row[\"qty\"]\n```",
    .instead = "```python\ndf[\"total\"] = df[\"price\"] * df[\"qty\"]\n```\n\nUse `np.where`, "
               "`Series.map`, `groupby().transform` for conditional or grouped logic.",
};

void CheckFor(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const py::Expr* iter = nullptr;
  if (const auto* loop = py::DynCast<py::For>(&node)) iter = loop->iter;
  if (const auto* comprehension = py::DynCast<py::Comprehension>(&node)) iter = comprehension->iter;
  const auto* call = py::DynCast<py::Call>(iter);
  if (call == nullptr) return;
  std::string_view method = ds::MethodName(*call);
  if (method != "iterrows" && method != "itertuples") return;
  const py::Expr* receiver = ds::Receiver(*call);
  if (ds::IsImportName(model, receiver)) return;
  context.Report(kRule, *call,
                 fmt::format("Loop over `{}()` of a DataFrame; use vectorised column "
                             "operations instead",
                             method));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor, python::NodeKind::kComprehension},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
