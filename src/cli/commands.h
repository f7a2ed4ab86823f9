// Each subcommand registers itself on the CLI11 app; main() only wires them.
#pragma once

#include <CLI/CLI.hpp>

namespace dsaudit::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

void RegisterParseCommand(CLI::App& app);
void RegisterLoadCommand(CLI::App& app);
void RegisterPlanCommand(CLI::App& app);
void RegisterBenchCommand(CLI::App& app);
void RegisterCheckCommand(CLI::App& app);
void RegisterAuditCommand(CLI::App& app);
void RegisterRulesCommands(CLI::App& app);
void RegisterDebugAstCommand(CLI::App& debug);
void RegisterDebugTokensCommand(CLI::App& debug);
void RegisterDebugNotebookCommand(CLI::App& debug);
void RegisterDebugScopesCommand(CLI::App& debug);

}  // namespace dsaudit::cli
