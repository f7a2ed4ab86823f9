// Containers of serving workloads that lack a given probe: the readiness
// (scaling) and liveness (monitoring) checks differ only in which probe.
#pragma once

#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {

inline void ReportMissingProbe(AuditContext& context, const RuleInfo& rule, const char* probe) {
  for (const Workload& workload : context.infra().workloads) {
    if (!workload.long_running) continue;
    YAML::Node containers = Child(workload.pod_spec, "containers");
    if (!containers || !containers.IsSequence()) continue;
    for (const YAML::Node& container : containers) {
      if (!container.IsMap() || Child(container, probe)) continue;
      YAML::Node name = Child(container, "name");
      const InventoryFile& file = *workload.yaml->file;
      context.Report(rule, file, NodeSpan(file, name ? name : container),
                     fmt::format("container '{}' of {} '{}' has no {}", ScalarOf(name), workload.kind,
                                 workload.name, probe));
    }
  }
}

}  // namespace dsaudit::audit
