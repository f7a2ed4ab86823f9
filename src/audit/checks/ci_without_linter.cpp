// DS832: CI exists but runs no linter or type checker.
#include "audit/checks/ci_util.h"
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS832",
    .name = "ci-without-linter",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 30,
    .what = "Reports CI configuration that runs no linter, formatter check or type checker "
            "(ruff, flake8, pylint, black, mypy, pre-commit, dsaudit, ...).",
    .why = "Style and static errors caught in review cost reviewer time; caught in CI they cost "
           "nothing.",
    .example = "```yaml\n      - run: pytest\n```",
    .instead = "```yaml\n      - run: ruff check .\n      - run: pytest\n```",
};

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  if (CiMentions(inventory, kLintCommands)) return;
  for (const InventoryFile* file : CiFiles(inventory)) {
    context.Report(kRule, *file, {}, "CI configuration runs no linter");
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
