// PERF402: a for loop that copies a list item by item.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/perflint_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "PERF402",
    .name = "manual-list-copy",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = false,
    .what = "Checks for `for` loops that append every item of an iterable, unchanged, to a list.",
    .why = "`list(items)`, `items.copy()` or `out.extend(items)` copy in C, several times faster "
           "than a Python-level loop, and say what happens in one word.",
    .example = "```python\nrows = []\nfor row in batch:\n    rows.append(row)\n```",
    .instead = "```python\nrows = list(batch)\n```",
};

void CheckFor(const py::Node& node, CheckContext& context) {
  const auto& loop = static_cast<const py::For&>(node);
  const auto* target = py::DynCast<py::Name>(loop.target);
  if (target == nullptr || loop.body.size() != 1) return;
  const auto* expression = py::DynCast<py::ExprStmt>(loop.body[0]);
  if (expression == nullptr) return;
  const auto* call = py::DynCast<py::Call>(expression->value);
  if (call == nullptr || !call->keywords.empty() || call->args.size() != 1) return;
  std::string_view method = ds::MethodName(*call);
  if (method != "append" && method != "insert") return;
  if (!ds::IsNameNamed(call->args[0], target->id)) return;
  const py::Expr* receiver = ds::Receiver(*call);
  if (perflint::MentionsName(receiver, target->id)) return;
  if (!py::Isa<py::Name>(receiver)) return;
  const semantic::SemanticModel& model = context.model();
  semantic::BindingId binding = perflint::OnlyBinding(model, receiver);
  if (binding == semantic::kNoId || !perflint::IsList(model, binding)) return;
  context.Report(kRule, *call, "Use `list` or `list.copy` to create a copy of a list");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
