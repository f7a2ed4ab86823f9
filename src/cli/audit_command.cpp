// `dsaudit audit [PATH]`: the whole-project audit. Runs every code check and
// the project checks, scores each area, plans the work, and writes the report
// in the chosen format.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "audit/audit.h"
#include "audit/audit_report.h"
#include "audit/secrets/baseline.h"
#include "checks/registry.h"
#include "cli/commands.h"
#include "config/config.h"
#include "findings/area.h"
#include "reports/github_report.h"
#include "reports/gitlab_report.h"
#include "reports/rule_lookup.h"
#include "reports/sarif_report.h"

namespace dsaudit::cli {
namespace {

namespace fs = std::filesystem;

struct AuditCommandOptions {
  std::string path = ".";
  std::string format = "text";
  std::string output_file;
  std::string config_file;
  bool isolated = false;
  bool no_gitignore = false;
  bool exit_zero = false;
  std::string color = "auto";
  unsigned jobs = 0;
  // CI gates: exit 1 when the overall score is below, or any finding is at
  // least this severe. Negative / empty: no gate.
  int fail_under = -1;
  std::string fail_on;
  bool history = false;
  std::string baseline_file;
};

[[noreturn]] void UsageError(const std::string& message) {
  std::fprintf(stderr, "dsaudit: error: %s\n", message.c_str());
  throw CLI::RuntimeError(kExitUsage);
}

config::Config LoadConfig(const AuditCommandOptions& options) {
  config::Config config;
  config.root = fs::current_path();
  if (options.isolated) return config;
  std::optional<fs::path> file = options.config_file.empty()
                                     ? config::FindConfigFile(fs::path(options.path))
                                     : std::optional<fs::path>(options.config_file);
  if (!file) return config;
  config::ConfigResult loaded = config::LoadConfigFile(*file, checks::IsKnownSelector);
  if (!loaded.ok()) UsageError(loaded.error);
  return std::move(loaded.config);
}

bool UseColor(const AuditCommandOptions& options) {
  if (options.color == "always") return true;
  if (options.color == "never" || !options.output_file.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

// With a gate, the gate alone decides; without one, any finding fails.
int ExitStatus(const audit::AuditResult& result, const AuditCommandOptions& options) {
  if (options.exit_zero) return kExitOk;
  const bool gated = options.fail_under >= 0 || !options.fail_on.empty();
  if (!gated) return result.findings.empty() ? kExitOk : kExitFindings;
  bool failed = false;
  if (options.fail_under >= 0 && result.scores.score < static_cast<uint32_t>(options.fail_under)) {
    std::fprintf(stderr, "dsaudit: score %u is below --fail-under %d\n", result.scores.score,
                 options.fail_under);
    failed = true;
  }
  if (!options.fail_on.empty()) {
    const Severity threshold = *ParseSeverity(options.fail_on);
    size_t at_least = 0;
    for (const Finding& finding : result.findings) at_least += finding.severity >= threshold;
    if (at_least > 0) {
      std::fprintf(stderr, "dsaudit: %zu finding%s at severity %s or above (--fail-on)\n", at_least,
                   at_least == 1 ? "" : "s", options.fail_on.c_str());
      failed = true;
    }
  }
  return failed ? kExitFindings : kExitOk;
}

int RunAuditCommand(const AuditCommandOptions& options) {
  config::Config config = LoadConfig(options);
  audit::AuditOptions audit_options{.respect_gitignore = !options.no_gitignore,
                                    .jobs = options.jobs,
                                    .history = options.history};
  std::string baseline_error;
  if (!options.baseline_file.empty() &&
      !audit::secrets::LoadBaseline(options.baseline_file, &audit_options.baseline, &baseline_error)) {
    UsageError(baseline_error);
  }
  audit::AuditResult result = audit::RunAudit(options.path, config, audit_options);
  for (const discovery::DiscoveryWarning& warning : result.warnings) {
    std::fprintf(stderr, "dsaudit: %s: %s: %s\n", warning.named ? "error" : "warning",
                 warning.path.c_str(), warning.message.c_str());
  }
  if (result.root_missing) return kExitUsage;
  audit::ReportOptions report{.color = UseColor(options), .version = DSAUDIT_VERSION};
  reports::RuleLookup lookup = [](std::string_view code) { return checks::FindRule(code); };
  std::string output;
  if (options.format == "sarif") {
    output = reports::WriteSarif(result.findings, lookup, {.version = DSAUDIT_VERSION, .information_uri = ""});
  } else if (options.format == "gitlab") {
    output = reports::WriteGitlab(result.findings);
  } else if (options.format == "github") {
    output = reports::WriteGithub(result.findings);
  } else if (options.format == "json") {
    output = audit::WriteAuditJson(result, report);
  } else if (options.format == "markdown") {
    output = audit::WriteAuditMarkdown(result, report);
  } else if (options.format == "html") {
    output = audit::WriteAuditHtml(result, report);
  } else {
    output = audit::WriteAuditText(result, report);
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
  return ExitStatus(result, options);
}

}  // namespace

void RegisterAuditCommand(CLI::App& app) {
  auto options = std::make_shared<AuditCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "audit", "audit a whole project: code, tests, packaging, CI, containers; scores and a plan");
  command->add_option("path", options->path, "project directory (default: .)");
  command->add_option("--format,--output-format", options->format, "output format")
      ->check(CLI::IsMember({"text", "json", "markdown", "html", "sarif", "gitlab", "github"}));
  command->add_option("-o,--output-file", options->output_file, "write the report to a file");
  command->add_option("--config", options->config_file,
                      "configuration file (default: nearest dsaudit.toml or pyproject.toml)");
  command->add_flag("--isolated", options->isolated, "ignore every configuration file");
  command->add_flag("--no-respect-gitignore", options->no_gitignore,
                    "also audit files that .gitignore excludes");
  command->add_flag("--exit-zero", options->exit_zero, "exit 0 even when there are findings");
  command->add_option("--fail-under", options->fail_under,
                      "exit 1 when the overall score is below SCORE (0-100); only gates decide then")
      ->check(CLI::Range(0, 100));
  command->add_option("--fail-on", options->fail_on,
                      "exit 1 when any finding is at least this severe; only gates decide then")
      ->check(CLI::IsMember({"info", "minor", "major", "critical", "blocker"}));
  command->add_option("--color", options->color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command->add_flag("--history", options->history,
                    "also scan every commit of the git history for secrets (DS854)");
  command->add_option("--baseline", options->baseline_file,
                      "accept the findings of an earlier `audit --format json` report FILE: "
                      "findings with a fingerprint listed there are not reported");
  command->add_option("-j,--jobs", options->jobs, "parallel threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command->callback([options] {
    int status = RunAuditCommand(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
