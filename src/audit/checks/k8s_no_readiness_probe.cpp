// DS872: Reports containers of serving Kubernetes workloads without a readinessProbe.
#include "audit/checks/k8s_probe_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS872",
    .name = "k8s-no-readiness-probe",
    .area = Area::kScaling,
    .severity = Severity::kMajor,
    .effort_minutes = 20,
    .what = "Reports containers of Deployments, StatefulSets, DaemonSets and ReplicaSets that define no `readinessProbe`.",
    .why = "Without a readiness probe Kubernetes sends traffic to a pod the moment its process starts, while the model is still loading: every scale-up and every rollout answers errors until it is warm.",
    .example = "```yaml\ncontainers:\n  - name: api\n    image: churn-api:1.4\n```",
    .instead = "```yaml\ncontainers:\n  - name: api\n    image: churn-api:1.4\n    readinessProbe:\n      httpGet: {path: /ready, port: 5000}\n```",
};

void Run(AuditContext& context) { ReportMissingProbe(context, kRule, "readinessProbe"); }

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
