// DS874: Reports containers of serving Kubernetes workloads without a livenessProbe.
#include "audit/checks/k8s_probe_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS874",
    .name = "k8s-no-liveness-probe",
    .area = Area::kMonitoring,
    .severity = Severity::kMinor,
    .effort_minutes = 15,
    .what = "Reports containers of Deployments, StatefulSets, DaemonSets and ReplicaSets that define no `livenessProbe`.",
    .why = "A model server that deadlocks or runs out of GPU memory often keeps its process alive: without a liveness probe nobody restarts it, and nobody is told.",
    .example = "```yaml\ncontainers:\n  - name: api\n    image: churn-api:1.4\n```",
    .instead = "```yaml\ncontainers:\n  - name: api\n    image: churn-api:1.4\n    livenessProbe:\n      httpGet: {path: /health, port: 5000}\n      periodSeconds: 10\n```",
};

void Run(AuditContext& context) { ReportMissingProbe(context, kRule, "livenessProbe"); }

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
