// DS873: Reports Kubernetes workloads that keep data in hostPath volumes on the node's disk.
#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS873",
    .name = "local-disk-state",
    .area = Area::kScaling,
    .severity = Severity::kMajor,
    .effort_minutes = 60,
    .what = "Reports Kubernetes workloads that mount `hostPath` volumes: state kept on one node's local disk.",
    .why = "Data on a node's disk ties the pod to that node: a second replica sees other data, a rescheduled pod loses it, and the node cannot be replaced. Models and features belong in object storage or a persistent volume claim.",
    .example = "```yaml\nvolumes:\n  - name: models\n    hostPath: {path: /data/models}\n```",
    .instead = "```yaml\nvolumes:\n  - name: models\n    persistentVolumeClaim: {claimName: models}\n```",
};

void Run(AuditContext& context) {
  for (const Workload& workload : context.infra().workloads) {
    YAML::Node volumes = Child(workload.pod_spec, "volumes");
    if (!volumes || !volumes.IsSequence()) continue;
    for (const YAML::Node& volume : volumes) {
      YAML::Node host_path = Child(volume, "hostPath");
      if (!host_path) continue;
      const InventoryFile& file = *workload.yaml->file;
      std::string path = ScalarOf(Child(host_path, "path"));
      YAML::Node name = Child(volume, "name");
      context.Report(kRule, file, NodeSpan(file, name ? name : volume),
                     fmt::format("{} '{}' keeps volume '{}' on the node's disk (hostPath {})", workload.kind,
                                 workload.name, ScalarOf(name), path.empty() ? "?" : path));
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
