// F405: a name that only a star import may define.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "F405",
    .name = "undefined-local-with-import-star-usage",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for names that nothing in the module defines, in a module with a star "
            "import that might.",
    .why = "Whether the name exists depends on what the star-imported module happens to export "
           "today; a typo and a missing import look exactly like a star-imported name.",
    .example = "```python\nfrom sklearn.metrics import *\n\nscore = f1_score(y, y_hat)\n```",
    .instead = "```python\nfrom sklearn.metrics import f1_score\n\nscore = f1_score(y, y_hat)\n```",
};

std::string Message(std::string_view name) {
  return fmt::format("`{}` may be undefined, or defined from star imports", name);
}

void CheckNames(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  for (const semantic::Reference& reference : model.references()) {
    if (!reference.Is(semantic::reference_flags::kMaybeStarImport)) continue;
    if (reference.Is(semantic::reference_flags::kExport)) continue;
    context.Report(kRule, reference.pos, Message(reference.name));
  }
  // __all__ entries no binding defines, when a star import may.
  const semantic::Scope& global = model.scope(semantic::SemanticModel::kGlobalScope);
  if (!global.Is(semantic::scope_flags::kUsesStarImport)) return;
  for (const semantic::Export& entry : model.exports()) {
    if (model.LookupBinding(semantic::SemanticModel::kGlobalScope, entry.name) != semantic::kNoId ||
        semantic::SemanticModel::IsBuiltin(entry.name)) {
      continue;
    }
    context.Report(kRule, *entry.node, Message(entry.name));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckNames});

}  // namespace dsaudit::checks
