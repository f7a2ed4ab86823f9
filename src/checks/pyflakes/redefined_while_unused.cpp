// F811: a definition or import replaced before it was ever used.
#include <fmt/format.h>

#include <vector>

#include "checks/check_context.h"
#include "checks/pyflakes/pyflakes_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "F811",
    .name = "redefined-while-unused",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for imports, functions and classes that are bound again before anything "
            "used them, and for assigned names that a definition or import replaces unread.",
    .why = "The first definition is dead code, and usually a mistake: a test function copied "
           "and not renamed never runs, and a second import of the same name silently decides "
           "which module the code uses.",
    .example = "```python\ndef test_fit():\n    ...\n\ndef test_fit():  # the first test never "
               "runs\n    ...\n```",
    .instead = "```python\ndef test_fit():\n    ...\n\ndef test_fit_with_weights():\n    ...\n```",
};

using semantic::Binding;
using semantic::BindingId;
using semantic::BindingKind;

// `import a.b` without an alias: ruff's submodule import.
bool IsSubmoduleImport(const Binding& binding) {
  const auto* alias = python::DynCast<python::Alias>(binding.node);
  return binding.kind == BindingKind::kImport && alias != nullptr && alias->asname.empty() &&
         alias->name.find('.') != std::string_view::npos;
}

bool IsImport(const Binding& binding) { return binding.IsImport(); }

std::string_view QualifiedName(const Binding& binding) {
  if (const auto* alias = python::DynCast<python::Alias>(binding.node)) {
    if (binding.kind == BindingKind::kImport) return alias->name;
  }
  return binding.qualified_name;
}

bool RebindsAnAssignment(BindingKind kind) {
  switch (kind) {
    case BindingKind::kClassDefinition:
    case BindingKind::kFunctionDefinition:
    case BindingKind::kImport:
    case BindingKind::kFromImport:
    case BindingKind::kWithTarget:
    case BindingKind::kExceptHandler:
      return true;
    default:
      return false;
  }
}

// ruff's Binding::redefines.
bool Redefines(const Binding& binding, const Binding& existing) {
  // A submodule import (`import a.b`) only redefines an import of the same
  // dotted name: `import json` then `import json.decoder` binds json once.
  if ((IsSubmoduleImport(binding) && existing.kind == BindingKind::kImport) ||
      (binding.kind == BindingKind::kImport && IsSubmoduleImport(existing))) {
    return QualifiedName(binding) == QualifiedName(existing);
  }
  if (binding.kind == BindingKind::kFromImport && IsSubmoduleImport(existing)) {
    return binding.qualified_name == QualifiedName(existing);
  }
  switch (binding.kind) {
    case BindingKind::kDeletion:
    case BindingKind::kAnnotation:
    case BindingKind::kGlobal:
    case BindingKind::kNonlocal:
      return false;
    default:
      break;
  }
  switch (existing.kind) {
    case BindingKind::kClassDefinition:
    case BindingKind::kFunctionDefinition:
      return true;
    case BindingKind::kImport:
      return !IsSubmoduleImport(existing);
    case BindingKind::kFromImport:
      return !existing.Is(semantic::binding_flags::kFutureImport);
    case BindingKind::kAssignment:
    case BindingKind::kAugmentedAssignment:
    case BindingKind::kAnnotatedAssignment:
    case BindingKind::kNamedExpr:
    case BindingKind::kMatchCapture:
    case BindingKind::kTypeAlias:
      // An assigned value is redefined by a definition, an import or a name
      // bound by `with`/`except`, not by another assignment (ruff 0.17,
      // measured kind by kind: `x = None` then `class x:` is F811).
      return RebindsAnAssignment(binding.kind);
    default:
      return false;
  }
}

// ruff's default dummy-variable-rgx.
bool IsDummyName(std::string_view name) {
  if (name.empty() || name.front() != '_') return false;
  if (name.find_first_not_of('_') == std::string_view::npos) return true;
  char last = name.back();
  return (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') ||
         (last >= '0' && last <= '9');
}

bool IsOverload(const semantic::SemanticModel& model, const Binding& binding) {
  std::span<python::Expr*> decorators;
  if (const auto* def = python::DynCast<python::FunctionDef>(binding.node)) {
    decorators = def->decorator_list;
  } else if (const auto* def = python::DynCast<python::AsyncFunctionDef>(binding.node)) {
    decorators = def->decorator_list;
  }
  for (const python::Expr* decorator : decorators) {
    if (model.Matches(decorator, "typing.overload") ||
        model.Matches(decorator, "typing_extensions.overload")) {
      return true;
    }
  }
  return false;
}

python::Position NamePosition(const Binding& binding) {
  if (const auto* alias = python::DynCast<python::Alias>(binding.node)) {
    return pyflakes::AliasNamePosition(*alias);
  }
  return binding.pos;
}

std::string_view DisplayName(const Binding& binding) {
  if (const auto* alias = python::DynCast<python::Alias>(binding.node)) {
    return alias->asname.empty() ? alias->name : alias->asname;
  }
  return binding.name;
}

// The binding a function's first binding of a name hides in the nearest
// enclosing function or module scope.
BindingId OuterBinding(const semantic::SemanticModel& model, const Binding& binding) {
  for (semantic::ScopeId scope = model.scope(binding.scope).parent; scope != semantic::kNoId;
       scope = model.scope(scope).parent) {
    semantic::ScopeKind kind = model.scope(scope).kind;
    if (kind != semantic::ScopeKind::kFunction && kind != semantic::ScopeKind::kModule) continue;
    BindingId found = model.LookupBinding(scope, binding.name);
    if (found != semantic::kNoId) return found;
  }
  return semantic::kNoId;
}

void Consider(CheckContext& context, BindingId new_id, BindingId old_id, bool same_scope) {
  const semantic::SemanticModel& model = context.model();
  const Binding& binding = model.binding(new_id);
  const Binding& shadowed = model.binding(old_id);
  if (binding.kind == BindingKind::kForTarget) return;
  if (pyflakes::UsedWithInherited(model, old_id)) return;
  if (!Redefines(binding, shadowed)) return;
  if (same_scope) {
    if (!IsImport(shadowed) && IsDummyName(binding.name)) return;
    if (shadowed.kind == BindingKind::kFunctionDefinition && IsOverload(model, shadowed)) return;
  } else if (!IsImport(shadowed)) {
    return;
  }
  if (shadowed.statement == nullptr || binding.statement == nullptr) return;
  if (pyflakes::BranchOf(model, shadowed.statement) != pyflakes::BranchOf(model, binding.statement)) {
    return;
  }
  context.Report({.rule = &kRule,
                  .pos = NamePosition(binding),
                  .message = fmt::format("Redefinition of unused `{}` from line {}",
                                         DisplayName(binding), NamePosition(shadowed).line),
                  .noqa_parent_line = pyflakes::ImportFromNoqaLine(binding)});
}

void CheckRedefinitions(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  std::span<const Binding> bindings = model.bindings();
  for (BindingId id = 0; id < bindings.size(); ++id) {
    const Binding& binding = bindings[id];
    if (binding.shadowed != semantic::kNoId) {
      Consider(context, id, binding.shadowed, true);
      continue;
    }
    if (model.scope(binding.scope).kind == semantic::ScopeKind::kModule) continue;
    if (binding.Is(semantic::binding_flags::kRedirected)) continue;
    BindingId outer = OuterBinding(model, binding);
    if (outer != semantic::kNoId) Consider(context, id, outer, false);
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckRedefinitions});

}  // namespace dsaudit::checks
