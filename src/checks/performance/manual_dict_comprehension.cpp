// PERF403: a for loop that only fills a dict.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/perflint_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "PERF403",
    .name = "manual-dict-comprehension",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `for` loops whose body only stores `result[key] = value`, with key and "
            "value taken from the loop target.",
    .why = "A dict comprehension (or `dict.update`) builds the mapping without the "
           "per-iteration store bytecode and states what the dict contains in one expression.",
    .example = "```python\nindex = {}\nfor position, name in enumerate(names):\n    "
               "index[name] = position\n```",
    .instead = "```python\nindex = {name: position for position, name in enumerate(names)}\n```",
};

// Ruff's has_post_loop_references: a target read after the loop (or not a
// plain binding) would break if the loop became a comprehension.
bool HasPostLoopReferences(const semantic::SemanticModel& model, const py::Expr* target,
                           const py::Node& loop) {
  bool found = false;
  ds::Walk(target, [&](const py::Node* node) {
    if (found) return false;
    if (!py::Isa<py::Name>(node)) return true;
    semantic::BindingId id = model.BindingOf(node);
    if (id == semantic::kNoId) {
      found = true;
      return false;
    }
    for (semantic::ReferenceId reference : model.BindingReferences(id)) {
      if (perflint::EndsBefore(loop.pos, model.reference(reference).pos)) found = true;
    }
    return false;
  });
  return found;
}

bool AnyElementEqual(const py::Tuple& tuple, const py::Node* expr) {
  for (const py::Expr* element : tuple.elts) {
    if (perflint::ExprEqual(element, expr)) return true;
  }
  return false;
}

void CheckFor(const py::Node& node, CheckContext& context) {
  const py::Expr* target = nullptr;
  std::span<py::Stmt* const> body;
  bool is_async = false;
  if (const auto* loop = py::DynCast<py::For>(&node)) {
    target = loop->target;
    body = loop->body;
  } else {
    const auto& async_loop = static_cast<const py::AsyncFor&>(node);
    target = async_loop.target;
    body = async_loop.body;
    is_async = true;
  }
  if (body.size() != 1) return;
  const py::Stmt* statement = body[0];
  const py::Expr* test = nullptr;
  if (const auto* branch = py::DynCast<py::If>(statement)) {
    if (!branch->orelse.empty() || branch->body.size() != 1) return;
    statement = branch->body[0];
    test = branch->test;
  }
  const auto* assign = py::DynCast<py::Assign>(statement);
  if (assign == nullptr || assign->targets.size() != 1) return;
  const auto* subscript = py::DynCast<py::Subscript>(assign->targets[0]);
  if (subscript == nullptr) return;
  const semantic::SemanticModel& model = context.model();
  if (HasPostLoopReferences(model, target, node)) return;
  const py::Expr* key = subscript->slice;
  const py::Expr* value = assign->value;
  if (const auto* tuple = py::DynCast<py::Tuple>(target)) {
    if (!AnyElementEqual(*tuple, key) || !AnyElementEqual(*tuple, value)) return;
  } else if (py::Isa<py::Name>(target)) {
    if (!perflint::ExprEqual(key, target) || !perflint::ExprEqual(value, target)) return;
  } else {
    return;
  }
  const auto* name = py::DynCast<py::Name>(subscript->value);
  if (name == nullptr) return;
  semantic::BindingId binding = perflint::OnlyBinding(model, name);
  if (binding == semantic::kNoId || !perflint::IsDict(model, binding)) return;
  if (test != nullptr && perflint::MentionsName(test, name->id)) return;
  context.Report(kRule, *assign,
                 is_async ? "Use a dictionary comprehension instead of an async for-loop"
                          : "Use a dictionary comprehension instead of a for-loop");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor, python::NodeKind::kAsyncFor},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
