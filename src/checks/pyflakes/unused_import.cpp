// F401: an import whose name is never read.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <vector>

#include "checks/check_context.h"
#include "checks/fix_util.h"
#include "checks/pyflakes/pyflakes_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "F401",
    .name = "unused-import",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = true,
    .what = "Checks for imported names that the module never uses.",
    .why = "Unused imports slow start-up (importing pandas or torch costs seconds), hide real "
           "dependencies and make readers look for a use that is not there.",
    .example = "```python\nimport os\nimport pandas as pd\n\nprint(pd.__version__)\n```",
    .instead = "```python\nimport pandas as pd\n\nprint(pd.__version__)\n```\n\nTo re-export a "
               "name from a package, write `from m import x as x` or list it in `__all__`.",
};

void CheckUnusedImports(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  std::unordered_map<semantic::BindingId, const semantic::ImportRecord*> records;
  for (const semantic::ImportRecord& record : model.imports()) records[record.binding] = &record;

  // ruff judges only the binding in force for each name; one that a later
  // binding replaced is F811's business.
  std::vector<bool> shadowed(model.bindings().size());
  for (const semantic::Binding& binding : model.bindings()) {
    if (binding.shadowed != semantic::kNoId) shadowed[binding.shadowed] = true;
  }
  // The unused aliases of each statement, so each finding's fix removes them
  // all at once (the fixes of one statement would otherwise overlap).
  std::unordered_map<const python::Node*, std::vector<const python::Alias*>> unused_by_statement;
  // As ruff: `import pkg.sub` counts as used where an alias of the package
  // itself (`import pkg as p`) is used in the same scope, since `p.sub`
  // reaches the submodule only because of that import.
  std::set<std::pair<semantic::ScopeId, std::string_view>> used_package_aliases;
  for (semantic::BindingId id = 0; id < model.bindings().size(); ++id) {
    const semantic::Binding& binding = model.binding(id);
    const auto* alias = python::DynCast<python::Alias>(binding.node);
    if (binding.kind == semantic::BindingKind::kImport && alias != nullptr &&
        !alias->asname.empty() && alias->name.find('.') == std::string_view::npos &&
        model.IsUsed(id)) {
      used_package_aliases.emplace(binding.scope, alias->name);
    }
  }
  auto reached_through_package_alias = [&](const semantic::Binding& binding,
                                           const python::Alias& alias) {
    size_t dot = alias.name.find('.');
    return binding.kind == semantic::BindingKind::kImport && alias.asname.empty() &&
           dot != std::string_view::npos &&
           used_package_aliases.contains({binding.scope, alias.name.substr(0, dot)});
  };
  std::vector<semantic::BindingId> unused;
  for (const semantic::UnusedBinding& candidate : model.unused_bindings()) {
    if (candidate.kind != semantic::UnusedKind::kImport) continue;
    if (shadowed[candidate.binding]) continue;
    const semantic::Binding& binding = model.binding(candidate.binding);
    // `global qtpy; import qtpy` in a function sets a module name others
    // read: ruff never reports a global or nonlocal import.
    if (binding.Is(semantic::binding_flags::kRedirected)) continue;
    // A class body's import is a class attribute (`from email.iterators
    // import walk` makes a method): ruff checks module and function scopes.
    if (model.scope(binding.scope).kind == semantic::ScopeKind::kClass) continue;
    const auto* alias = python::DynCast<python::Alias>(binding.node);
    if (alias == nullptr || pyflakes::UsedWithInherited(model, candidate.binding)) continue;
    if (reached_through_package_alias(binding, *alias)) continue;
    unused.push_back(candidate.binding);
    unused_by_statement[binding.statement].push_back(alias);
  }
  bool in_init = semantic::IsPackageInit(context.path());
  for (semantic::BindingId id : unused) {
    const semantic::Binding& binding = model.binding(id);
    const auto* alias = python::DynCast<python::Alias>(binding.node);
    const auto* statement = static_cast<const python::Stmt*>(binding.statement);
    auto record = records.find(id);
    std::string_view name = alias->name;
    if (record != records.end() && record->second->is_from) name = record->second->qualified_name;
    const auto* from = python::DynCast<python::ImportFrom>(statement);
    bool first_party = from != nullptr && from->level > 0;
    // A guarded import tests whether a module is installed: removing it
    // would change what the program does.
    bool guarded = pyflakes::InTryHandling(model, statement, {"ImportError", "ModuleNotFoundError"});
    Diagnostic diagnostic{.rule = &kRule,
                          .pos = pyflakes::AliasNamePosition(*alias),
                          .noqa_parent_line = pyflakes::ImportFromNoqaLine(binding)};
    if (guarded) {
      diagnostic.message = fmt::format(
          "`{}` imported but unused; consider using `importlib.util.find_spec` to test for "
          "availability",
          name);
    } else if (in_init && first_party) {
      diagnostic.message = fmt::format(
          "`{}` imported but unused; consider removing, adding to `__all__`, or using a "
          "redundant alias",
          name);
    } else {
      diagnostic.message = fmt::format("`{}` imported but unused", name);
    }
    // Removing an import from a package's __init__ changes its public API.
    if (!in_init && !guarded) {
      diagnostic.fix = pyflakes::RemoveImport(context, *statement,
                                              unused_by_statement[binding.statement]);
    }
    context.Report(std::move(diagnostic));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckUnusedImports});

}  // namespace dsaudit::checks
