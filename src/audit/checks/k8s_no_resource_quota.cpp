// DS863: Reports Kubernetes manifests that deploy workloads but define no ResourceQuota or LimitRange.
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS863",
    .name = "k8s-no-resource-quota",
    .area = Area::kCost,
    .severity = Severity::kMinor,
    .effort_minutes = 30,
    .what = "Reports a project whose Kubernetes manifests deploy workloads but define neither a `ResourceQuota` nor a `LimitRange` for their namespace.",
    .why = "A quota caps what a namespace can ask for, and a LimitRange gives every container defaults: together they stop one experiment from scaling the cluster (and the bill) without anyone deciding it.",
    .example = "```yaml\nkind: Deployment\n# ... and nothing else in the namespace\n```",
    .instead = "```yaml\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: ml-quota}\nspec:\n  hard: {requests.cpu: \"16\", requests.memory: 64Gi, requests.nvidia.com/gpu: \"2\"}\n```",
};

void Run(AuditContext& context) {
  const InfraModel& infra = context.infra();
  if (infra.workloads.empty()) return;
  if (infra.kubernetes_kinds.contains("ResourceQuota") || infra.kubernetes_kinds.contains("LimitRange")) return;
  const Workload& first = infra.workloads.front();
  context.Report(kRule, *first.yaml->file, NodeSpan(*first.yaml->file, first.kind_node),
                 "the Kubernetes manifests define no ResourceQuota or LimitRange");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
