// Terraform (.tf) files: the block structure of HCL native syntax, enough to
// check resources and their attributes with exact positions. Our own small
// parser: Debian ships no HCL library. Expressions are kept as written;
// plain string literals are also decoded.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "audit/inventory.h"

namespace dsaudit::audit {

struct TfValue {
  std::string raw;        // the expression as written, trimmed
  bool literal = false;   // a string without interpolation, a number or a bool
  std::string text;       // the literal's value (string content unescaped)
  size_t begin = 0, end = 0;  // byte offsets of `raw` in the file
};

struct TfBlock {
  std::string type;                 // resource, data, provider, ingress, ...
  std::vector<std::string> labels;  // resource "aws_instance" "api" -> {aws_instance, api}
  size_t begin = 0, header_end = 0;  // offsets of the type .. the opening brace
  std::vector<std::pair<std::string, TfValue>> attributes;
  std::vector<TfBlock> blocks;

  const TfValue* Attribute(std::string_view name) const;
  std::vector<const TfBlock*> Blocks(std::string_view type) const;
  // The blocks reached by a path of nested block types:
  // {"settings", "backup_configuration"} -> every settings.backup_configuration.
  std::vector<const TfBlock*> BlocksAt(std::initializer_list<std::string_view> path) const;
  // `labels[i]` or "".
  std::string_view Label(size_t i) const;
};

struct TerraformFile {
  const InventoryFile* file = nullptr;
  std::vector<TfBlock> blocks;
  std::string error;  // the first syntax error, "line N: ..."; blocks before it are kept
};

TerraformFile ParseTerraform(const InventoryFile& file);
TerraformFile ParseTerraformText(std::string_view text);

}  // namespace dsaudit::audit
