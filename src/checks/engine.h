// Runs the registered checks over files: read, parse, build the semantic
// model, walk the tree once dispatching nodes to checks, place findings,
// honour per-file ignores and noqa comments, fingerprint, and apply fixes.
#pragma once

#include <any>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/check_context.h"
#include "config/config.h"
#include "findings/finding.h"
#include "findings/suppression.h"

namespace dsaudit::checks {

struct EngineOptions {
  // Apply safe fixes (in memory: the caller decides whether to write).
  bool fix = false;
  // Rounds of fix-and-recheck, as ruff iterates until nothing changes.
  int max_fix_rounds = 10;
};

struct FileInput {
  std::string path;  // as printed: relative, '/'-separated
  bool is_notebook = false;
  std::string bytes;  // the file's content as read
};

struct FileOutcome {
  std::vector<Finding> findings;  // placed, unsuppressed, fingerprinted, sorted
  uint64_t lines = 0;
  // Set when fixes changed the file: the new content, ready to write.
  std::optional<std::string> fixed_bytes;
  uint32_t fixes_applied = 0;
  // Why fixes were not applied although some were available ("" if none).
  std::string fix_refused;
  // Kept for the project stage.
  std::vector<std::any> project_facts;  // one per project check
  std::optional<SuppressionIndex> suppressions;
};

class Engine {
 public:
  Engine(const config::Config& config, EngineOptions options = {});

  FileOutcome CheckFile(FileInput input) const;
  // Cross-file checks over every file's outcome (in path order). Their
  // findings are appended, suppressions and fingerprints applied.
  std::vector<Finding> CheckProject(std::vector<FileOutcome>& outcomes,
                                    const std::vector<std::string>& paths) const;

  // The checks that have an on_project handler, in registry order.
  const std::vector<const Check*>& project_checks() const { return project_checks_; }

 private:
  struct Pass;
  void RunChecks(Pass& pass) const;
  void Finalize(Pass& pass, FileOutcome& outcome) const;

  const config::Config& config_;
  EngineOptions options_;
  std::vector<const Check*> project_checks_;
};

// The fingerprints of a file's findings: occurrence counted per code and
// normalised line, in the findings' order. `line_text(i)` is finding i's line.
void AssignFingerprints(std::vector<Finding>& findings,
                        const std::vector<std::string>& line_texts);

// Applies non-overlapping fixes in order; returns how many were applied.
uint32_t ApplyFixes(std::string& text, std::vector<const Fix*> fixes);

}  // namespace dsaudit::checks
