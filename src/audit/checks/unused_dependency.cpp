// DS815: a runtime dependency that no file imports.
#include <fmt/format.h>

#include <set>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS815",
    .name = "unused-dependency",
    .area = Area::kPackaging,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .what = "Reports runtime dependencies that no Python file or notebook imports; command-line "
            "tools (pytest, gunicorn, jupyter, linters) and dev/test groups are exempt.",
    .why = "Every unused dependency enlarges the image, slows installs and adds vulnerabilities "
           "and version conflicts for nothing.",
    .example = "```text\npandas==2.2.2\nseaborn==0.13.2  # never imported\n```",
    .instead = "```text\npandas==2.2.2\n```",
};

void Run(AuditContext& context) {
  const PackagingModel& model = context.packaging();
  if (model.imported.empty()) return;
  std::set<std::string> provided;
  for (const std::string& module : model.imported) {
    for (std::string& distribution : DistributionsFor(module)) provided.insert(std::move(distribution));
  }
  for (const Dependency& dependency : model.dependencies) {
    if (dependency.dev || IsToolDistribution(dependency.name)) continue;
    if (provided.count(dependency.name) > 0) continue;
    context.Report(kRule, *dependency.file, dependency.span,
                   fmt::format("dependency '{}' is never imported", dependency.name));
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
