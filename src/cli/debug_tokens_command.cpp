// `dsaudit debug tokens FILE...`: the tokenizer's view of Python files, one
// token per line, for debugging the front end and comparing with CPython.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "frontend/python/lexer.h"
#include "frontend/python/source_text.h"

namespace dsaudit::cli {
namespace {

// Token text as a single-quoted, escaped literal so every token fits a line.
std::string Quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\f': out += "\\f"; break;
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += "'";
  return out;
}

void PrintToken(const python::Token& token, std::string_view text) {
  fmt::print("{}:{}-{}:{} {} {}\n", token.line, token.col, token.end_line, token.end_col,
             python::TokenKindName(token.kind), Quote(token.Text(text)));
}

void PrintError(const std::string& path, const python::SyntaxError& error) {
  fmt::print("{}:{}:{}: {}: {}\n", path, error.line, error.column, error.type, error.message);
}

int DumpTokens(const std::vector<std::string>& paths) {
  int status = kExitOk;
  for (const std::string& path : paths) {
    std::string bytes;
    if (!ReadInputFile(path, &bytes)) {
      status = kExitUsage;
      continue;
    }
    python::SourceText source = python::SourceText::FromBytes(bytes);
    python::TokenizedSource tokens = python::Tokenize(source);
    fmt::print("== {}\n", path);
    for (const python::Token& token : tokens.tokens) PrintToken(token, source.text());
    for (const python::Token& comment : tokens.comments) PrintToken(comment, source.text());
    if (source.error()) PrintError(path, *source.error());
    for (const python::SyntaxError& error : tokens.errors) PrintError(path, error);
    if (status == kExitOk && (source.error() || !tokens.errors.empty())) status = kExitFindings;
  }
  return status;
}

}  // namespace

void RegisterDebugTokensCommand(CLI::App& debug) {
  auto paths = std::make_shared<std::vector<std::string>>();
  CLI::App* command = debug.add_subcommand("tokens", "print the tokens, comments and lexical errors of Python files");
  command->add_option("files", *paths, "Python source files")->required();
  command->callback([paths] {
    int status = DumpTokens(*paths);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
