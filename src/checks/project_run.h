// One `check` run over a project: discover files, check them on every core,
// run the cross-file checks, and return sorted findings. Shared by
// `dsaudit check` and `dsaudit audit`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "checks/engine.h"
#include "config/config.h"
#include "discovery/discovery.h"
#include "findings/finding.h"

namespace dsaudit::checks {

struct ProjectRunOptions {
  bool fix = false;   // compute fixes (the caller writes or diffs them)
  bool keep_originals = false;  // keep each file's bytes, for diffs
  bool respect_gitignore = true;
  unsigned jobs = 0;  // 0: every core
  // Check this text instead of discovering files (`dsaudit check -`): the
  // roots are ignored and the file is named `stdin_filename`, which decides
  // per-file ignores, notebook or not, and module visibility as a path does.
  std::optional<std::string> stdin_bytes;
  std::string stdin_filename = "-";
};

struct CheckedFile {
  discovery::SourceFile source;
  std::string display_path;
  std::string original_bytes;  // only with keep_originals
  std::optional<std::string> fixed_bytes;
  uint32_t fixes_applied = 0;
  std::string fix_refused;
  uint64_t lines = 0;
};

struct ProjectRunResult {
  std::vector<Finding> findings;  // sorted
  std::vector<CheckedFile> files;  // in path order
  std::vector<discovery::DiscoveryWarning> warnings;
  bool named_path_missing = false;
};

// How a path is printed: relative to the working directory when below it.
std::string DisplayPath(const std::filesystem::path& path);

ProjectRunResult RunProjectChecks(const std::vector<std::filesystem::path>& roots,
                                  const config::Config& config,
                                  const ProjectRunOptions& options);

}  // namespace dsaudit::checks
