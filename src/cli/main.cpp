#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "dsaudit: production-readiness audit of data-science projects\n"
      "(Python code, notebooks, packaging, CI, containers, infrastructure)",
      "dsaudit"};
  app.set_version_flag("-V,--version", std::string("dsaudit ") + DSAUDIT_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  dsaudit::cli::RegisterCheckCommand(app);
  dsaudit::cli::RegisterAuditCommand(app);
  dsaudit::cli::RegisterRulesCommands(app);
  dsaudit::cli::RegisterParseCommand(app);
  dsaudit::cli::RegisterLoadCommand(app);
  dsaudit::cli::RegisterPlanCommand(app);
  dsaudit::cli::RegisterBenchCommand(app);
  CLI::App* debug = app.add_subcommand("debug", "inspect the front end: tokens, syntax trees, scopes");
  debug->require_subcommand(1);
  dsaudit::cli::RegisterDebugTokensCommand(*debug);
  dsaudit::cli::RegisterDebugAstCommand(*debug);
  dsaudit::cli::RegisterDebugNotebookCommand(*debug);
  dsaudit::cli::RegisterDebugScopesCommand(*debug);

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& error) {
    // Commands end with a non-zero status by throwing CLI::RuntimeError(code).
    return error.get_exit_code();
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : dsaudit::cli::kExitUsage;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "dsaudit: error: %s\n", error.what());
    return dsaudit::cli::kExitUsage;
  }
  return 0;
}
