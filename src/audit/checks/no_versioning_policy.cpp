// DS834: no way to tell one release from the next.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS834",
    .name = "no-versioning-policy",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 60,
    .what = "Reports a project missing two or more of: a version in its package metadata, git "
            "tags, a changelog.",
    .why = "Without versions nobody can say which code produced a model or which release is "
           "running, and rolling back means guessing a commit.",
    .example = "No `version` in `pyproject.toml`, no tags, no `CHANGELOG.md`.",
    .instead = "Set `version` (or derive it from tags with setuptools-scm), tag each release and "
               "keep a `CHANGELOG.md`.",
};

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  if (inventory.CodeLines() == 0) return;
  std::vector<std::string> missing;
  bool version = context.packaging().pyproject.has_version;
  for (const InventoryFile* file : inventory.Files(FileRole::kSetupPy)) {
    version = version || file->text.find("version") != std::string::npos;
  }
  for (const InventoryFile* file : inventory.Files(FileRole::kSetupCfg)) {
    version = version || file->text.find("version") != std::string::npos;
  }
  if (!version) missing.push_back("no package version");
  if (inventory.git_tags == 0) missing.push_back("no git tags");
  if (!inventory.Has(FileRole::kChangelog)) missing.push_back("no changelog");
  if (missing.size() < 2) return;
  context.ReportProject(kRule, fmt::format("no versioning policy: {}", fmt::join(missing, ", ")));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
