// E402: a module-level import after other code.
#include <string_view>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E402",
    .name = "module-import-not-at-top-of-file",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for module-level imports that follow other statements.",
    .why = "Imports at the top show a module's dependencies at a glance. An import after code "
           "runs only once that code has run, so import errors surface late and the order of "
           "side effects becomes hard to follow.",
    .example = "```python\nimport pandas as pd\n\nDATA = pd.read_csv(\"data.csv\")\n\nimport "
               "numpy as np\n```",
    .instead = "```python\nimport numpy as np\nimport pandas as pd\n\nDATA = "
               "pd.read_csv(\"data.csv\")\n```\n\nA docstring, `__future__` imports, dunder "
               "assignments (`__all__`), `sys.path` and `os.environ` changes, "
               "`matplotlib.use()` and a bare `pytest.importorskip()` call may come before imports, and "
               "code inside `if`, `try` and `with` blocks does not end the import section.",
};

bool IsDunder(std::string_view name) {
  return name.size() >= 2 && name.starts_with("__") && name.ends_with("__");
}

bool IsAssignmentToDunder(const python::Stmt* statement) {
  if (const auto* assign = python::DynCast<python::Assign>(statement)) {
    if (assign->targets.size() != 1) return false;
    const auto* name = python::DynCast<python::Name>(assign->targets[0]);
    return name != nullptr && IsDunder(name->id);
  }
  if (const auto* annotated = python::DynCast<python::AnnAssign>(statement)) {
    const auto* name = python::DynCast<python::Name>(annotated->target);
    return name != nullptr && IsDunder(name->id);
  }
  return false;
}

bool CallMatchesAny(const semantic::SemanticModel& model, const python::Stmt* statement,
                    std::initializer_list<std::string_view> names) {
  const auto* expression = python::DynCast<python::ExprStmt>(statement);
  if (expression == nullptr) return false;
  const auto* call = python::DynCast<python::Call>(expression->value);
  if (call == nullptr) return false;
  for (std::string_view name : names) {
    if (model.Matches(call->func, name)) return true;
  }
  return false;
}

bool IsEnvironSubscript(const semantic::SemanticModel& model, const python::Expr* target) {
  const auto* subscript = python::DynCast<python::Subscript>(target);
  return subscript != nullptr && model.Matches(subscript->value, "os.environ");
}

bool IsOsEnvironModification(const semantic::SemanticModel& model, const python::Stmt* statement) {
  if (CallMatchesAny(model, statement,
                     {"os.putenv", "os.unsetenv", "os.environ.update", "os.environ.pop",
                      "os.environ.clear", "os.environ.setdefault", "os.environ.popitem"})) {
    return true;
  }
  auto any_target = [&](std::span<python::Expr*> targets) {
    for (const python::Expr* target : targets) {
      if (IsEnvironSubscript(model, target)) return true;
    }
    return false;
  };
  if (const auto* del = python::DynCast<python::Delete>(statement)) return any_target(del->targets);
  if (const auto* assign = python::DynCast<python::Assign>(statement)) {
    return any_target(assign->targets);
  }
  if (const auto* aug = python::DynCast<python::AugAssign>(statement)) {
    return IsEnvironSubscript(model, aug->target);
  }
  if (const auto* annotated = python::DynCast<python::AnnAssign>(statement)) {
    return IsEnvironSubscript(model, annotated->target);
  }
  return false;
}

// Statements that may precede imports without ending the import section.
bool KeepsImportSection(const semantic::SemanticModel& model, const python::Stmt* statement) {
  switch (statement->kind) {
    case python::NodeKind::kIf:
    case python::NodeKind::kTry:
    case python::NodeKind::kTryStar:
    case python::NodeKind::kWith:
    case python::NodeKind::kAsyncWith:
    case python::NodeKind::kMatch:
      return true;
    default:
      break;
  }
  return IsAssignmentToDunder(statement) ||
         CallMatchesAny(model, statement, {"matplotlib.use"}) ||
         CallMatchesAny(model, statement,
                        {"sys.path.append", "sys.path.insert", "sys.path.extend",
                         "sys.path.remove", "sys.path.pop", "sys.path.clear", "sys.path.reverse",
                         "sys.path.sort"}) ||
         IsOsEnvironModification(model, statement) ||
         CallMatchesAny(model, statement, {"pytest.importorskip"});
}

bool IsStringLiteral(const python::Stmt* statement) {
  const auto* expression = python::DynCast<python::ExprStmt>(statement);
  if (expression == nullptr) return false;
  const auto* constant = python::DynCast<python::Constant>(expression->value);
  return constant != nullptr && constant->value.kind == python::ConstantKind::kStr;
}

void CheckModule(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  bool seen_docstring = false;
  bool boundary = false;
  for (const python::Stmt* statement : context.module().body) {
    bool is_import = python::Isa<python::Import>(statement) ||
                     python::Isa<python::ImportFrom>(statement);
    if (is_import) {
      seen_docstring = true;
      if (boundary) context.Report(kRule, *statement, "Module level import not at top of file");
      continue;
    }
    if (!seen_docstring && IsStringLiteral(statement)) {
      seen_docstring = true;
      continue;
    }
    seen_docstring = true;
    if (!boundary && !KeepsImportSection(model, statement)) boundary = true;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckModule});

}  // namespace dsaudit::checks
