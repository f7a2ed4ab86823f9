// DS862: Reports compose services without deploy.resources.limits.
#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS862",
    .name = "compose-missing-resource-limits",
    .area = Area::kCost,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .what = "Reports docker-compose services that set no `deploy.resources.limits` (nor the version-2 `mem_limit`/`cpus`).",
    .why = "Without limits one container (a training job, a leaking worker) takes the whole host's memory and the other services die with it; on a rented host it also hides how big a machine the service really needs.",
    .example = "```yaml\nservices:\n  api:\n    image: churn-api:1.4\n```",
    .instead = "```yaml\nservices:\n  api:\n    image: churn-api:1.4\n    deploy:\n      resources:\n        limits: {cpus: \"2\", memory: 2G}\n```",
};

void Run(AuditContext& context) {
  for (const ComposeService& service : context.infra().services) {
    if (Child(Child(Child(service.body, "deploy"), "resources"), "limits")) continue;
    if (Child(service.body, "mem_limit") || Child(service.body, "cpus")) continue;
    const InventoryFile& file = *service.yaml->file;
    context.Report(kRule, file, NodeSpan(file, service.key),
                   fmt::format("service '{}' has no CPU or memory limits", service.name));
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
