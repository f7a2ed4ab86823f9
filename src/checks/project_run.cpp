#include "checks/project_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "base/file_io.h"
#include "checks/registry.h"

namespace dsaudit::checks {

namespace fs = std::filesystem;

std::string DisplayPath(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error).lexically_normal();
  fs::path cwd = fs::current_path(error);
  fs::path relative = absolute.lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return absolute.generic_string();
}

ProjectRunResult RunProjectChecks(const std::vector<fs::path>& roots,
                                  const config::Config& config,
                                  const ProjectRunOptions& options) {
  ProjectRunResult result;
  if (options.stdin_bytes) {
    CheckedFile checked;
    checked.display_path = options.stdin_filename;
    checked.source.path = options.stdin_filename;
    checked.source.kind = options.stdin_filename.ends_with(".ipynb")
                              ? discovery::FileKind::kNotebook
                              : discovery::FileKind::kPython;
    result.files.push_back(std::move(checked));
  } else {
    discovery::DiscoveryOptions discovery_options;
    discovery_options.respect_gitignore = options.respect_gitignore;
    discovery::DiscoveryResult found = discovery::DiscoverFiles(roots, discovery_options);
    result.warnings = std::move(found.warnings);
    for (const discovery::DiscoveryWarning& warning : result.warnings) {
      result.named_path_missing |= warning.named;
    }
    // Configured excludes apply to files met while walking, not to named ones.
    for (discovery::SourceFile& file : found.files) {
      bool named = std::find(roots.begin(), roots.end(), file.path) != roots.end();
      if (!named && config::IsExcluded(config, fs::absolute(file.path))) continue;
      CheckedFile checked;
      checked.display_path = DisplayPath(file.path);
      checked.source = std::move(file);
      result.files.push_back(std::move(checked));
    }
  }

  Engine engine(config, {.fix = options.fix});
  std::vector<FileOutcome> outcomes(result.files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < result.files.size(); i = next.fetch_add(1)) {
      CheckedFile& file = result.files[i];
      FileInput input{.path = file.display_path,
                      .is_notebook = file.source.kind == discovery::FileKind::kNotebook};
      std::string error;
      if (options.stdin_bytes) {
        input.bytes = *options.stdin_bytes;
      } else if (!ReadFileBytes(file.source.path.string(), &input.bytes, &error)) {
        Finding finding;
        finding.code = std::string(kUnreadableFileRule.code);
        finding.area = kUnreadableFileRule.area;
        finding.severity = kUnreadableFileRule.severity;
        finding.path = file.display_path;
        finding.message = fmt::format("Cannot read file: {}", error);
        finding.effort_minutes = kUnreadableFileRule.effort_minutes;
        outcomes[i].findings.push_back(std::move(finding));
        AssignFingerprints(outcomes[i].findings, {""});
        continue;
      }
      if (options.keep_originals) file.original_bytes = input.bytes;
      outcomes[i] = engine.CheckFile(std::move(input));
    }
  };
  unsigned jobs =
      options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::clamp<size_t>(result.files.size(), 1, jobs));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  std::vector<std::string> paths;
  for (const CheckedFile& file : result.files) paths.push_back(file.display_path);
  std::vector<Finding> project = engine.CheckProject(outcomes, paths);
  for (size_t i = 0; i < outcomes.size(); ++i) {
    CheckedFile& file = result.files[i];
    FileOutcome& outcome = outcomes[i];
    file.fixed_bytes = std::move(outcome.fixed_bytes);
    file.fixes_applied = outcome.fixes_applied;
    file.fix_refused = std::move(outcome.fix_refused);
    file.lines = outcome.lines;
    for (Finding& finding : outcome.findings) result.findings.push_back(std::move(finding));
  }
  for (Finding& finding : project) result.findings.push_back(std::move(finding));
  std::stable_sort(result.findings.begin(), result.findings.end(), FindingLess);
  return result;
}

}  // namespace dsaudit::checks
