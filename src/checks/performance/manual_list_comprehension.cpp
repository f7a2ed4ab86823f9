// PERF401: a for loop that only appends a transformed item to a list.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/perflint_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "PERF401",
    .name = "manual-list-comprehension",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `for` loops whose body only appends a transformed (or filtered) item to "
            "a list: `for x in xs: out.append(f(x))`.",
    .why = "A list comprehension (or `list.extend` with a generator when the list already holds "
           "items) runs without the per-iteration method lookup and call, and reads as one "
           "expression of what the list contains.",
    .example = "```python\nsquares = []\nfor x in values:\n    if x > 0:\n        "
               "squares.append(x * x)\n```",
    .instead = "```python\nsquares = [x * x for x in values if x > 0]\n```",
};

struct Loop {
  const py::Expr* target;
  std::span<py::Stmt* const> body;
  bool is_async;
};

Loop LoopOf(const py::Node& node) {
  if (const auto* loop = py::DynCast<py::For>(&node)) return {loop->target, loop->body, false};
  const auto& loop = static_cast<const py::AsyncFor&>(node);
  return {loop.target, loop.body, true};
}

bool IsEmptyList(const semantic::SemanticModel& model, const py::Expr* value) {
  if (const auto* list = py::DynCast<py::List>(value)) return list->elts.empty();
  if (const auto* call = py::DynCast<py::Call>(value)) {
    return model.Matches(call->func, "builtins.list") && call->args.empty() &&
           call->keywords.empty();
  }
  return false;
}

// Whether a comprehension could replace the list's creation too (else extend).
bool CanBeComprehension(const semantic::SemanticModel& model, semantic::BindingId id,
                        const py::Node& loop) {
  const semantic::Binding& binding = model.binding(id);
  const py::Node* statement = binding.statement;
  const py::Expr* value = nullptr;
  bool one_target = false;
  if (const auto* assign = py::DynCast<py::Assign>(statement)) {
    value = assign->value;
    one_target = assign->targets.size() == 1;
  } else if (const auto* annotated = py::DynCast<py::AnnAssign>(statement)) {
    value = annotated->value;
    one_target = true;
  } else {
    return false;
  }
  if (!IsEmptyList(model, value) || !one_target) return false;
  if (perflint::ParentStatement(model, &loop) != perflint::ParentStatement(model, statement)) {
    return false;
  }
  for (semantic::ReferenceId reference_id : model.BindingReferences(id)) {
    const py::Position& at = model.reference(reference_id).pos;
    if (perflint::EndsBefore(statement->pos, at) &&
        perflint::EndsBefore(at, py::Position{loop.pos.line, loop.pos.col, loop.pos.line,
                                              loop.pos.col})) {
      return false;
    }
  }
  return true;
}

void CheckFor(const py::Node& node, CheckContext& context) {
  Loop loop = LoopOf(node);
  const auto* target = py::DynCast<py::Name>(loop.target);
  if (target == nullptr) return;
  const py::Stmt* statement = nullptr;
  const py::Expr* test = nullptr;
  if (loop.body.size() != 1) return;
  if (const auto* branch = py::DynCast<py::If>(loop.body[0])) {
    if (!branch->orelse.empty() || branch->body.size() != 1) return;
    statement = branch->body[0];
    test = branch->test;
  } else {
    statement = loop.body[0];
  }
  const auto* expression = py::DynCast<py::ExprStmt>(statement);
  if (expression == nullptr) return;
  const auto* call = py::DynCast<py::Call>(expression->value);
  if (call == nullptr || !call->keywords.empty() || call->args.size() != 1) return;
  if (ds::MethodName(*call) != "append") return;
  const auto* list_name = py::DynCast<py::Name>(ds::Receiver(*call));
  if (list_name == nullptr) return;
  const py::Expr* argument = call->args[0];
  // A plain copy is PERF402's.
  if (!loop.is_async && test == nullptr && ds::IsNameNamed(argument, target->id)) return;
  if (perflint::MentionsName(argument, list_name->id)) return;
  const semantic::SemanticModel& model = context.model();
  semantic::BindingId list_binding = perflint::OnlyBinding(model, list_name);
  if (list_binding == semantic::kNoId || !perflint::IsList(model, list_binding)) return;
  if (test != nullptr && perflint::MentionsName(test, list_name->id)) return;
  semantic::BindingId target_binding = model.BindingOf(target);
  if (target_binding == semantic::kNoId) return;
  if (model.binding(target_binding).Is(semantic::binding_flags::kRedirected)) return;
  for (semantic::ReferenceId reference_id : model.BindingReferences(target_binding)) {
    if (perflint::EndsBefore(node.pos, model.reference(reference_id).pos)) return;
  }
  bool comprehension = CanBeComprehension(model, list_binding, node);
  std::string message = "Use ";
  if (comprehension) {
    message += loop.is_async ? "an async list comprehension" : "a list comprehension";
  } else {
    message += loop.is_async ? "`list.extend` with an async comprehension" : "`list.extend`";
  }
  message += " to create a transformed list";
  context.Report(kRule, *call, std::move(message));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor, python::NodeKind::kAsyncFor},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
