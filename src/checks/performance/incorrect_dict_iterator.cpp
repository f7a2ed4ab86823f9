// PERF102: `for key, value in d.items()` where only one half is used.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/perflint_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "PERF102",
    .name = "incorrect-dict-iterator",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = false,
    .what = "Checks for loops over `dict.items()` that use only the keys or only the values.",
    .why = "Building a tuple per entry only to throw half of it away is slower and hides which "
           "half the loop needs; `keys()` or `values()` says it.",
    .example = "```python\nfor _, model in models.items():\n    model.fit(X, y)\n```",
    .instead = "```python\nfor model in models.values():\n    model.fit(X, y)\n```",
};

// Ruff's is_unused: the name's bindings from this target on are all unread.
bool IsUnused(const semantic::SemanticModel& model, const py::Node* expr,
              semantic::ScopeId scope) {
  if (const auto* tuple = py::DynCast<py::Tuple>(expr)) {
    for (const py::Expr* element : tuple->elts) {
      if (!IsUnused(model, element, scope)) return false;
    }
    return true;
  }
  const auto* name = py::DynCast<py::Name>(expr);
  if (name == nullptr) return false;
  for (semantic::BindingId id : model.ScopeBindings(scope)) {
    const semantic::Binding& binding = model.binding(id);
    if (binding.name != name->id) continue;
    bool before = binding.pos.line < name->pos.line ||
                  (binding.pos.line == name->pos.line && binding.pos.col < name->pos.col);
    if (!before && perflint::IsUsedAsRuff(model, id)) return false;
  }
  return true;
}

void CheckFor(const py::Node& node, CheckContext& context) {
  const py::Expr* target = nullptr;
  const py::Expr* iter = nullptr;
  if (const auto* loop = py::DynCast<py::For>(&node)) {
    target = loop->target;
    iter = loop->iter;
  } else {
    const auto& async_loop = static_cast<const py::AsyncFor&>(node);
    target = async_loop.target;
    iter = async_loop.iter;
  }
  const auto* tuple = py::DynCast<py::Tuple>(target);
  if (tuple == nullptr || tuple->elts.size() != 2) return;
  const auto* call = py::DynCast<py::Call>(iter);
  if (call == nullptr || !call->args.empty() || ds::MethodName(*call) != "items") return;
  const semantic::SemanticModel& model = context.model();
  semantic::ScopeId scope = model.ScopeOf(&node);
  bool key_unused = IsUnused(model, tuple->elts[0], scope);
  bool value_unused = IsUnused(model, tuple->elts[1], scope);
  if (key_unused == value_unused) return;
  std::string_view subset = key_unused ? "values" : "keys";
  context.Report(kRule, *call->func,
                 fmt::format("When using only the {0} of a dict use the `{0}()` method", subset));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor, python::NodeKind::kAsyncFor},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
