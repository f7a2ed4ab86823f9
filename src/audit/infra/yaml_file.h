// YAML files (compose, Kubernetes, Helm values) read through yaml-cpp, with
// spans for its nodes so that each finding points at the line to change.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "audit/inventory.h"

namespace dsaudit::audit {

struct YamlFile {
  const InventoryFile* file = nullptr;
  std::vector<YAML::Node> documents;  // every `---` document, nulls left out
  std::string error;                  // set when the file is not valid YAML
};

YamlFile LoadYamlFile(const InventoryFile& file);

// The span of `node` in its file: a scalar's own text (quotes included), or
// the rest of the line for a map or sequence.
Span NodeSpan(const InventoryFile& file, const YAML::Node& node);

// `map[key]` when `map` is a map holding `key`; an invalid node otherwise,
// never an exception, whatever shape the file has.
YAML::Node Child(const YAML::Node& map, const char* key);
// The scalar text of `node`, or "" when it is not a scalar.
std::string ScalarOf(const YAML::Node& node);

}  // namespace dsaudit::audit
