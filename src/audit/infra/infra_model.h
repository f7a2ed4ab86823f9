// The project's deployment as written: compose services, Kubernetes
// workloads and Terraform resources, parsed once per audit and shared by the
// cost, scaling, security, monitoring and portability checks.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "audit/infra/terraform.h"
#include "audit/infra/yaml_file.h"
#include "audit/inventory.h"

namespace dsaudit::audit {

struct ComposeService {
  const YamlFile* yaml = nullptr;
  std::string name;
  YAML::Node key;   // the service's name, where findings about it point
  YAML::Node body;  // its map
};

// A Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod.
struct Workload {
  const YamlFile* yaml = nullptr;
  std::string kind, name;
  YAML::Node document;
  YAML::Node kind_node;  // where findings about the whole workload point
  YAML::Node pod_spec;   // the pod template's spec
  bool long_running = false;  // serves: not a Job, CronJob or bare Pod
};

// A Helm chart's values file, read by the conventions of `helm create`
// charts (replicaCount, autoscaling.enabled, resources): the templates are
// not valid YAML, so what the chart deploys is judged from its values.
struct HelmValues {
  const YamlFile* yaml = nullptr;
  std::string chart;  // the chart's directory, relative to the root
  YAML::Node values;  // the file's top-level map
};

struct TfResource {
  const TerraformFile* terraform = nullptr;
  const TfBlock* block = nullptr;
  std::string_view type() const { return block->Label(0); }
  std::string_view name() const { return block->Label(1); }
};

struct InfraModel {
  std::vector<YamlFile> compose, kubernetes, helm;
  std::vector<TerraformFile> terraform;
  std::vector<ComposeService> services;
  std::vector<Workload> workloads;
  std::vector<HelmValues> helm_values;  // in path order: values.yaml before values-prod.yaml
  std::set<std::string> kubernetes_kinds;  // every kind in any manifest
  std::set<std::string> autoscaled;        // names HorizontalPodAutoscalers target
  std::vector<TfResource> resources;       // `resource` blocks of every .tf file

  // The containers (and init containers) of a workload's pod spec.
  static std::vector<YAML::Node> Containers(const Workload& workload);
  // helm_values grouped by chart directory, each chart's files in path order.
  std::vector<std::vector<const HelmValues*>> HelmCharts() const;
};

InfraModel BuildInfraModel(const Inventory& inventory);

// Span of a Terraform block's header (`resource "aws_instance" "api" {`) or
// of an attribute's value.
Span HeaderSpan(const TfResource& resource);
Span HeaderSpan(const TerraformFile& file, const TfBlock& block);
Span ValueSpan(const TerraformFile& file, const TfValue& value);

}  // namespace dsaudit::audit
