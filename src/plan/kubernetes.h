// Kubernetes requests, limits and a ResourceQuota sized from the plan: the
// article's "resource quotas (upper threshold for resource consumption)",
// written so they can be pasted into a Deployment and a namespace.
#pragma once

#include <cstdint>
#include <string>

#include "plan/capacity.h"

namespace dsaudit::plan {

struct PodResources {
  uint32_t cpu_millicores = 0;
  uint32_t memory_mib = 0;
  uint32_t gpus = 0;
};

struct KubernetesProposal {
  double pod_cpu = 1;  // cores requested per pod
  uint32_t replicas_at_peak = 0;
  uint32_t replicas = 0;  // replicas_at_peak + 1 (N+1)
  uint32_t surge = 0;     // extra pods a rolling update starts (maxSurge 25%)
  uint32_t workers_per_pod = 0;
  PodResources requests;
  PodResources limits;
  uint32_t quota_pods = 0;      // replicas + surge
  PodResources quota_requests;  // quota_pods x requests
  PodResources quota_limits;    // quota_pods x limits
};

// Pods of `pod_cpu` cores each (one GPU each when the plan needs GPUs):
// enough for the peak's cores, workers and GPUs, plus one spare.
KubernetesProposal ProposeKubernetes(const Requirements& need, double memory_per_worker_gib,
                                     double pod_cpu = 1);

// The container's resources and the replica count for a Deployment, then a
// ResourceQuota for its namespace, as one YAML text (two documents).
std::string KubernetesYaml(const KubernetesProposal& proposal);

}  // namespace dsaudit::plan
