// `dsaudit debug ast [--attributes] FILE...`: the parser's tree as CPython's
// ast.dump() prints it, so `make parity` can diff it against python3.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "frontend/python/ast_dump.h"
#include "frontend/python/parser.h"
#include "frontend/python/source_text.h"

namespace dsaudit::cli {
namespace {

// strerror() text as a diagnostic: lowercase, e.g. "no such file or directory".
std::string ErrnoMessage(int error) {
  std::string message = std::strerror(error);
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  return message;
}

// Dumps can be megabytes per file; one write(2) per file, bypassing stdio.
void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot write output: " + ErrnoMessage(errno));
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

const python::SyntaxError* FirstError(const python::ParsedModule& parsed) {
  if (parsed.source.error().has_value()) return &*parsed.source.error();
  if (!parsed.errors.empty()) return &parsed.errors.front();
  return nullptr;
}

int RunDebugAst(const std::vector<std::string>& files, bool include_attributes) {
  int status = kExitOk;
  std::string bytes;
  std::string out;
  for (const std::string& file : files) {
    if (!ReadInputFile(file, &bytes)) {
      status = kExitUsage;
      continue;
    }
    std::unique_ptr<python::ParsedModule> parsed =
        python::Parse(python::SourceText::FromBytes(bytes));
    if (const python::SyntaxError* error = FirstError(*parsed)) {
      std::fprintf(stderr, "%s:%u:%u: %s: %s\n", file.c_str(), error->line, error->column,
                   error->type.c_str(), error->message.c_str());
      if (status == kExitOk) status = kExitFindings;
      continue;
    }
    out.clear();
    out += "== ";
    out += file;
    out += '\n';
    python::AppendAstDump(parsed->module, include_attributes, out);
    out += '\n';
    WriteAll(STDOUT_FILENO, out);
  }
  return status;
}

}  // namespace

void RegisterDebugAstCommand(CLI::App& debug) {
  CLI::App* command = debug.add_subcommand(
      "ast", "print each file's syntax tree exactly as CPython 3.11's ast.dump() does");
  auto files = std::make_shared<std::vector<std::string>>();
  auto include_attributes = std::make_shared<bool>(false);
  command->add_flag("--attributes", *include_attributes,
                    "include lineno, col_offset, end_lineno and end_col_offset");
  command->add_option("files", *files, "Python files to parse")->required();
  command->callback([files, include_attributes] {
    int status = RunDebugAst(*files, *include_attributes);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
