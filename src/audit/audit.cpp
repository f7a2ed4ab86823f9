#include "audit/audit.h"

#include <algorithm>
#include <chrono>
#include <system_error>

#include "audit/checks/secret_in_git_history.h"
#include "audit/project_check.h"
#include "audit/secrets/baseline.h"
#include "checks/project_run.h"
#include "checks/registry.h"

namespace dsaudit::audit {
namespace {

namespace fs = std::filesystem;

// Code findings carry paths as `check` prints them (relative to the working
// directory); the audit reports them relative to the audited root.
void RebasePaths(std::vector<Finding>& findings, const fs::path& root) {
  std::string prefix = checks::DisplayPath(root);
  if (prefix == "." || prefix.empty()) return;
  if (prefix.back() != '/') prefix += '/';
  for (Finding& finding : findings) {
    if (finding.path.starts_with(prefix)) finding.path.erase(0, prefix.size());
  }
}

}  // namespace

std::vector<Finding> RunProjectLevelChecks(const Inventory& inventory, const config::Config& config) {
  AuditContext context(inventory);
  for (const ProjectCheck& check : AllProjectChecks()) {
    if (!config::IsEnabled(config, check.rule->code, inventory.root)) continue;
    check.run(context);
  }
  std::vector<Finding> findings = context.TakeFindings();
  std::erase_if(findings, [&](const Finding& finding) {
    return !finding.path.empty() &&
           !config::IsEnabled(config, finding.code, inventory.root / finding.path);
  });
  return findings;
}

AuditResult RunAudit(const fs::path& root, const config::Config& config, const AuditOptions& options) {
  auto started = std::chrono::steady_clock::now();
  AuditResult result;
  result.root = root.string();
  std::error_code error;
  if (!fs::exists(root, error)) {
    result.root_missing = true;
    result.warnings.push_back({root.string(), "No such file or directory", true});
    return result;
  }
  checks::ProjectRunResult run = checks::RunProjectChecks(
      {root}, config, {.respect_gitignore = options.respect_gitignore, .jobs = options.jobs});
  result.warnings = std::move(run.warnings);
  result.root_missing = run.named_path_missing;
  result.findings = std::move(run.findings);
  RebasePaths(result.findings, root);
  for (const checks::CheckedFile& file : run.files) {
    result.summary.lines += file.lines;
    if (file.source.kind == discovery::FileKind::kNotebook) {
      ++result.summary.notebooks;
    } else {
      ++result.summary.python_files;
    }
  }

  result.inventory = BuildInventory(root);
  std::vector<Finding> project = RunProjectLevelChecks(result.inventory, config);
  result.findings.insert(result.findings.end(), std::make_move_iterator(project.begin()),
                         std::make_move_iterator(project.end()));
  if (options.history && config::IsEnabled(config, "DS854", root)) {
    std::vector<Finding> history = FindSecretsInGitHistory(result.inventory);
    result.findings.insert(result.findings.end(), std::make_move_iterator(history.begin()),
                           std::make_move_iterator(history.end()));
  }
  secrets::ApplyBaseline(result.findings, options.baseline);
  std::sort(result.findings.begin(), result.findings.end(), FindingLess);

  uint64_t other_files = 0;
  for (const InventoryFile& file : result.inventory.files) {
    if (file.role != FileRole::kPython && file.role != FileRole::kNotebook) ++other_files;
  }
  result.summary.files = result.summary.python_files + result.summary.notebooks + other_files;
  result.scores = ComputeScores(result.findings, result.summary.lines);
  result.plan = BuildPlan(result.findings, [](std::string_view code) { return checks::FindRule(code); });
  result.summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace dsaudit::audit
