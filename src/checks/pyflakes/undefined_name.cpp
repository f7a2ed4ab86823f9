// F821: a name that no scope, import or builtin defines.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/pyflakes/pyflakes_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "F821",
    .name = "undefined-name",
    .area = Area::kCodeQuality,
    .severity = Severity::kCritical,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for names that are read but never defined: not assigned, imported, a "
            "parameter or a builtin.",
    .why = "Reading an undefined name raises `NameError` when the line runs, which in a "
           "pipeline may be hours into a job, or never in tests because the branch is rare. "
           "Most are typos or a missing import.",
    .example = "```python\nimport pandas as pd\n\ndf = pd.read_csv(path)\nprint(np.mean(df.x))\n```",
    .instead = "```python\nimport numpy as np\nimport pandas as pd\n\ndf = "
               "pd.read_csv(path)\nprint(np.mean(df.x))\n```\n\nReads guarded by `except "
               "NameError` are not reported.",
};

void Report(CheckContext& context, const semantic::Reference& reference) {
  if (reference.Is(semantic::reference_flags::kExport)) return;
  if (pyflakes::InTryHandling(context.model(), reference.node, {"NameError"})) return;
  context.Report(kRule, reference.pos, fmt::format("Undefined name `{}`", reference.name));
}

void CheckUndefinedNames(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  for (semantic::ReferenceId id : model.unresolved_references()) {
    Report(context, model.reference(id));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckUndefinedNames});

}  // namespace dsaudit::checks
