// DS801: the project has code but not a single test file.
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS801",
    .name = "no-tests",
    .area = Area::kTests,
    .severity = Severity::kCritical,
    .effort_minutes = 480,
    .what = "Reports a project with Python code and no test files (`test_*.py`, `*_test.py`, "
            "`conftest.py` or anything under `tests/`).",
    .why = "Without tests every change to features, training or serving code is a gamble: "
           "regressions reach production and refactoring is never safe.",
    .example = "```text\ntrain.py\nserve.py\nfeatures.py\n```",
    .instead = "```text\ntrain.py\nfeatures.py\ntests/test_features.py\n```",
};

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  if (inventory.CodeLines() == 0) return;
  for (const InventoryFile& file : inventory.files) {
    if (file.is_test) return;
  }
  context.ReportProject(kRule, "the project has no tests");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
