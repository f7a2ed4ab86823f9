// DS811: nothing makes the project an installable package.
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS811",
    .name = "not-installable",
    .area = Area::kPackaging,
    .severity = Severity::kMajor,
    .effort_minutes = 120,
    .what = "Reports a Python project with no `pyproject.toml` (with `[project]` or "
            "`[tool.poetry]`), no `setup.py` and no `setup.cfg`.",
    .why = "Code that cannot be `pip install`ed is run from a checkout with `sys.path` hacks: "
           "imports differ between notebook, tests and production, and nothing can depend on it.",
    .example = "```text\nrequirements.txt\ntrain.py\n```",
    .instead = "```toml\n[project]\nname = \"churn\"\nversion = \"0.1.0\"\n"
               "dependencies = [\"pandas==2.2.2\"]\n```",
};

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  if (inventory.CodeLines() == 0) return;
  if (inventory.Has(FileRole::kSetupPy) || inventory.Has(FileRole::kSetupCfg)) return;
  const PyprojectFacts& pyproject = context.packaging().pyproject;
  if (pyproject.has_project || pyproject.has_poetry) return;
  context.ReportProject(kRule, "the project is not installable: no pyproject.toml [project], "
                               "setup.py or setup.cfg");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
