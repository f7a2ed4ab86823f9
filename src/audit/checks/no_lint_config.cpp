// DS835: no pre-commit hooks and no linter configuration.
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS835",
    .name = "no-lint-config",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 30,
    .what = "Reports a project with no `.pre-commit-config.yaml` and no linter configuration "
            "(`[tool.ruff]`, `[tool.black]`, `[tool.pylint]`, `.flake8`, `[flake8]` in "
            "`setup.cfg`/`tox.ini`, `mypy.ini`, ...).",
    .why = "Without an agreed configuration every contributor formats and lints differently (or "
           "not at all), and reviews drown in style.",
    .example = "A repository with no linter settings.",
    .instead = "```yaml\n# .pre-commit-config.yaml\nrepos:\n  - repo: "
               "https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.4.4\n    hooks:\n"
               "      - id: ruff\n```",
};

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  if (inventory.CodeLines() == 0) return;
  if (inventory.Has(FileRole::kPreCommit) || context.packaging().pyproject.has_lint) return;
  for (const InventoryFile& file : inventory.files) {
    if (file.role == FileRole::kLinterConfig && !file.path.ends_with(".coveragerc") &&
        !file.path.ends_with("pytest.ini")) {
      return;
    }
    if ((file.role == FileRole::kSetupCfg || file.role == FileRole::kToxIni) &&
        (file.text.find("[flake8]") != std::string::npos ||
         file.text.find("[pylint") != std::string::npos || file.text.find("[mypy") != std::string::npos)) {
      return;
    }
  }
  context.ReportProject(kRule, "no pre-commit hooks or linter configuration");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
