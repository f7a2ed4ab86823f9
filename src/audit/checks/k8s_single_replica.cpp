// DS871: Reports serving Kubernetes workloads with one replica and no HorizontalPodAutoscaler.
#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS871",
    .name = "k8s-single-replica",
    .area = Area::kScaling,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .what = "Reports Deployments and StatefulSets that run one replica (or leave `replicas` unset, which means one) and that no HorizontalPodAutoscaler targets, and Helm charts whose values keep `replicaCount: 1` with `autoscaling.enabled` off in every values file.",
    .why = "One replica is one point of failure: every deploy, node drain or crash is an outage, and a traffic peak has nowhere to go.",
    .example = "```yaml\nkind: Deployment\nspec:\n  replicas: 1\n```",
    .instead = "```yaml\nkind: Deployment\nspec:\n  replicas: 2\n---\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef: {kind: Deployment, name: churn-api}\n  minReplicas: 2\n  maxReplicas: 10\n```",
};

// A chart whose values keep `replicaCount: 1` and never enable autoscaling
// in any of its values files.
void CheckHelmCharts(AuditContext& context) {
  for (const std::vector<const HelmValues*>& chart : context.infra().HelmCharts()) {
    const HelmValues* single = nullptr;
    bool scaled = false;
    for (const HelmValues* values : chart) {
      std::string count = ScalarOf(Child(values->values, "replicaCount"));
      if (ScalarOf(Child(Child(values->values, "autoscaling"), "enabled")) == "true" ||
          (!count.empty() && count != "1" && count != "0")) {
        scaled = true;
      }
      if (single == nullptr && count == "1") single = values;
    }
    if (single == nullptr || scaled) continue;
    const InventoryFile& file = *single->yaml->file;
    context.Report(kRule, file, NodeSpan(file, Child(single->values, "replicaCount")),
                   fmt::format("Helm chart '{}' runs a single replica (replicaCount: 1) and does "
                               "not enable autoscaling",
                               single->chart));
  }
}

void Run(AuditContext& context) {
  CheckHelmCharts(context);
  const InfraModel& infra = context.infra();
  for (const Workload& workload : infra.workloads) {
    if (workload.kind != "Deployment" && workload.kind != "StatefulSet") continue;
    if (infra.autoscaled.contains(workload.name)) continue;
    YAML::Node replicas = Child(Child(workload.document, "spec"), "replicas");
    std::string count = ScalarOf(replicas);
    if (replicas && count != "1" && count != "0") continue;
    const InventoryFile& file = *workload.yaml->file;
    context.Report(kRule, file, NodeSpan(file, replicas ? replicas : workload.kind_node),
                   fmt::format("{} '{}' runs a single replica and has no autoscaler", workload.kind,
                               workload.name));
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
