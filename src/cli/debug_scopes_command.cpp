// `dsaudit debug scopes FILE...`: the semantic model of each file — scope
// tree, bindings with reference counts, unresolved names, unused bindings.
#include <CLI/CLI.hpp>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "frontend/python/parser.h"
#include "frontend/python/source_text.h"
#include "semantic/scope_dump.h"
#include "semantic/semantic_model.h"

namespace dsaudit::cli {
namespace {

int RunDebugScopes(const std::vector<std::string>& files) {
  int status = kExitOk;
  std::string bytes;
  for (const std::string& file : files) {
    if (!ReadInputFile(file, &bytes)) {
      status = kExitUsage;
      continue;
    }
    std::unique_ptr<python::ParsedModule> parsed =
        python::Parse(python::SourceText::FromBytes(bytes));
    // The parser recovers, so a file with errors still has a tree to model.
    const python::SyntaxError* first_error = nullptr;
    if (parsed->source.error().has_value()) first_error = &*parsed->source.error();
    if (first_error == nullptr && !parsed->errors.empty()) first_error = &parsed->errors.front();
    if (first_error != nullptr) {
      const python::SyntaxError& error = *first_error;
      std::fprintf(stderr, "%s:%u:%u: %s: %s\n", file.c_str(), error.line, error.column,
                   error.type.c_str(), error.message.c_str());
      if (status == kExitOk) status = kExitFindings;
    }
    semantic::BuildOptions options;
    options.module_is_package = semantic::IsPackageInit(file);
    semantic::SemanticModel model = semantic::SemanticModel::Build(*parsed->module, options);
    std::string out = "== " + file + "\n" + semantic::DumpScopes(model);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return status;
}

}  // namespace

void RegisterDebugScopesCommand(CLI::App& debug) {
  CLI::App* command = debug.add_subcommand(
      "scopes", "print each file's scopes, bindings, unresolved names and unused bindings");
  auto files = std::make_shared<std::vector<std::string>>();
  command->add_option("files", *files, "Python files to analyse")->required();
  command->callback([files] {
    int status = RunDebugScopes(*files);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
