#include "plan/kubernetes.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <vector>

namespace dsaudit::plan {
namespace {

Requirements FiveHundredRps() {
  // 500 requests/s x 25 ms at 70% = 17.857 cores; 143 workers of 512 MiB (see capacity_test.cpp).
  return Require(Demand{.peak_rps = 500,
                        .cpu_ms_per_request = 25,
                        .response_time_s = 0.2,
                        .memory_per_worker_gib = 0.5,
                        .headroom = 0.7,
                        .gpus = 0});
}

TEST(KubernetesTest, OneCorePodsForThePeakPlusOneAndAQuotaWithSurge) {
  KubernetesProposal k = ProposeKubernetes(FiveHundredRps(), 0.5);
  // 17.857 cores / 1 core a pod -> 18 pods at peak, 19 with the spare.
  EXPECT_EQ(k.replicas_at_peak, 18u);
  EXPECT_EQ(k.replicas, 19u);
  // 143 workers / 18 pods = 7.94 -> 8 workers x 512 MiB = 4096 MiB a pod.
  EXPECT_EQ(k.workers_per_pod, 8u);
  EXPECT_EQ(k.requests.cpu_millicores, 1000u);
  EXPECT_EQ(k.requests.memory_mib, 4096u);
  EXPECT_EQ(k.limits.cpu_millicores, 2000u);
  EXPECT_EQ(k.limits.memory_mib, 4096u);
  // Surge: 25% of 19 = 4.75 -> 5; quota for 24 pods: 24,000m / 98,304 Mi requested, 48,000m cpu
  // limit.
  EXPECT_EQ(k.surge, 5u);
  EXPECT_EQ(k.quota_pods, 24u);
  EXPECT_EQ(k.quota_requests.cpu_millicores, 24000u);
  EXPECT_EQ(k.quota_requests.memory_mib, 98304u);
  EXPECT_EQ(k.quota_limits.cpu_millicores, 48000u);
  EXPECT_EQ(k.quota_limits.memory_mib, 98304u);
}

TEST(KubernetesTest, GpusGiveOnePerPod) {
  Requirements need = FiveHundredRps();
  need.gpus = 20;
  KubernetesProposal k = ProposeKubernetes(need, 0.5, 2);
  // cores: 17.857 / 2 = 8.9 -> 9 pods, but 20 GPUs need 20 pods; 21 with the spare.
  EXPECT_EQ(k.replicas_at_peak, 20u);
  EXPECT_EQ(k.replicas, 21u);
  EXPECT_EQ(k.requests.gpus, 1u);
  EXPECT_EQ(k.requests.cpu_millicores, 2000u);
  // 143 / 20 = 7.15 -> 8 workers a pod; surge ceil(21 / 4) = 6; quota 27 GPUs.
  EXPECT_EQ(k.workers_per_pod, 8u);
  EXPECT_EQ(k.quota_pods, 27u);
  EXPECT_EQ(k.quota_requests.gpus, 27u);
}

TEST(KubernetesTest, YamlParsesAndCarriesTheNumbers) {
  std::string yaml = KubernetesYaml(ProposeKubernetes(FiveHundredRps(), 0.5));
  std::vector<YAML::Node> documents = YAML::LoadAll(yaml);
  ASSERT_EQ(documents.size(), 2u) << yaml;
  EXPECT_EQ(documents[0]["replicas"].as<int>(), 19);
  EXPECT_EQ(documents[0]["resources"]["requests"]["cpu"].as<std::string>(), "1000m");
  EXPECT_EQ(documents[0]["resources"]["limits"]["memory"].as<std::string>(), "4096Mi");
  EXPECT_EQ(documents[1]["kind"].as<std::string>(), "ResourceQuota");
  YAML::Node hard = documents[1]["spec"]["hard"];
  EXPECT_EQ(hard["pods"].as<std::string>(), "24");
  EXPECT_EQ(hard["requests.cpu"].as<std::string>(), "24000m");
  EXPECT_EQ(hard["limits.memory"].as<std::string>(), "98304Mi");
  EXPECT_FALSE(hard["requests.nvidia.com/gpu"]);
}

}  // namespace
}  // namespace dsaudit::plan
