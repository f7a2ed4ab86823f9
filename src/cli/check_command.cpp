// `dsaudit check [PATH...]`: the linter half of the audit. Discovers files,
// checks them in parallel on every core, prints findings in the chosen
// format in a deterministic order, and applies safe fixes when asked.
#include <fmt/format.h>
#include <unistd.h>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "checks/project_run.h"
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
  std::string stdin_filename;
  std::string color = "auto";
  unsigned jobs = 0;
};

[[noreturn]] void UsageError(const std::string& message) {
  std::fprintf(stderr, "dsaudit: error: %s\n", message.c_str());
  throw CLI::RuntimeError(kExitUsage);
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
  checks::ProjectRunOptions run_options{.fix = options.fix || options.diff,
                                        .keep_originals = options.diff,
                                        .respect_gitignore = !options.no_gitignore,
                                        .jobs = options.jobs};
  // `-` reads the file from standard input, as editors and pre-commit pipe it.
  bool from_stdin = options.paths.size() == 1 && options.paths[0] == "-";
  if (from_stdin) {
    std::string bytes, error;
    if (!ReadStreamBytes(STDIN_FILENO, &bytes, &error)) {
      UsageError(fmt::format("cannot read standard input: {}", error));
    }
    run_options.stdin_bytes = std::move(bytes);
    if (!options.stdin_filename.empty()) run_options.stdin_filename = options.stdin_filename;
  } else if (!options.stdin_filename.empty()) {
    UsageError("--stdin-filename names the file read from standard input: give `-` as the path");
  }
  checks::ProjectRunResult run = checks::RunProjectChecks(roots, config, run_options);
  for (const discovery::DiscoveryWarning& warning : run.warnings) {
    std::fprintf(stderr, "dsaudit: %s: %s: %s\n", warning.named ? "error" : "warning",
                 warning.path.c_str(), warning.message.c_str());
  }
  if (run.named_path_missing) return kExitUsage;

  uint32_t fixed = 0;
  std::string diffs;
  for (const checks::CheckedFile& file : run.files) {
    if (file.fixed_bytes) {
      fixed += file.fixes_applied;
      if (options.diff) {
        diffs += UnifiedDiff(file.display_path, file.original_bytes, *file.fixed_bytes);
      } else if (from_stdin) {
        // Written below, in place of the input.
      } else {
        std::string error;
        if (!WriteFileAtomically(file.source.path.string(), *file.fixed_bytes, &error)) {
          std::fprintf(stderr, "dsaudit: error: %s: fixes not written: %s\n",
                       file.display_path.c_str(), error.c_str());
        }
      }
    } else if (!file.fix_refused.empty()) {
      std::fprintf(stderr, "dsaudit: warning: %s: %s\n", file.display_path.c_str(),
                   file.fix_refused.c_str());
    }
  }
  const std::vector<Finding>& findings = run.findings;

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
  if (from_stdin && options.fix && !options.diff) {
    // ruff's convention: the fixed source on stdout, the report on stderr.
    const checks::CheckedFile& file = run.files.front();
    const std::string& source = file.fixed_bytes ? *file.fixed_bytes : *run_options.stdin_bytes;
    std::fwrite(source.data(), 1, source.size(), stdout);
    std::fflush(stdout);
    if (options.output_file.empty()) {
      std::fwrite(output.data(), 1, output.size(), stderr);
      output.clear();
    }
  }
  if (!options.output_file.empty()) {
    FILE* out = std::fopen(options.output_file.c_str(), "wb");
    if (out == nullptr) UsageError(fmt::format("cannot write {}", options.output_file));
    std::fwrite(output.data(), 1, output.size(), out);
    std::fclose(out);
  } else if (!output.empty()) {
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
  command->add_option("paths", options->paths,
                      "files or directories (default: .); - reads one file from stdin");
  command->add_option("--stdin-filename", options->stdin_filename,
                      "the name of the file read from stdin (per-file ignores, notebook or not)");
  command->add_option("--format,--output-format", options->format, "output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "gitlab", "github", "junit"}));
  command->add_option("--select", options->select, "codes or prefixes to check (replaces config)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->each([options](const std::string&) { options->select_given = true; });
  command->add_option("--extend-select", options->extend_select, "codes or prefixes to add")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--ignore", options->ignore, "codes or prefixes to leave out")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--exclude", options->exclude, "glob patterns to skip (replaces config)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->each([options](const std::string&) { options->exclude_given = true; });
  command->add_option("--extend-exclude", options->extend_exclude, "more glob patterns to skip")
      ->delimiter(',')
      ->allow_extra_args(false);
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
