#include "config/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "config/glob.h"

namespace dsaudit::config {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxLineLength = 320;
constexpr int kMinTargetMinor = 8;
constexpr int kMaxTargetMinor = 13;

// Thrown inside this file only; ParseConfig turns it into ConfigResult::error.
struct ConfigError {
  std::string message;
};

class Reader {
 public:
  Reader(const fs::path& file, std::string section, const KnownSelector& known)
      : file_(file.string()), section_(std::move(section)), known_(known) {}

  [[noreturn]] void Fail(const toml::source_region& where, const std::string& message) const {
    throw ConfigError{file_ + ":" + std::to_string(where.begin.line) + ":" +
                      std::to_string(where.begin.column) + ": " + message};
  }

  void Read(const toml::table& table, Config& config) const {
    RuleSelection selection;
    for (auto&& [key, node] : table) {
      std::string_view name = key.str();
      if (name == "select") {
        selection.select = Selectors(node, name);
      } else if (name == "extend-select") {
        selection.extend_select = Selectors(node, name);
      } else if (name == "ignore") {
        selection.ignore = Selectors(node, name);
      } else if (name == "per-file-ignores") {
        config.per_file_ignores = PerFileIgnores(node);
      } else if (name == "exclude") {
        config.exclude = Strings(node, name);
      } else if (name == "extend-exclude") {
        config.extend_exclude = Strings(node, name);
      } else if (name == "line-length") {
        config.line_length = LineLength(node);
      } else if (name == "target-version") {
        config.target_minor = TargetVersion(node);
      } else {
        Fail(key.source(), "unknown key '" + std::string(name) + "' in " + section_);
      }
    }
    config.selections.push_back(std::move(selection));
  }

 private:
  std::vector<std::string> Strings(const toml::node& node, std::string_view name) const {
    const toml::array* array = node.as_array();
    if (array == nullptr)
      Fail(node.source(), "'" + std::string(name) + "' must be a list of strings");
    std::vector<std::string> out;
    for (const toml::node& item : *array) {
      const toml::value<std::string>* text = item.as_string();
      if (text == nullptr)
        Fail(item.source(), "'" + std::string(name) + "' must be a list of strings");
      out.push_back(text->get());
    }
    return out;
  }

  std::vector<std::string> Selectors(const toml::node& node, std::string_view name) const {
    std::vector<std::string> out = Strings(node, name);
    const toml::array& array = *node.as_array();
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i] == "ALL" || (known_ && known_(out[i]))) continue;
      Fail(array[i].source(),
           "unknown rule selector '" + out[i] + "' in '" + std::string(name) + "'");
    }
    return out;
  }

  std::vector<PerFileIgnore> PerFileIgnores(const toml::node& node) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Fail(node.source(), "'per-file-ignores' must be a table of glob = [codes]");
    }
    std::vector<PerFileIgnore> out;
    for (auto&& [key, codes] : *table) {
      out.push_back({std::string(key.str()), Selectors(codes, "per-file-ignores")});
    }
    return out;
  }

  int LineLength(const toml::node& node) const {
    std::optional<int64_t> value = node.is_integer() ? node.value<int64_t>() : std::nullopt;
    if (!value || *value < 1 || *value > kMaxLineLength) {
      Fail(node.source(), "'line-length' must be an integer from 1 to 320");
    }
    return static_cast<int>(*value);
  }

  int TargetVersion(const toml::node& node) const {
    const toml::value<std::string>* text = node.as_string();
    std::optional<int> minor = text ? ParseTargetVersion(text->get()) : std::nullopt;
    if (!minor) Fail(node.source(), "'target-version' must be one of \"py38\" .. \"py313\"");
    return *minor;
  }

  std::string file_;
  std::string section_;
  const KnownSelector& known_;
};

std::optional<std::string> ReadFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool HasDsauditTable(const fs::path& pyproject) {
  std::optional<std::string> text = ReadFile(pyproject);
  if (!text) return false;
  try {
    toml::table document = toml::parse(*text);
    return document["tool"]["dsaudit"].is_table();
  } catch (const toml::parse_error&) {
    // Surface the syntax error rather than silently using another config.
    return text->find("[tool.dsaudit]") != std::string::npos;
  }
}

// Ruff's specificity: "ALL" below any prefix, longer prefixes above shorter.
int Specificity(std::string_view selector, std::string_view code) {
  if (selector == "ALL") return 0;
  if (!code.starts_with(selector)) return -1;
  return static_cast<int>(selector.size());
}

// Best specificity among `selectors` matching `code`, or -1.
int BestMatch(const std::vector<std::string>& selectors, std::string_view code) {
  int best = -1;
  for (const std::string& selector : selectors) best = std::max(best, Specificity(selector, code));
  return best;
}

std::string RelativeTo(const Config& config, const fs::path& file) {
  if (file.is_absolute() && !config.root.empty()) {
    return file.lexically_relative(config.root).generic_string();
  }
  return file.lexically_normal().generic_string();
}

}  // namespace

std::optional<int> ParseTargetVersion(std::string_view text) {
  if (!text.starts_with("py3") || text.size() < 4 || text.size() > 5) return std::nullopt;
  int minor = 0;
  for (char c : text.substr(3)) {
    if (c < '0' || c > '9') return std::nullopt;
    minor = minor * 10 + (c - '0');
  }
  if (text.size() == 5 && text[3] == '0') return std::nullopt;
  if (minor < kMinTargetMinor || minor > kMaxTargetMinor) return std::nullopt;
  return minor;
}

ConfigResult ParseConfig(std::string_view toml_text, const fs::path& file, bool pyproject,
                         const KnownSelector& known) {
  ConfigResult result;
  result.config.file = file;
  result.config.root = file.parent_path();
  try {
    toml::table document = toml::parse(toml_text, file.string());
    const toml::table* table = &document;
    std::string section = file.filename().string();
    if (pyproject) {
      toml::node_view<toml::node> node = document["tool"]["dsaudit"];
      if (!node) return result;
      table = node.as_table();
      section = "[tool.dsaudit]";
      if (table == nullptr) {
        Reader(file, section, known).Fail(node.node()->source(), "'tool.dsaudit' must be a table");
      }
    }
    Reader(file, section, known).Read(*table, result.config);
  } catch (const toml::parse_error& error) {
    const toml::source_position& where = error.source().begin;
    result.error = file.string() + ":" + std::to_string(where.line) + ":" +
                   std::to_string(where.column) + ": " + std::string(error.description());
  } catch (const ConfigError& error) {
    result.error = error.message;
  }
  return result;
}

ConfigResult LoadConfigFile(const fs::path& file, const KnownSelector& known) {
  std::optional<std::string> text = ReadFile(file);
  if (!text) {
    ConfigResult result;
    result.error = file.string() + ": cannot read configuration file";
    return result;
  }
  return ParseConfig(*text, file, file.filename() == "pyproject.toml", known);
}

std::optional<fs::path> FindConfigFile(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    fs::path own = dir / "dsaudit.toml";
    if (fs::is_regular_file(own, ec)) return own;
    fs::path pyproject = dir / "pyproject.toml";
    if (fs::is_regular_file(pyproject, ec) && HasDsauditTable(pyproject)) return pyproject;
    if (fs::exists(dir / ".git", ec)) return std::nullopt;
    if (!dir.has_relative_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

Config ApplyOverrides(Config config, const ConfigOverrides& overrides) {
  if (overrides.select || !overrides.extend_select.empty() || !overrides.ignore.empty()) {
    config.selections.push_back({overrides.select, overrides.extend_select, overrides.ignore});
  }
  if (overrides.exclude) config.exclude = overrides.exclude;
  config.extend_exclude.insert(config.extend_exclude.end(), overrides.extend_exclude.begin(),
                               overrides.extend_exclude.end());
  if (overrides.line_length) config.line_length = *overrides.line_length;
  if (overrides.target_minor) config.target_minor = *overrides.target_minor;
  return config;
}

bool IsEnabled(const Config& config, std::string_view code, const fs::path& file) {
  bool enabled = BestMatch(kDefaultSelect, code) >= 0;
  for (const RuleSelection& selection : config.selections) {
    int selected = std::max(selection.select ? BestMatch(*selection.select, code) : -1,
                            BestMatch(selection.extend_select, code));
    int ignored = BestMatch(selection.ignore, code);
    // Within a layer the more specific selector wins; on a tie, ignore does.
    if (ignored >= 0 && ignored >= selected) {
      enabled = false;
    } else if (selected >= 0) {
      enabled = true;
    } else if (selection.select) {
      enabled = false;
    }
  }
  if (!enabled) return false;
  std::string relative = RelativeTo(config, file);
  std::string basename = fs::path(relative).filename().string();
  for (const PerFileIgnore& ignore : config.per_file_ignores) {
    if (BestMatch(ignore.codes, code) < 0) continue;
    if (GlobMatch(ignore.pattern, relative) || GlobMatch(ignore.pattern, basename)) return false;
  }
  return true;
}

bool IsExcluded(const Config& config, const fs::path& file) {
  std::string relative = RelativeTo(config, file);
  auto matches = [&relative](const std::string& pattern) {
    if (GlobMatch(pattern, relative)) return true;
    // Like ruff, a pattern also matches any directory or file name on the way.
    for (const fs::path& part : fs::path(relative)) {
      if (GlobMatch(pattern, part.string())) return true;
    }
    return false;
  };
  const std::vector<std::string> none;
  const std::vector<std::string>& exclude = config.exclude ? *config.exclude : none;
  return std::any_of(exclude.begin(), exclude.end(), matches) ||
         std::any_of(config.extend_exclude.begin(), config.extend_exclude.end(), matches);
}

}  // namespace dsaudit::config
