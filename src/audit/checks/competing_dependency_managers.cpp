// DS813: several dependency managers each claim to describe the environment.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS813",
    .name = "competing-dependency-managers",
    .area = Area::kPackaging,
    .severity = Severity::kMajor,
    .effort_minutes = 120,
    .what = "Reports a project whose dependencies are declared for more than one manager: pip "
            "requirements files, Pipenv, Poetry, conda.",
    .why = "Each file drifts on its own; which one production uses is anybody's guess, and the "
           "versions in them disagree sooner or later.",
    .example = "```text\nrequirements.txt\nPipfile\nenvironment.yml\n```",
    .instead = "Pick one (e.g. `pyproject.toml` with a lock file) and generate the others from it "
               "if a tool needs them.",
};

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  std::vector<std::string> managers;
  if (inventory.Has(FileRole::kRequirements)) managers.push_back("pip (requirements.txt)");
  if (inventory.Has(FileRole::kPipfile)) managers.push_back("pipenv (Pipfile)");
  if (context.packaging().pyproject.has_poetry || inventory.Has(FileRole::kPoetryLock)) {
    managers.push_back("poetry");
  }
  if (inventory.Has(FileRole::kCondaEnv)) managers.push_back("conda (environment.yml)");
  if (managers.size() < 2) return;
  context.ReportProject(kRule, fmt::format("{} dependency managers compete: {}", managers.size(),
                                           fmt::join(managers, ", ")));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
