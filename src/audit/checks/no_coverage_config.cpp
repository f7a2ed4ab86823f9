// DS803: tests exist, but nothing measures what they cover.
#include "audit/checks/ci_util.h"
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS803",
    .name = "no-coverage-config",
    .area = Area::kTests,
    .severity = Severity::kMinor,
    .effort_minutes = 30,
    .what = "Reports a project with tests but no coverage configuration: no `.coveragerc`, no "
            "`[tool.coverage]`, no `[coverage:*]` section, no `--cov` in pytest options or CI.",
    .why = "Without coverage nobody knows which code the tests exercise, and coverage cannot be "
           "kept from falling.",
    .example = "```toml\n[tool.pytest.ini_options]\naddopts = \"-q\"\n```",
    .instead = "```toml\n[tool.pytest.ini_options]\naddopts = \"-q --cov=forecast\"\n\n"
               "[tool.coverage.report]\nfail_under = 80\n```",
};

bool MentionsCoverage(const InventoryFile& file) {
  return file.text.find("[coverage:") != std::string::npos ||
         file.text.find("--cov") != std::string::npos ||
         file.text.find("coverage run") != std::string::npos;
}

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  bool has_tests = false;
  for (const InventoryFile& file : inventory.files) {
    if (file.is_test) has_tests = true;
    if (file.path.ends_with(".coveragerc")) return;
    if ((file.role == FileRole::kSetupCfg || file.role == FileRole::kToxIni ||
         file.role == FileRole::kLinterConfig || file.role == FileRole::kNoxfile) &&
        MentionsCoverage(file)) {
      return;
    }
  }
  if (!has_tests) return;
  if (context.packaging().pyproject.has_coverage) return;
  static constexpr std::string_view kCoverageCommands[] = {"--cov", "coverage run", "coverage xml",
                                                           "codecov"};
  if (CiMentions(inventory, kCoverageCommands)) return;
  context.ReportProject(kRule, "tests exist but no coverage is configured");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
