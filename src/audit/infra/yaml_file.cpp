#include "audit/infra/yaml_file.h"

#include <string_view>

namespace dsaudit::audit {

YamlFile LoadYamlFile(const InventoryFile& file) {
  YamlFile out;
  out.file = &file;
  try {
    for (YAML::Node& document : YAML::LoadAll(file.text)) {
      if (document && !document.IsNull()) out.documents.push_back(std::move(document));
    }
  } catch (const YAML::Exception& error) {
    out.documents.clear();
    out.error = error.what();
  }
  return out;
}

Span NodeSpan(const InventoryFile& file, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.pos < 0 || static_cast<size_t>(mark.pos) > file.text.size()) return {};
  std::string_view text = file.text;
  const size_t begin = static_cast<size_t>(mark.pos);
  size_t line_end = text.find('\n', begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (line_end > begin && text[line_end - 1] == '\r') --line_end;
  size_t end = line_end;
  if (node.IsScalar() && begin < line_end) {
    const char quote = text[begin];
    if (quote == '"' || quote == '\'') {
      size_t close = text.find(quote, begin + 1);
      if (close != std::string_view::npos && close < line_end) end = close + 1;
    } else if (node.Scalar().find('\n') == std::string::npos) {
      end = std::min(line_end, begin + node.Scalar().size());
    }
  }
  return SpanOf(text, begin, end);
}

YAML::Node Child(const YAML::Node& map, const char* key) {
  if (!map || !map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string ScalarOf(const YAML::Node& node) {
  return node && node.IsScalar() ? node.Scalar() : std::string();
}

}  // namespace dsaudit::audit
