#include "audit/infra/infra_model.h"

#include <algorithm>

namespace dsaudit::audit {
namespace {

void AddComposeServices(const YamlFile& yaml, InfraModel* model) {
  for (const YAML::Node& document : yaml.documents) {
    YAML::Node services = Child(document, "services");
    if (!services || !services.IsMap()) continue;
    for (const auto& entry : services) {
      if (!entry.first.IsScalar()) continue;
      model->services.push_back({&yaml, entry.first.Scalar(), entry.first, entry.second});
    }
  }
}

void AddKubernetesObjects(const YamlFile& yaml, InfraModel* model) {
  static const std::set<std::string> kServing = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"};
  for (const YAML::Node& document : yaml.documents) {
    std::string kind = ScalarOf(Child(document, "kind"));
    if (kind.empty()) continue;
    model->kubernetes_kinds.insert(kind);
    std::string name = ScalarOf(Child(Child(document, "metadata"), "name"));
    if (kind == "HorizontalPodAutoscaler") {
      model->autoscaled.insert(ScalarOf(Child(Child(Child(document, "spec"), "scaleTargetRef"), "name")));
      continue;
    }
    YAML::Node pod_spec;
    if (kind == "Pod") {
      pod_spec = Child(document, "spec");
    } else if (kind == "CronJob") {
      pod_spec = Child(Child(Child(Child(Child(document, "spec"), "jobTemplate"), "spec"), "template"), "spec");
    } else if (kServing.contains(kind) || kind == "Job") {
      pod_spec = Child(Child(Child(document, "spec"), "template"), "spec");
    } else {
      continue;
    }
    if (!pod_spec || !pod_spec.IsMap()) continue;
    model->workloads.push_back({&yaml, kind, name, document, Child(document, "kind"), pod_spec,
                                kServing.contains(kind)});
  }
}

}  // namespace

std::vector<YAML::Node> InfraModel::Containers(const Workload& workload) {
  std::vector<YAML::Node> out;
  for (const char* key : {"containers", "initContainers"}) {
    YAML::Node list = Child(workload.pod_spec, key);
    if (!list || !list.IsSequence()) continue;
    for (const YAML::Node& container : list) {
      if (container.IsMap()) out.push_back(container);
    }
  }
  return out;
}

std::vector<std::vector<const HelmValues*>> InfraModel::HelmCharts() const {
  std::vector<std::vector<const HelmValues*>> charts;
  for (const HelmValues& values : helm_values) {
    if (charts.empty() || charts.back().front()->chart != values.chart) charts.emplace_back();
    charts.back().push_back(&values);
  }
  return charts;
}

InfraModel BuildInfraModel(const Inventory& inventory) {
  InfraModel model;
  // Reserved up front: services and workloads point into these vectors.
  model.compose.reserve(inventory.Files(FileRole::kCompose).size());
  model.kubernetes.reserve(inventory.Files(FileRole::kKubernetes).size());
  model.terraform.reserve(inventory.Files(FileRole::kTerraform).size());
  model.helm.reserve(inventory.Files(FileRole::kHelmValues).size());
  for (const InventoryFile* file : inventory.Files(FileRole::kCompose)) {
    model.compose.push_back(LoadYamlFile(*file));
    AddComposeServices(model.compose.back(), &model);
  }
  for (const InventoryFile* file : inventory.Files(FileRole::kKubernetes)) {
    model.kubernetes.push_back(LoadYamlFile(*file));
    AddKubernetesObjects(model.kubernetes.back(), &model);
  }
  for (const InventoryFile* file : inventory.Files(FileRole::kHelmValues)) {
    model.helm.push_back(LoadYamlFile(*file));
    const YamlFile& yaml = model.helm.back();
    if (yaml.documents.empty() || !yaml.documents.front().IsMap()) continue;
    size_t slash = file->path.rfind('/');
    model.helm_values.push_back(
        {&yaml, slash == std::string::npos ? "." : file->path.substr(0, slash),
         yaml.documents.front()});
  }
  for (const InventoryFile* file : inventory.Files(FileRole::kTerraform)) {
    model.terraform.push_back(ParseTerraform(*file));
    for (const TfBlock& block : model.terraform.back().blocks) {
      if (block.type == "resource" && block.labels.size() >= 2) {
        model.resources.push_back({&model.terraform.back(), &block});
      }
    }
  }
  return model;
}

Span HeaderSpan(const TerraformFile& file, const TfBlock& block) {
  size_t end = block.header_end;
  std::string_view text = file.file->text;
  while (end > block.begin && (text[end - 1] == '{' || text[end - 1] == ' ')) --end;
  return SpanOf(text, block.begin, end);
}

Span HeaderSpan(const TfResource& resource) { return HeaderSpan(*resource.terraform, *resource.block); }

Span ValueSpan(const TerraformFile& file, const TfValue& value) {
  return SpanOf(file.file->text, value.begin, value.end);
}

}  // namespace dsaudit::audit
