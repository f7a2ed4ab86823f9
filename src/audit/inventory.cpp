#include "audit/inventory.h"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "base/file_io.h"
#include "base/lines.h"
#include "discovery/discovery.h"
#include "discovery/gitignore.h"

namespace dsaudit::audit {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view text, std::string_view suffix) { return text.ends_with(suffix); }

bool IsYaml(std::string_view name) { return EndsWith(name, ".yml") || EndsWith(name, ".yaml"); }

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

uint32_t CountLines(std::string_view text) {
  if (text.empty()) return 0;
  uint32_t lines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
  return text.back() == '\n' ? lines : lines + 1;
}

uint32_t CountTags(const fs::path& git_dir) {
  uint32_t tags = 0;
  std::error_code error;
  fs::path tag_dir = git_dir / "refs" / "tags";
  if (fs::is_directory(tag_dir, error)) {
    for (auto it = fs::recursive_directory_iterator(tag_dir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error)) ++tags;
    }
  }
  std::string packed, read_error;
  if (ReadFileBytes((git_dir / "packed-refs").string(), &packed, &read_error)) {
    for (size_t at = packed.find(" refs/tags/"); at != std::string::npos;
         at = packed.find(" refs/tags/", at + 1)) {
      ++tags;
    }
  }
  return tags;
}

class Walker {
 public:
  Walker(const fs::path& root, Inventory* inventory)
      : root_(root), ignore_(root), inventory_(inventory) {
    for (std::string& name : discovery::DiscoveryOptions::DefaultSkipDirNames()) {
      skip_.push_back(std::move(name));
    }
    skip_.push_back(".venv");
  }

  // Depth-first with an explicit stack; symlinked directories are not
  // entered, so a link loop cannot trap the walk.
  void Walk() {
    std::vector<std::string> stack = {""};
    while (!stack.empty()) {
      std::string dir = std::move(stack.back());
      stack.pop_back();
      std::vector<std::string> subdirs;
      std::error_code error;
      fs::path absolute = dir.empty() ? root_ : root_ / dir;
      for (auto it = fs::directory_iterator(absolute, error);
           !error && it != fs::directory_iterator(); it.increment(error)) {
        std::string name = it->path().filename().string();
        std::string relative = dir.empty() ? name : dir + "/" + name;
        std::error_code status_error;
        if (it->is_symlink(status_error)) {
          if (!fs::is_regular_file(it->path(), status_error)) continue;
        }
        if (it->is_directory(status_error)) {
          if (std::find(skip_.begin(), skip_.end(), name) != skip_.end()) continue;
          if (fs::exists(it->path() / "pyvenv.cfg", status_error)) continue;
          if (ignore_.IsIgnored(relative, true)) continue;
          subdirs.push_back(relative);
          continue;
        }
        if (!it->is_regular_file(status_error)) continue;
        if (ignore_.IsIgnored(relative, false)) continue;
        Add(relative);
      }
      std::sort(subdirs.rbegin(), subdirs.rend());
      for (std::string& sub : subdirs) stack.push_back(std::move(sub));
    }
  }

 private:
  void Add(const std::string& relative) {
    InventoryFile file;
    file.path = relative;
    file.role = ClassifyPath(relative);
    bool is_yaml = IsYaml(BaseName(relative));
    // Some kinds are told by their content: YAML (Kubernetes) and JavaScript (k6).
    bool is_js = EndsWith(relative, ".js");
    if (file.role == FileRole::kOther && !is_yaml && !is_js) return;
    std::string bytes, error;
    if (ReadFileBytes((root_ / relative).string(), &bytes, &error, kMaxTextBytes)) {
      file.text = std::move(bytes);
    }
    // `prometheus.yaml` may be a Deployment of Prometheus, or a PrometheusRule.
    if (file.role == FileRole::kMonitoringConfig && is_yaml && LooksLikeKubernetes(file.text)) {
      file.role = FileRole::kKubernetes;
    }
    if (file.role == FileRole::kOther) {
      std::error_code error;
      if (is_yaml && IsHelmValuesName(BaseName(relative)) &&
          fs::exists((root_ / relative).parent_path() / "Chart.yaml", error)) {
        file.role = FileRole::kHelmValues;
      } else if (is_yaml && LooksLikeKubernetes(file.text)) {
        file.role = FileRole::kKubernetes;
      } else if (is_yaml && LooksLikePrometheusRules(file.text)) {
        file.role = FileRole::kMonitoringConfig;
      } else if (is_js && LooksLikeK6Script(file.text)) {
        file.role = FileRole::kLoadTest;
      } else {
        return;
      }
    }
    file.lines = CountLines(file.text);
    file.is_test = (file.role == FileRole::kPython || file.role == FileRole::kNotebook) &&
                   IsTestPath(relative);
    inventory_->files.push_back(std::move(file));
  }

  fs::path root_;
  discovery::GitIgnore ignore_;
  Inventory* inventory_;
  std::vector<std::string> skip_;
};

}  // namespace

bool IsHelmValuesName(std::string_view base_name) {
  if (!base_name.starts_with("values")) return false;
  std::string_view rest = base_name.substr(6);
  if (rest.ends_with(".yaml")) {
    rest.remove_suffix(5);
  } else if (rest.ends_with(".yml")) {
    rest.remove_suffix(4);
  } else {
    return false;
  }
  return rest.empty() || rest.front() == '-' || rest.front() == '.' || rest.front() == '_';
}

std::string_view FileRoleName(FileRole role) {
  switch (role) {
    case FileRole::kPython: return "python";
    case FileRole::kNotebook: return "notebook";
    case FileRole::kRequirements: return "requirements";
    case FileRole::kPyproject: return "pyproject";
    case FileRole::kSetupPy: return "setup.py";
    case FileRole::kSetupCfg: return "setup.cfg";
    case FileRole::kPipfile: return "pipfile";
    case FileRole::kPipfileLock: return "pipfile-lock";
    case FileRole::kPoetryLock: return "poetry-lock";
    case FileRole::kOtherLock: return "lock";
    case FileRole::kCondaEnv: return "conda-environment";
    case FileRole::kDockerfile: return "dockerfile";
    case FileRole::kCompose: return "compose";
    case FileRole::kKubernetes: return "kubernetes";
    case FileRole::kTerraform: return "terraform";
    case FileRole::kGithubWorkflow: return "github-actions";
    case FileRole::kGitlabCi: return "gitlab-ci";
    case FileRole::kJenkinsfile: return "jenkinsfile";
    case FileRole::kAzurePipelines: return "azure-pipelines";
    case FileRole::kCircleCi: return "circleci";
    case FileRole::kPreCommit: return "pre-commit";
    case FileRole::kToxIni: return "tox";
    case FileRole::kNoxfile: return "nox";
    case FileRole::kLinterConfig: return "linter-config";
    case FileRole::kEnvFile: return "env-file";
    case FileRole::kChangelog: return "changelog";
    case FileRole::kLoadTest: return "load-test";
    case FileRole::kHelmValues: return "helm-values";
    case FileRole::kMonitoringConfig: return "monitoring-config";
    case FileRole::kOther: return "other";
  }
  return "other";
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

FileRole ClassifyPath(std::string_view path) {
  std::string_view name = BaseName(path);
  std::string lower = Lower(name);
  if (path == ".gitlab-ci.yml") return FileRole::kGitlabCi;
  if (path == ".circleci/config.yml") return FileRole::kCircleCi;
  if ((path.starts_with(".github/workflows/")) && IsYaml(name)) return FileRole::kGithubWorkflow;
  if (lower == "azure-pipelines.yml" || lower == "azure-pipelines.yaml") {
    return FileRole::kAzurePipelines;
  }
  if (name == "Jenkinsfile" || EndsWith(name, ".jenkinsfile")) return FileRole::kJenkinsfile;
  if (name == "noxfile.py") return FileRole::kNoxfile;
  if (EndsWith(name, ".py")) return FileRole::kPython;
  if (EndsWith(name, ".ipynb")) return FileRole::kNotebook;
  if (name == "pyproject.toml") return FileRole::kPyproject;
  if (name == "setup.py") return FileRole::kSetupPy;
  if (name == "setup.cfg") return FileRole::kSetupCfg;
  if (name == "Pipfile") return FileRole::kPipfile;
  if (name == "Pipfile.lock") return FileRole::kPipfileLock;
  if (name == "poetry.lock") return FileRole::kPoetryLock;
  if (name == "uv.lock" || name == "pdm.lock" || name == "conda-lock.yml") return FileRole::kOtherLock;
  if (name == "environment.yml" || name == "environment.yaml") return FileRole::kCondaEnv;
  if (EndsWith(lower, ".txt") &&
      (lower.starts_with("requirements") || path.find("requirements/") != std::string_view::npos)) {
    return FileRole::kRequirements;
  }
  if (lower.starts_with("dockerfile") || EndsWith(lower, ".dockerfile")) return FileRole::kDockerfile;
  if ((lower.starts_with("docker-compose") || lower.starts_with("compose")) && IsYaml(lower)) {
    return FileRole::kCompose;
  }
  if (EndsWith(name, ".tf")) return FileRole::kTerraform;
  if (name == ".pre-commit-config.yaml" || name == ".pre-commit-config.yml") {
    return FileRole::kPreCommit;
  }
  if (name == "tox.ini") return FileRole::kToxIni;
  static constexpr std::string_view kLinterConfigs[] = {
      ".flake8", ".pylintrc", "pylintrc", "ruff.toml", ".ruff.toml", "mypy.ini", ".mypy.ini",
      ".coveragerc", ".isort.cfg", ".bandit", "pytest.ini", ".editorconfig", ".yamllint",
      ".hadolint.yaml", "dsaudit.toml"};
  for (std::string_view config : kLinterConfigs) {
    if (name == config) return FileRole::kLinterConfig;
  }
  if (lower == ".env" || (lower.starts_with(".env.") && !lower.ends_with(".example") &&
                          !lower.ends_with(".sample") && !lower.ends_with(".template")) ||
      (EndsWith(lower, ".env") && lower.size() > 4)) {
    return FileRole::kEnvFile;
  }
  if (lower.starts_with("changelog") || lower.starts_with("changes") || lower.starts_with("history") ||
      lower.starts_with("news") || lower == "releases.md") {
    return FileRole::kChangelog;
  }
  bool data_file = IsYaml(lower) || EndsWith(lower, ".xml") || EndsWith(lower, ".json");
  if ((IsYaml(lower) && (lower.starts_with("prometheus") || lower.starts_with("alertmanager") ||
                         lower.starts_with("alert") || lower.find("rules.y") != std::string::npos)) ||
      (data_file && lower.starts_with("zabbix"))) {
    return FileRole::kMonitoringConfig;
  }
  if (EndsWith(lower, ".jmx") || (EndsWith(lower, ".scala") && path.find("gatling") != std::string_view::npos)) {
    return FileRole::kLoadTest;
  }
  if ((EndsWith(lower, ".lua") && path.find("wrk") != std::string_view::npos) ||
      lower.starts_with("artillery") || path.find("k6/") != std::string_view::npos) {
    return FileRole::kLoadTest;
  }
  return FileRole::kOther;
}

bool LooksLikePrometheusRules(std::string_view text) {
  return text.find("groups:") != std::string_view::npos &&
         (text.find("- alert:") != std::string_view::npos ||
          text.find("- record:") != std::string_view::npos);
}

bool LooksLikeK6Script(std::string_view js_text) {
  return js_text.find("from 'k6") != std::string_view::npos ||
         js_text.find("from \"k6") != std::string_view::npos ||
         js_text.find("require('k6") != std::string_view::npos;
}

bool LooksLikeKubernetes(std::string_view text) {
  bool api_version = false, kind = false;
  ForEachLine(text, [&](const TextLine& line) {
    if (line.text.starts_with("apiVersion:")) api_version = true;
    if (line.text.starts_with("kind:")) kind = true;
    if (line.text.starts_with("---")) api_version = kind = false;
    return !(api_version && kind);
  });
  return api_version && kind;
}

bool IsTestPath(std::string_view path) {
  std::string_view name = BaseName(path);
  if (name.starts_with("test_") || EndsWith(name, "_test.py") || name == "conftest.py") return true;
  std::string with_slash(1, '/');
  with_slash.append(path);
  return with_slash.find("/tests/") != std::string::npos ||
         with_slash.find("/test/") != std::string::npos;
}

std::vector<const InventoryFile*> Inventory::Files(FileRole role) const {
  std::vector<const InventoryFile*> out;
  for (const InventoryFile& file : files) {
    if (file.role == role) out.push_back(&file);
  }
  return out;
}

bool Inventory::Has(FileRole role) const {
  return std::any_of(files.begin(), files.end(),
                     [role](const InventoryFile& file) { return file.role == role; });
}

uint64_t Inventory::CodeLines() const {
  uint64_t lines = 0;
  for (const InventoryFile& file : files) {
    if (file.role == FileRole::kPython && !file.is_test) lines += file.lines;
  }
  return lines;
}

uint64_t Inventory::TestLines() const {
  uint64_t lines = 0;
  for (const InventoryFile& file : files) {
    if (file.role == FileRole::kPython && file.is_test) lines += file.lines;
  }
  return lines;
}

Inventory BuildInventory(const fs::path& root) {
  Inventory inventory;
  inventory.root = root;
  std::error_code error;
  if (fs::is_regular_file(root, error)) return inventory;
  Walker(root, &inventory).Walk();
  std::sort(inventory.files.begin(), inventory.files.end(),
            [](const InventoryFile& a, const InventoryFile& b) { return a.path < b.path; });
  fs::path git_dir = root / ".git";
  inventory.git_repository = fs::exists(git_dir, error);
  if (fs::is_directory(git_dir, error)) inventory.git_tags = CountTags(git_dir);
  return inventory;
}

}  // namespace dsaudit::audit
