// `dsaudit check [PATH...]`: the linter half of the audit. Discovers files,
// checks them in parallel on every core, prints findings in the chosen
// format in a deterministic order, and applies safe fixes when asked.
#include <fmt/format.h>
#include <unistd.h>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/file_io.h"
#include "checks/engine.h"
#include "checks/registry.h"
#include "cli/commands.h"
#include "config/config.h"
#include "discovery/discovery.h"
#include "reports/github_report.h"
#include "reports/gitlab_report.h"
#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "reports/sarif_report.h"
#include "reports/text_report.h"

namespace dsaudit::cli {
namespace {

namespace fs = std::filesystem;

struct CheckCommandOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::vector<std::string> select, extend_select, ignore, exclude, extend_exclude;
  bool select_given = false, exclude_given = false;
  int line_length = 0;
  std::string target_version;
  std::string config_file;
  bool isolated = false;
  bool statistics = false;
  bool fix = false;
  bool diff = false;
  bool exit_zero = false;
  bool no_gitignore = false;
  std::string output_file;
  std::string color = "auto";
  unsigned jobs = 0;
};

[[noreturn]] void UsageError(const std::string& message) {
  std::fprintf(stderr, "dsaudit: error: %s\n", message.c_str());
  throw CLI::RuntimeError(kExitUsage);
}

// How a path is printed: relative to the working directory when below it.
std::string DisplayPath(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error).lexically_normal();
  fs::path cwd = fs::current_path(error);
  fs::path relative = absolute.lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return absolute.generic_string();
}

config::Config LoadConfig(const CheckCommandOptions& options) {
  config::Config config;
  config.root = fs::current_path();
  if (!options.isolated) {
    std::optional<fs::path> file;
    if (!options.config_file.empty()) {
      file = options.config_file;
    } else {
      file = config::FindConfigFile(options.paths.empty() ? fs::path(".") : fs::path(options.paths[0]));
    }
    if (file) {
      config::ConfigResult loaded = config::LoadConfigFile(*file, checks::IsKnownSelector);
      if (!loaded.ok()) UsageError(loaded.error);
      config = std::move(loaded.config);
    }
  }
  config::ConfigOverrides overrides;
  auto known = [](const std::vector<std::string>& codes, const char* flag) {
    for (const std::string& code : codes) {
      if (!checks::IsKnownSelector(code)) {
        UsageError(fmt::format("{}: unknown rule selector '{}' (see `dsaudit rules`)", flag, code));
      }
    }
  };
  known(options.select, "--select");
  known(options.extend_select, "--extend-select");
  known(options.ignore, "--ignore");
  if (options.select_given) overrides.select = options.select;
  overrides.extend_select = options.extend_select;
  overrides.ignore = options.ignore;
  if (options.exclude_given) overrides.exclude = options.exclude;
  overrides.extend_exclude = options.extend_exclude;
  if (options.line_length > 0) overrides.line_length = options.line_length;
  if (!options.target_version.empty()) {
    std::optional<int> minor = config::ParseTargetVersion(options.target_version);
    if (!minor) UsageError("--target-version must be one of py38 .. py313");
    overrides.target_minor = minor;
  }
  return config::ApplyOverrides(std::move(config), overrides);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// A unified diff of one file's fixes, as `ruff check --diff` prints it.
std::string UnifiedDiff(const std::string& path, const std::string& before,
                        const std::string& after) {
  dtl::Diff<std::string> diff(Lines(before), Lines(after));
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  out << "--- " << path << "\n+++ " << path << "\n";
  diff.printUnifiedFormat(out);
  return out.str();
}

bool UseColor(const CheckCommandOptions& options) {
  if (options.color == "always") return true;
  if (options.color == "never" || !options.output_file.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

std::string Render(const std::vector<Finding>& findings, const CheckCommandOptions& options) {
  reports::RuleLookup lookup = [](std::string_view code) { return checks::FindRule(code); };
  if (options.format == "json") return reports::WriteJson(findings);
  if (options.format == "sarif") {
    return reports::WriteSarif(findings, lookup,
                               {.version = DSAUDIT_VERSION, .information_uri = ""});
  }
  if (options.format == "gitlab") return reports::WriteGitlab(findings);
  if (options.format == "github") return reports::WriteGithub(findings);
  if (options.format == "junit") return reports::WriteJunit(findings);
  reports::TextOptions text{.color = UseColor(options)};
  std::string out = reports::WriteText(findings, text);
  if (options.statistics) out = reports::WriteStatistics(findings, lookup, text);
  return out;
}

int RunCheck(const CheckCommandOptions& options) {
  config::Config config = LoadConfig(options);
  std::vector<fs::path> roots(options.paths.begin(), options.paths.end());
  if (roots.empty()) roots.emplace_back(".");
  discovery::DiscoveryOptions discovery_options;
  discovery_options.respect_gitignore = !options.no_gitignore;
  discovery::DiscoveryResult found = discovery::DiscoverFiles(roots, discovery_options);
  bool named_missing = false;
  for (const discovery::DiscoveryWarning& warning : found.warnings) {
    named_missing |= warning.named;
    std::fprintf(stderr, "dsaudit: %s: %s: %s\n", warning.named ? "error" : "warning",
                 warning.path.c_str(), warning.message.c_str());
  }
  if (named_missing) return kExitUsage;

  // Configured excludes apply to files met while walking, not to named ones.
  std::vector<discovery::SourceFile> files;
  for (discovery::SourceFile& file : found.files) {
    bool named = std::find(roots.begin(), roots.end(), file.path) != roots.end();
    if (!named && config::IsExcluded(config, fs::absolute(file.path))) continue;
    files.push_back(std::move(file));
  }
  std::vector<std::string> paths;
  for (const discovery::SourceFile& file : files) paths.push_back(DisplayPath(file.path));

  checks::Engine engine(config, {.fix = options.fix || options.diff});
  std::vector<checks::FileOutcome> outcomes(files.size());
  std::vector<std::string> originals(options.diff ? files.size() : 0);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < files.size(); i = next.fetch_add(1)) {
      checks::FileInput input{.path = paths[i],
                              .is_notebook = files[i].kind == discovery::FileKind::kNotebook};
      std::string error;
      if (!ReadFileBytes(files[i].path.string(), &input.bytes, &error)) {
        Finding finding;
        finding.code = std::string(checks::kUnreadableFileRule.code);
        finding.area = checks::kUnreadableFileRule.area;
        finding.severity = checks::kUnreadableFileRule.severity;
        finding.path = paths[i];
        finding.message = fmt::format("Cannot read file: {}", error);
        finding.effort_minutes = checks::kUnreadableFileRule.effort_minutes;
        outcomes[i].findings.push_back(std::move(finding));
        checks::AssignFingerprints(outcomes[i].findings, {""});
        continue;
      }
      if (options.diff) originals[i] = input.bytes;
      outcomes[i] = engine.CheckFile(std::move(input));
    }
  };
  unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::clamp<size_t>(files.size(), 1, jobs));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  std::vector<Finding> findings;
  uint32_t fixed = 0;
  std::string diffs;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    checks::FileOutcome& outcome = outcomes[i];
    if (outcome.fixed_bytes) {
      fixed += outcome.fixes_applied;
      if (options.diff) {
        diffs += UnifiedDiff(paths[i], originals[i], *outcome.fixed_bytes);
      } else {
        std::string error;
        if (!WriteFileAtomically(files[i].path.string(), *outcome.fixed_bytes, &error)) {
          std::fprintf(stderr, "dsaudit: error: %s: fixes not written: %s\n", paths[i].c_str(),
                       error.c_str());
        }
      }
    } else if (!outcome.fix_refused.empty()) {
      std::fprintf(stderr, "dsaudit: warning: %s: %s\n", paths[i].c_str(),
                   outcome.fix_refused.c_str());
    }
  }
  std::vector<Finding> project = engine.CheckProject(outcomes, paths);
  for (checks::FileOutcome& outcome : outcomes) {
    for (Finding& finding : outcome.findings) findings.push_back(std::move(finding));
  }
  for (Finding& finding : project) findings.push_back(std::move(finding));
  std::stable_sort(findings.begin(), findings.end(), FindingLess);

  std::string output;
  if (options.diff) {
    output = diffs;
    output += fmt::format("Would fix {} error{}.\n", fixed, fixed == 1 ? "" : "s");
  } else {
    output = Render(findings, options);
    if (options.fix && options.format == "text" && fixed > 0) {
      output += fmt::format("Fixed {} error{}.\n", fixed, fixed == 1 ? "" : "s");
    }
  }
  if (!options.output_file.empty()) {
    FILE* out = std::fopen(options.output_file.c_str(), "wb");
    if (out == nullptr) UsageError(fmt::format("cannot write {}", options.output_file));
    std::fwrite(output.data(), 1, output.size(), out);
    std::fclose(out);
  } else {
    std::fwrite(output.data(), 1, output.size(), stdout);
    std::fflush(stdout);
  }
  if (options.exit_zero) return kExitOk;
  if (options.diff) return fixed > 0 ? kExitFindings : kExitOk;
  return findings.empty() ? kExitOk : kExitFindings;
}

}  // namespace

void RegisterCheckCommand(CLI::App& app) {
  auto options = std::make_shared<CheckCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "check Python files and notebooks; exit 1 when there are findings");
  command->add_option("paths", options->paths, "files or directories (default: .)");
  command->add_option("--format,--output-format", options->format, "output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "gitlab", "github", "junit"}));
  command->add_option("--select", options->select, "codes or prefixes to check (replaces config)")
      ->delimiter(',')
      ->each([options](const std::string&) { options->select_given = true; });
  command->add_option("--extend-select", options->extend_select, "codes or prefixes to add")
      ->delimiter(',');
  command->add_option("--ignore", options->ignore, "codes or prefixes to leave out")
      ->delimiter(',');
  command->add_option("--exclude", options->exclude, "glob patterns to skip (replaces config)")
      ->delimiter(',')
      ->each([options](const std::string&) { options->exclude_given = true; });
  command->add_option("--extend-exclude", options->extend_exclude, "more glob patterns to skip")
      ->delimiter(',');
  command->add_option("--line-length", options->line_length, "maximum line length (E501)")
      ->check(CLI::Range(1, 1000));
  command->add_option("--target-version", options->target_version, "py38 .. py313");
  command->add_option("--config", options->config_file,
                      "configuration file (default: nearest dsaudit.toml or pyproject.toml)");
  command->add_flag("--isolated", options->isolated, "ignore every configuration file");
  command->add_flag("--statistics", options->statistics, "count findings per code");
  command->add_flag("--fix", options->fix, "apply safe fixes, then report what remains");
  command->add_flag("--diff", options->diff, "print the safe fixes as a diff; change nothing");
  command->add_flag("--exit-zero", options->exit_zero, "exit 0 even when there are findings");
  command->add_flag("--no-respect-gitignore", options->no_gitignore,
                    "also check files that .gitignore excludes");
  command->add_option("-o,--output-file", options->output_file, "write the report to a file");
  command->add_option("--color", options->color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command->add_option("-j,--jobs", options->jobs, "parallel threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command->callback([options] {
    int status = RunCheck(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
