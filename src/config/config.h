// Project configuration: `[tool.dsaudit]` in pyproject.toml or the top level
// of dsaudit.toml, with ruff's keys and rule-selection semantics, plus
// command-line overrides.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::config {

// Whether a selector (a full code or a prefix such as "E", "E5", "F40") names
// at least one check. "ALL" is accepted without asking.
using KnownSelector = std::function<bool(std::string_view selector)>;

// What runs when nobody selects anything.
inline const std::vector<std::string> kDefaultSelect = {"ALL"};
inline constexpr int kDefaultLineLength = 88;
inline constexpr int kDefaultTargetMinor = 9;  // py39, as ruff

// One layer of rule selection (the config file, then the command line), as
// ruff resolves them: `select` replaces what earlier layers chose.
struct RuleSelection {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
};

struct PerFileIgnore {
  std::string pattern;  // glob, relative to Config::root
  std::vector<std::string> codes;
};

struct Config {
  std::filesystem::path file;  // empty: built-in defaults
  std::filesystem::path root;  // directory that relative globs start from
  std::vector<RuleSelection> selections;
  std::vector<PerFileIgnore> per_file_ignores;
  std::optional<std::vector<std::string>> exclude;  // unset: discovery's defaults
  std::vector<std::string> extend_exclude;
  int line_length = kDefaultLineLength;
  int target_minor = kDefaultTargetMinor;  // 3.<minor>
};

struct ConfigResult {
  Config config;
  std::string error;  // "path:line:col: message"; empty on success
  bool ok() const { return error.empty(); }
};

// Parses TOML text. `pyproject` selects the `[tool.dsaudit]` table (absent
// table: defaults); otherwise the top level is the configuration.
ConfigResult ParseConfig(std::string_view toml_text, const std::filesystem::path& file,
                         bool pyproject, const KnownSelector& known);
ConfigResult LoadConfigFile(const std::filesystem::path& file, const KnownSelector& known);

// Walks up from `start` (a file or directory) to the filesystem root, stopping
// after a directory holding `.git`: in each directory dsaudit.toml wins over a
// pyproject.toml with a `[tool.dsaudit]` table.
std::optional<std::filesystem::path> FindConfigFile(const std::filesystem::path& start);

struct ConfigOverrides {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::optional<std::vector<std::string>> exclude;
  std::vector<std::string> extend_exclude;
  std::optional<int> line_length;
  std::optional<int> target_minor;
};

// Command-line values win over the file's.
Config ApplyOverrides(Config config, const ConfigOverrides& overrides);

// `file` is absolute, or relative to config.root; '/'-separated either way.
bool IsEnabled(const Config& config, std::string_view code, const std::filesystem::path& file);
bool IsExcluded(const Config& config, const std::filesystem::path& file);

// "py38" .. "py313" to the minor version, or nullopt.
std::optional<int> ParseTargetVersion(std::string_view text);

}  // namespace dsaudit::config
