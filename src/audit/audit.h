// One `dsaudit audit` run: every code check (checks::RunProjectChecks) plus
// the project checks over the inventory, then scores and the action plan.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "audit/inventory.h"
#include "audit/scoring.h"
#include "config/config.h"
#include "discovery/discovery.h"
#include "findings/finding.h"

namespace dsaudit::audit {

struct AuditOptions {
  bool respect_gitignore = true;
  unsigned jobs = 0;  // 0: every core
  // Also scan the whole git history for secrets (DS854).
  bool history = false;
  // Fingerprints of accepted findings (secrets::LoadBaseline): dropped
  // before scoring.
  std::unordered_set<std::string> baseline;
};

struct AuditSummary {
  uint64_t files = 0;  // files the audit read (code and project files)
  uint64_t python_files = 0;
  uint64_t notebooks = 0;
  uint64_t lines = 0;  // lines of Python and notebook code checked
  double seconds = 0;
};

struct AuditResult {
  std::string root;  // as the user named it
  Inventory inventory;
  std::vector<Finding> findings;  // sorted; paths relative to root
  AuditSummary summary;
  Scores scores;
  std::vector<PlanTask> plan;
  std::vector<discovery::DiscoveryWarning> warnings;
  bool root_missing = false;
};

AuditResult RunAudit(const std::filesystem::path& root, const config::Config& config,
                     const AuditOptions& options);

// Findings of the project checks alone (for tests and callers that already
// ran the code checks).
std::vector<Finding> RunProjectLevelChecks(const Inventory& inventory, const config::Config& config);

}  // namespace dsaudit::audit
