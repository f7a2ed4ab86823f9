// DS304: x = x + [item] inside a loop.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS304",
    .name = "list-concatenation-in-loop",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for lists grown with `x = x + [...]` (or `x = [...] + x`) inside a loop.",
    .why = "`+` builds a new list and copies every element each time, so the loop is quadratic; "
           "`append`/`extend` (or `+=`) grow the list in place in amortised constant time.",
    .example = "```python\nlabels = []\nfor row in rows:\n    labels = labels + [row.label]\n```",
    .instead = "```python\nlabels = [row.label for row in rows]\n```",
};

bool IsListLiteral(const py::Node* node) {
  return py::Isa<py::List>(node) || py::Isa<py::ListComp>(node);
}

void CheckAssign(const py::Node& node, CheckContext& context) {
  const auto& assign = static_cast<const py::Assign&>(node);
  const auto* binop = py::DynCast<py::BinOp>(assign.value);
  if (binop == nullptr || binop->op != py::Operator::kAdd || assign.targets.size() != 1) return;
  const auto* target = py::DynCast<py::Name>(assign.targets[0]);
  if (target == nullptr) return;
  bool grows = (ds::IsNameNamed(binop->left, target->id) && IsListLiteral(binop->right)) ||
               (ds::IsNameNamed(binop->right, target->id) && IsListLiteral(binop->left));
  if (!grows || ds::EnclosingLoop(context.model(), &assign) == nullptr) return;
  context.Report(kRule, *binop,
                 "List grown with `+` inside a loop copies it every iteration; use `append` or "
                 "`extend`");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAssign},
                        .on_node = CheckAssign});

}  // namespace dsaudit::checks
