// F401: an import whose name is never read.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "checks/check_context.h"
#include "checks/fix_util.h"

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

bool IsPackageInit(std::string_view path) {
  return path == "__init__.py" || path.ends_with("/__init__.py");
}

// Where the bound name is written: `b` of `import a as b`.
python::Position NamePosition(const python::Alias& alias) {
  python::Position pos = alias.pos;
  if (!alias.asname.empty() && pos.end_line == pos.line) {
    pos.col = pos.end_col - static_cast<uint32_t>(alias.asname.size());
  }
  return pos;
}

void CheckUnusedImports(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  std::unordered_map<semantic::BindingId, const semantic::ImportRecord*> records;
  for (const semantic::ImportRecord& record : model.imports()) records[record.binding] = &record;

  // The unused aliases of each statement, so each finding's fix removes them
  // all at once (the fixes of one statement would otherwise overlap).
  std::unordered_map<const python::Node*, std::vector<const python::Alias*>> unused_by_statement;
  std::vector<semantic::BindingId> unused;
  for (const semantic::UnusedBinding& candidate : model.unused_bindings()) {
    if (candidate.kind != semantic::UnusedKind::kImport) continue;
    const semantic::Binding& binding = model.binding(candidate.binding);
    const auto* alias = python::DynCast<python::Alias>(binding.node);
    if (alias == nullptr) continue;
    unused.push_back(candidate.binding);
    unused_by_statement[binding.statement].push_back(alias);
  }
  // Ruff leaves an import that a later binding replaced to F811.
  std::vector<bool> shadowed(model.bindings().size());
  for (const semantic::Binding& binding : model.bindings()) {
    if (binding.shadowed != semantic::kNoId) shadowed[binding.shadowed] = true;
  }
  bool in_init = IsPackageInit(context.path());
  for (semantic::BindingId id : unused) {
    if (shadowed[id]) continue;
    const semantic::Binding& binding = model.binding(id);
    const auto* alias = python::DynCast<python::Alias>(binding.node);
    auto record = records.find(id);
    std::string_view name = alias->name;
    if (record != records.end() && record->second->is_from) name = record->second->qualified_name;
    Diagnostic diagnostic{
        .rule = &kRule,
        .pos = NamePosition(*alias),
        .message = in_init ? fmt::format("`{}` imported but unused; consider removing, adding to "
                                         "`__all__`, or using a redundant alias",
                                         name)
                           : fmt::format("`{}` imported but unused", name)};
    // Removing an import from a package's __init__ changes its public API.
    if (!in_init) {
      const auto* statement = static_cast<const python::Stmt*>(binding.statement);
      diagnostic.fix =
          RemoveImportAliases(context, *statement, unused_by_statement[binding.statement]);
    }
    context.Report(std::move(diagnostic));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckUnusedImports});

}  // namespace dsaudit::checks
