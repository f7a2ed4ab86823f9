// DS804: the project has tests and CI, but CI never runs the tests.
#include "audit/checks/ci_util.h"
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS804",
    .name = "tests-not-run-in-ci",
    .area = Area::kTests,
    .severity = Severity::kMajor,
    .effort_minutes = 60,
    .what = "Reports CI configuration that runs no test command (pytest, unittest, tox, nox, "
            "`make test`) although the project has tests.",
    .why = "Tests that only run on someone's laptop stop running; CI is what keeps them green.",
    .example = "```yaml\njobs:\n  build:\n    steps:\n      - run: pip install -r requirements.txt\n```",
    .instead = "```yaml\n      - run: pip install -r requirements.txt\n      - run: pytest\n```",
};

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  std::vector<const InventoryFile*> ci = CiFiles(inventory);
  if (ci.empty()) return;
  bool has_tests = false;
  for (const InventoryFile& file : inventory.files) has_tests = has_tests || file.is_test;
  if (!has_tests || CiMentions(inventory, kTestCommands)) return;
  for (const InventoryFile* file : ci) {
    context.Report(kRule, *file, {}, "CI configuration runs no tests");
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
