// DS861: Reports Kubernetes containers without CPU and memory requests and limits.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS861",
    .name = "k8s-missing-resources",
    .area = Area::kCost,
    .severity = Severity::kMajor,
    .effort_minutes = 20,
    .what = "Reports containers of Kubernetes workloads that set no CPU or memory `requests` or `limits`, and Helm charts whose values leave `resources` empty (`{}`, as `helm create` writes it) in every values file.",
    .why = "Without requests the scheduler packs pods blindly and the cluster autoscaler sizes nodes by guesswork; without limits one leaking model server takes the node's memory and its neighbours with it. Both make the cloud bill unpredictable.",
    .example = "```yaml\ncontainers:\n  - name: api\n    image: churn-api:1.4\n```",
    .instead = "```yaml\ncontainers:\n  - name: api\n    image: churn-api:1.4\n    resources:\n      requests: {cpu: 500m, memory: 1Gi}\n      limits: {memory: 2Gi}\n```",
};

// What `resources` leaves out. A CPU limit is often left out on purpose
// (throttling); memory is not.
std::vector<std::string> MissingResources(const YAML::Node& resources) {
  std::vector<std::string> missing;
  for (const char* group : {"requests", "limits"}) {
    for (const char* resource : {"cpu", "memory"}) {
      if (!Child(Child(resources, group), resource)) missing.push_back(fmt::format("{}.{}", group, resource));
    }
  }
  std::erase(missing, "limits.cpu");
  return missing;
}

// A chart's `resources:` value (`{}` in what `helm create` writes): reported
// unless one of the chart's values files (values-prod.yaml) fills it in.
void CheckHelmCharts(AuditContext& context) {
  for (const std::vector<const HelmValues*>& chart : context.infra().HelmCharts()) {
    const HelmValues* first = nullptr;
    bool complete = false;
    for (const HelmValues* values : chart) {
      YAML::Node resources = Child(values->values, "resources");
      if (!resources) continue;
      if (first == nullptr) first = values;
      if (MissingResources(resources).empty()) complete = true;
    }
    if (first == nullptr || complete) continue;
    YAML::Node resources = Child(first->values, "resources");
    const InventoryFile& file = *first->yaml->file;
    context.Report(kRule, file, NodeSpan(file, resources),
                   fmt::format("Helm chart '{}' sets no {} in its values' resources", first->chart,
                               fmt::join(MissingResources(resources), ", ")));
  }
}

void Run(AuditContext& context) {
  CheckHelmCharts(context);
  for (const Workload& workload : context.infra().workloads) {
    for (const YAML::Node& container : InfraModel::Containers(workload)) {
      YAML::Node resources = Child(container, "resources");
      std::vector<std::string> missing = MissingResources(resources);
      if (missing.empty()) continue;
      YAML::Node name = Child(container, "name");
      context.Report(kRule, *workload.yaml->file, NodeSpan(*workload.yaml->file, name ? name : container),
                     fmt::format("container '{}' of {} '{}' sets no {}", ScalarOf(name), workload.kind,
                                 workload.name, fmt::join(missing, ", ")));
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
