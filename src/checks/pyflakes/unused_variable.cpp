// F841: a local variable assigned and never read.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/pyflakes/pyflakes_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "F841",
    .name = "unused-variable",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for local variables of a function that are assigned but never read, and "
            "for `except ... as name` where the name is never read.",
    .why = "An unused result is either dead work (a whole prediction or a query computed for "
           "nothing) or a bug: the value was meant to be returned or used in the next line, "
           "which uses another variable by mistake.",
    .example = "```python\ndef evaluate(model, X, y):\n    predictions = model.predict(X)\n    "
               "return model.score(X, y)\n```",
    .instead = "```python\ndef evaluate(model, X, y):\n    return model.score(X, y)\n```\n\nNames "
               "starting with `_` are taken as intentionally unused. Tuple unpacking "
               "(`a, b = pair`) is not reported.",
};

bool IsCollection(const python::Expr* expr) {
  return python::Isa<python::Tuple>(expr) || python::Isa<python::List>(expr) ||
         python::Isa<python::Set>(expr);
}

bool Contains(const python::Expr* container, const python::Node* target) {
  if (container == target) return true;
  if (const auto* tuple = python::DynCast<python::Tuple>(container)) {
    for (const python::Expr* element : tuple->elts) {
      if (Contains(element, target)) return true;
    }
  } else if (const auto* list = python::DynCast<python::List>(container)) {
    for (const python::Expr* element : list->elts) {
      if (Contains(element, target)) return true;
    }
  } else if (const auto* starred = python::DynCast<python::Starred>(container)) {
    return Contains(starred->value, target);
  }
  return false;
}

// ruff's is_unpacking_assignment: `a, b = pair` unpacks, `(a, b) = (1, 2)` does not.
bool IsUnpacking(const python::Node* statement, const python::Node* target) {
  if (const auto* with = python::DynCast<python::With>(statement)) {
    for (const python::WithItem* item : with->items) {
      if (python::Isa<python::Tuple>(item->optional_vars) && Contains(item->optional_vars, target)) {
        return true;
      }
    }
    return false;
  }
  const auto* assign = python::DynCast<python::Assign>(statement);
  if (assign == nullptr) return false;
  bool value_is_tuple = IsCollection(assign->value);
  bool targets_are_tuples = true;
  bool child_in_tuple = false;
  for (const python::Expr* item : assign->targets) {
    if (!IsCollection(item)) {
      targets_are_tuples = false;
    } else if (Contains(item, target)) {
      child_in_tuple = true;
    }
  }
  child_in_tuple = child_in_tuple || targets_are_tuples;
  if (child_in_tuple && !value_is_tuple) return true;
  if (!child_in_tuple && value_is_tuple) return false;
  if (child_in_tuple && value_is_tuple) return !targets_are_tuples;
  return false;
}

std::string Message(std::string_view name) {
  return fmt::format("Local variable `{}` is assigned to but never used", name);
}

// ruff's default dummy-variable-rgx and the frameworks' magic locals.
bool IsIgnoredName(std::string_view name) {
  if (name == "__tracebackhide__" || name == "__traceback_info__" ||
      name == "__traceback_supplement__" || name == "__debuggerskip__") {
    return true;
  }
  if (name.empty() || name.front() != '_') return false;
  if (name.find_first_not_of('_') == std::string_view::npos) return true;
  char last = name.back();
  return (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') ||
         (last >= '0' && last <= '9');
}

bool IsCandidateKind(semantic::BindingKind kind) {
  switch (kind) {
    case semantic::BindingKind::kAssignment:
    case semantic::BindingKind::kAugmentedAssignment:
    case semantic::BindingKind::kAnnotatedAssignment:
    case semantic::BindingKind::kNamedExpr:
    case semantic::BindingKind::kWithTarget:
      return true;
    default:
      return false;
  }
}

void CheckUnusedVariables(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  for (const semantic::UnusedBinding& candidate : model.unused_bindings()) {
    if (candidate.kind != semantic::UnusedKind::kExceptName) continue;
    const semantic::Binding& binding = model.binding(candidate.binding);
    const auto* handler = python::DynCast<python::ExceptHandler>(binding.node);
    context.Report(kRule, handler != nullptr ? handler->name_pos : binding.pos,
                   Message(binding.name));
  }
  std::span<const semantic::Binding> bindings = model.bindings();
  for (semantic::BindingId id = 0; id < bindings.size(); ++id) {
    const semantic::Binding& binding = bindings[id];
    if (!IsCandidateKind(binding.kind)) continue;
    const semantic::Scope& scope = model.scope(binding.scope);
    if (scope.kind == semantic::ScopeKind::kFunction) {
      if (scope.Is(semantic::scope_flags::kUsesLocals)) continue;
    } else if (scope.kind != semantic::ScopeKind::kLambda) {
      continue;
    }
    if (binding.Is(semantic::binding_flags::kRedirected) || IsIgnoredName(binding.name)) continue;
    // ruff looks only at the binding in force for each name, which inherits
    // the reads of those it replaced.
    if (model.LookupBinding(binding.scope, binding.name) != id) continue;
    if (pyflakes::UsedWithInherited(model, id)) continue;
    if (binding.Is(semantic::binding_flags::kUnpacked) &&
        IsUnpacking(binding.statement, binding.node)) {
      continue;
    }
    context.Report(kRule, binding.pos, Message(binding.name));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckUnusedVariables});

}  // namespace dsaudit::checks
