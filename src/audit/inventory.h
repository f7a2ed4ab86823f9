// What a project is made of, beyond its Python code: every file the audit's
// project checks read, walked once and classified by role (packaging, CI,
// containers, infrastructure, configuration), with its text kept in memory so
// each check is a cheap scan rather than another trip to the disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::audit {

// Where a finding points: 1-based line and column, end exclusive as ruff prints.
struct Span {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
};

// The span of byte range [begin, end) of `text` (columns count characters).
Span SpanOf(std::string_view text, size_t begin, size_t end);
// The span of the whole of line `line` (1-based), without its newline.
Span LineSpan(std::string_view text, uint32_t line);

enum class FileRole : uint8_t {
  kPython,
  kNotebook,
  kRequirements,   // requirements*.txt, requirements/*.txt
  kPyproject,      // pyproject.toml
  kSetupPy,
  kSetupCfg,
  kPipfile,
  kPipfileLock,
  kPoetryLock,
  kOtherLock,      // uv.lock, pdm.lock, conda-lock.yml
  kCondaEnv,       // environment.yml / environment.yaml
  kDockerfile,     // Dockerfile, Dockerfile.*, *.dockerfile
  kCompose,        // docker-compose*.yml, compose*.yml
  kKubernetes,     // YAML with apiVersion and kind
  kTerraform,      // *.tf
  kGithubWorkflow, // .github/workflows/*.yml
  kGitlabCi,
  kJenkinsfile,
  kAzurePipelines,
  kCircleCi,
  kPreCommit,      // .pre-commit-config.yaml
  kToxIni,
  kNoxfile,
  kLinterConfig,   // .flake8, .pylintrc, ruff.toml, mypy.ini, .coveragerc, ...
  kEnvFile,        // .env, *.env (not .env.example)
  kChangelog,
  kLoadTest,       // *.jmx, k6 scripts, wrk Lua, Artillery/Gatling files (locustfiles are kPython)
  kHelmValues,     // values*.yaml beside a Chart.yaml
  kMonitoringConfig,  // Prometheus (config and rules), Alertmanager, Zabbix exports
  kOther,
};

std::string_view FileRoleName(FileRole role);

struct InventoryFile {
  std::string path;  // relative to the root, '/' separators
  FileRole role = FileRole::kOther;
  bool is_test = false;  // a Python file pytest/unittest would collect, or under tests/
  uint32_t lines = 0;
  // Kept for every role but kOther; empty when unreadable or over kMaxTextBytes.
  std::string text;
};

struct Inventory {
  std::filesystem::path root;
  std::vector<InventoryFile> files;  // sorted by path
  bool git_repository = false;
  uint32_t git_tags = 0;  // refs/tags and packed tags

  std::vector<const InventoryFile*> Files(FileRole role) const;
  bool Has(FileRole role) const;
  // Lines of Python in non-test and in test files (notebooks count as code).
  uint64_t CodeLines() const;
  uint64_t TestLines() const;
};

inline constexpr size_t kMaxTextBytes = size_t{4} << 20;

// Walks `root` once, honouring .gitignore and skipping caches, virtual
// environments and build output as `dsaudit check` does.
Inventory BuildInventory(const std::filesystem::path& root);

// Classification by path alone (relative, '/' separators); YAML files need
// their text to tell a Kubernetes manifest from any other YAML.
FileRole ClassifyPath(std::string_view relative_path);
bool LooksLikeKubernetes(std::string_view yaml_text);
bool LooksLikeK6Script(std::string_view js_text);
// Prometheus rule files under any name: `groups:` holding `alert:` or `record:` rules.
bool LooksLikePrometheusRules(std::string_view yaml_text);
// values.yaml, values-prod.yaml, values.staging.yml: a Helm chart's values
// when a Chart.yaml sits beside it.
bool IsHelmValuesName(std::string_view base_name);
bool IsTestPath(std::string_view relative_path);
// "a/b/c.py" -> "c.py".
std::string_view BaseName(std::string_view path);

}  // namespace dsaudit::audit
