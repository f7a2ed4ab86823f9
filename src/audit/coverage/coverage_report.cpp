#include "audit/coverage/coverage_report.h"

#include <expat.h>
#include <simdjson.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>


namespace dsaudit::audit::coverage {
namespace {

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Expat reads the report (well-formed XML, any encoding declaration);
// parsing stops at the root element, so a report of any size costs nothing.
struct RootAttributes {
  XML_Parser parser = nullptr;
  bool seen_root = false;
  bool is_cobertura = false;
  std::optional<double> line_rate;
  std::optional<double> lines_valid;
  std::optional<double> lines_covered;
};

void OnStartElement(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* root = static_cast<RootAttributes*>(data);
  root->seen_root = true;
  root->is_cobertura = std::strcmp(name, "coverage") == 0;
  for (int i = 0; root->is_cobertura && attributes[i] != nullptr; i += 2) {
    std::string_view key = attributes[i];
    std::optional<double> value = ParseNumber(attributes[i + 1]);
    if (key == "line-rate") root->line_rate = value;
    if (key == "lines-valid") root->lines_valid = value;
    if (key == "lines-covered") root->lines_covered = value;
  }
  XML_StopParser(root->parser, XML_FALSE);
}

}  // namespace

std::optional<CoverageTotals> ReadCoberturaXml(std::string_view text) {
  RootAttributes root;
  root.parser = XML_ParserCreate(nullptr);
  if (root.parser == nullptr) return std::nullopt;
  XML_SetUserData(root.parser, &root);
  XML_SetStartElementHandler(root.parser, OnStartElement);
  XML_Parse(root.parser, text.data(), static_cast<int>(std::min<size_t>(text.size(), 1 << 30)),
            XML_TRUE);
  XML_ParserFree(root.parser);
  if (!root.seen_root || !root.is_cobertura || !root.line_rate) return std::nullopt;
  if (*root.line_rate < 0 || *root.line_rate > 1) return std::nullopt;
  CoverageTotals totals;
  totals.percent = *root.line_rate * 100;
  if (root.lines_valid && *root.lines_valid >= 0) {
    totals.statements = static_cast<uint64_t>(*root.lines_valid);
  }
  if (root.lines_covered && *root.lines_covered >= 0) {
    totals.covered = static_cast<uint64_t>(*root.lines_covered);
  }
  return totals;
}

std::optional<CoverageTotals> ReadCoverageJson(std::string_view text) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element document;
  if (parser.parse(padded).get(document) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::element totals_element;
  if (document["totals"].get(totals_element) != simdjson::SUCCESS) return std::nullopt;
  double percent = 0;
  if (totals_element["percent_covered"].get(percent) != simdjson::SUCCESS) return std::nullopt;
  if (percent < 0 || percent > 100) return std::nullopt;
  CoverageTotals totals;
  totals.percent = percent;
  int64_t statements = 0;
  int64_t covered = 0;
  if (totals_element["num_statements"].get(statements) == simdjson::SUCCESS && statements > 0) {
    totals.statements = static_cast<uint64_t>(statements);
  }
  if (totals_element["covered_lines"].get(covered) == simdjson::SUCCESS && covered > 0) {
    totals.covered = static_cast<uint64_t>(covered);
  }
  return totals;
}

bool IsCoverageReportName(std::string_view base_name) {
  return base_name == "coverage.xml" || base_name == "coverage.json" ||
         base_name == "cobertura.xml" || base_name == "cobertura-coverage.xml";
}

namespace {

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

// `key = value` (or `key: value`) in `[section]` of an INI file, as
// configparser reads coverage.py's and setuptools' files.
std::optional<std::string_view> IniValue(std::string_view text, std::string_view section,
                                         std::string_view key) {
  bool in_section = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    if (line.starts_with('[') && line.ends_with(']')) {
      in_section = Trim(line.substr(1, line.size() - 2)) == section;
      continue;
    }
    if (!in_section || line.empty() || line.front() == '#' || line.front() == ';') continue;
    size_t separator = line.find_first_of("=:");
    if (separator == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, separator));
    if (name == key || (key == "fail_under" && name == "fail-under")) {
      return Trim(line.substr(separator + 1));
    }
  }
  return std::nullopt;
}

// `--cov-fail-under=85` or `--cov-fail-under 85` anywhere in the text.
std::optional<double> PytestCovFailUnder(std::string_view text) {
  static constexpr std::string_view kFlag = "--cov-fail-under";
  for (size_t at = text.find(kFlag); at != std::string_view::npos;
       at = text.find(kFlag, at + kFlag.size())) {
    size_t begin = at + kFlag.size();
    while (begin < text.size() && (text[begin] == '=' || text[begin] == ' ')) ++begin;
    size_t end = begin;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '.')) {
      ++end;
    }
    if (std::optional<double> value = ParseNumber(text.substr(begin, end - begin))) return value;
  }
  return std::nullopt;
}

std::optional<double> PyprojectFailUnder(const InventoryFile& file) {
  try {
    toml::table root = toml::parse(file.text, file.path);
    toml::node_view<toml::node> value = root.at_path("tool.coverage.report.fail_under");
    if (std::optional<double> number = value.value<double>()) return number;
  } catch (const toml::parse_error&) {
    // An invalid pyproject.toml is DS811's to report; no target from it.
  }
  return std::nullopt;
}

bool IsCiRole(FileRole role) {
  return role == FileRole::kGithubWorkflow || role == FileRole::kGitlabCi ||
         role == FileRole::kJenkinsfile || role == FileRole::kAzurePipelines ||
         role == FileRole::kCircleCi;
}

}  // namespace

CoverageTarget FindCoverageTarget(const Inventory& inventory, double default_percent) {
  for (const InventoryFile& file : inventory.files) {
    std::optional<double> value;
    std::string_view name = BaseName(file.path);
    if (file.role == FileRole::kPyproject) {
      value = PyprojectFailUnder(file);
    } else if (name == ".coveragerc") {
      if (auto text = IniValue(file.text, "report", "fail_under")) value = ParseNumber(*text);
    } else if (file.role == FileRole::kSetupCfg || file.role == FileRole::kToxIni) {
      if (auto text = IniValue(file.text, "coverage:report", "fail_under")) {
        value = ParseNumber(*text);
      }
    }
    bool may_pass_flags = file.role == FileRole::kPyproject || file.role == FileRole::kSetupCfg ||
                          file.role == FileRole::kToxIni || file.role == FileRole::kNoxfile ||
                          name == "pytest.ini" || IsCiRole(file.role);
    if (!value && may_pass_flags) value = PytestCovFailUnder(file.text);
    if (value && *value >= 0 && *value <= 100) return {*value, file.path};
  }
  return {default_percent, ""};
}

}  // namespace dsaudit::audit::coverage
