// DS303: an array or DataFrame grown by concatenation inside a loop.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS303",
    .name = "concat-in-loop",
    .area = Area::kPerformance,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Checks for `x = pd.concat([x, ...])`, `x = x.append(...)` (DataFrame), `x = "
            "np.append(x, ...)`, `np.vstack`/`np.hstack`/`np.concatenate`/`np.row_stack`/"
            "`np.column_stack` of `x` assigned back to `x` inside a loop.",
    .why = "Each call copies everything accumulated so far, so the loop takes quadratic time and "
           "allocates a new array or frame per iteration. Collect the pieces in a list and "
           "concatenate once after the loop.",
    .example = "```python\nresult = pd.DataFrame()\nfor path in paths:\n    result = "
               "pd.concat([result, pd.read_csv(path)])\n```",
    .instead = "```python\nresult = pd.concat([pd.read_csv(path) for path in paths], "
               "ignore_index=True)\n```",
};

constexpr std::string_view kFunctions[] = {
    "pandas.concat",      "numpy.append",    "numpy.vstack",        "numpy.hstack",
    "numpy.concatenate",  "numpy.row_stack", "numpy.column_stack",  "numpy.dstack"};

bool Mentions(const py::Node* expr, std::string_view id) {
  bool found = false;
  ds::Walk(expr, [&](const py::Node* node) {
    if (ds::IsNameNamed(node, id)) found = true;
    return !found;
  });
  return found;
}

void CheckAssign(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas") && !model.ImportsModule("numpy")) return;
  const auto& assign = static_cast<const py::Assign&>(node);
  const auto* call = py::DynCast<py::Call>(assign.value);
  if (call == nullptr || assign.targets.size() != 1) return;
  const auto* target = py::DynCast<py::Name>(assign.targets[0]);
  if (target == nullptr) return;
  std::string_view what;
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call->func);
  if (name) {
    for (std::string_view function : kFunctions) {
      if (*name == function) what = function;
    }
    if (what.empty() || call->args.empty() || !Mentions(call->args[0], target->id)) return;
  } else {
    if (ds::MethodName(*call) != "append" || !ds::IsNameNamed(ds::Receiver(*call), target->id) ||
        !ds::IsPandasValue(model, ds::Receiver(*call))) {
      return;
    }
    what = "DataFrame.append";
  }
  if (ds::EnclosingLoop(model, &assign) == nullptr) return;
  std::string_view short_name = what.substr(what.find('.') + 1);
  context.Report(kRule, *call,
                 fmt::format("`{}` grows `{}` inside a loop (quadratic copying); collect the "
                             "pieces in a list and concatenate once",
                             short_name, target->id));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAssign},
                        .on_node = CheckAssign});

}  // namespace dsaudit::checks
