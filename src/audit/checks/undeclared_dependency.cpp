// DS814: a third-party module is imported but no dependency provides it.
#include <fmt/format.h>

#include <set>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS814",
    .name = "undeclared-dependency",
    .area = Area::kPackaging,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .what = "Reports the first import of each third-party module that no declared dependency "
            "provides (import names are mapped to distributions: `sklearn` to `scikit-learn`, "
            "`cv2` to `opencv-python`, `yaml` to `PyYAML`, `PIL` to `Pillow`, ...).",
    .why = "The code works on the author's machine because the package happens to be installed; "
           "a fresh environment, the Docker image or a colleague's laptop fails at import time.",
    .example = "```python\nimport xgboost  # not in requirements.txt\n```",
    .instead = "Add `xgboost==2.0.3` to the project's dependencies.",
};

void Run(AuditContext& context) {
  const PackagingModel& model = context.packaging();
  if (model.dependencies.empty()) return;  // nothing declared at all: DS811/DS816 say so
  std::set<std::string> declared;
  for (const Dependency& dependency : model.dependencies) declared.insert(dependency.name);
  for (const PackagingModel::Import& import : model.third_party_imports) {
    bool provided = false;
    for (const std::string& distribution : DistributionsFor(import.module)) {
      provided = provided || declared.count(distribution) > 0;
    }
    if (provided) continue;
    context.Report(kRule, *import.file, import.span,
                   fmt::format("'{}' is imported but no declared dependency provides it "
                               "(expected '{}')",
                               import.module, DistributionsFor(import.module).back()));
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
