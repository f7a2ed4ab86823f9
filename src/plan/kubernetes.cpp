#include "plan/kubernetes.h"

#include <fmt/format.h>

#include <algorithm>

namespace dsaudit::plan {
namespace {

PodResources Times(const PodResources& pod, uint32_t pods) {
  return {pod.cpu_millicores * pods, pod.memory_mib * pods, pod.gpus * pods};
}

}  // namespace

KubernetesProposal ProposeKubernetes(const Requirements& need, double memory_per_worker_gib,
                                     double pod_cpu) {
  KubernetesProposal k;
  k.pod_cpu = pod_cpu;
  k.replicas_at_peak = std::max({1u, CeilCount(need.cores / pod_cpu), need.gpus});
  k.replicas = k.replicas_at_peak + 1;
  k.workers_per_pod = CeilCount(static_cast<double>(need.workers) / k.replicas_at_peak);
  k.requests.cpu_millicores = static_cast<uint32_t>(std::lround(pod_cpu * 1000));
  k.requests.memory_mib = CeilCount(k.workers_per_pod * memory_per_worker_gib * 1024);
  k.requests.gpus = need.gpus > 0 ? 1 : 0;
  // CPU is compressible: a limit above the request lets a pod absorb a short
  // burst and is throttled beyond it. Memory is not: a pod above its request
  // is the first evicted under pressure, so its limit equals its request.
  k.limits = k.requests;
  k.limits.cpu_millicores = 2 * k.requests.cpu_millicores;
  k.surge = CeilCount(k.replicas * 0.25);
  k.quota_pods = k.replicas + k.surge;
  k.quota_requests = Times(k.requests, k.quota_pods);
  k.quota_limits = Times(k.limits, k.quota_pods);
  return k;
}

std::string KubernetesYaml(const KubernetesProposal& k) {
  std::string gpu_request =
      k.requests.gpus > 0 ? fmt::format("    nvidia.com/gpu: {}\n", k.requests.gpus) : "";
  std::string gpu_quota = k.requests.gpus > 0 ? fmt::format("    requests.nvidia.com/gpu: \"{}\"\n",
                                                            k.quota_requests.gpus)
                                              : "";
  return fmt::format(
      "# Deployment: spec.replicas and the container's resources; worker processes per pod: {}\n"
      "replicas: {}\n"
      "resources:\n"
      "  requests:\n"
      "    cpu: {}m\n"
      "    memory: {}Mi\n"
      "{}"
      "  limits:\n"
      "    cpu: {}m\n"
      "    memory: {}Mi\n"
      "{}"
      "---\n"
      "# Namespace quota: the replicas plus a rolling update's surge ({} pods)\n"
      "apiVersion: v1\n"
      "kind: ResourceQuota\n"
      "metadata:\n"
      "  name: dsaudit-plan\n"
      "spec:\n"
      "  hard:\n"
      "    pods: \"{}\"\n"
      "    requests.cpu: {}m\n"
      "    requests.memory: {}Mi\n"
      "    limits.cpu: {}m\n"
      "    limits.memory: {}Mi\n"
      "{}",
      k.workers_per_pod, k.replicas, k.requests.cpu_millicores, k.requests.memory_mib, gpu_request,
      k.limits.cpu_millicores, k.limits.memory_mib, gpu_request, k.surge, k.quota_pods,
      k.quota_requests.cpu_millicores, k.quota_requests.memory_mib, k.quota_limits.cpu_millicores,
      k.quota_limits.memory_mib, gpu_quota);
}

}  // namespace dsaudit::plan
