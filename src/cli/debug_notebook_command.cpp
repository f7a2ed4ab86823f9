// `dsaudit debug notebook FILE...`: how the notebook front end reads .ipynb
// files: each cell with its magics, then the Python source the checks see,
// each line labelled with the cell and line it comes from.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "frontend/notebook/notebook.h"

namespace dsaudit::cli {
namespace {

std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

void PrintCell(const notebook::Notebook& notebook, const notebook::Cell& cell) {
  std::string count = "";
  if (cell.type == notebook::CellType::kCode) {
    count = cell.execution_count ? fmt::format(" [{}]", *cell.execution_count) : " [ ]";
  }
  std::string note;
  if (!cell.outputs.empty()) note += fmt::format(", {} outputs", cell.outputs.size());
  if (!cell.language.empty()) note += fmt::format(", language {}", cell.language);
  if (cell.type == notebook::CellType::kCode && !cell.is_python) note += ", not Python";
  if (cell.is_python) {
    note +=
        fmt::format(", source lines {}-{}", cell.first_line, cell.first_line + cell.line_count - 1);
  }
  fmt::print("cell {} {}{}{}\n", cell.number, notebook::CellTypeName(cell.type), count, note);
  for (const notebook::Magic& magic : notebook.magics) {
    if (magic.cell != cell.number) continue;
    fmt::print("  {}:{} {} {}: {}\n", magic.syntax.line, magic.syntax.column,
               notebook::MagicKindName(magic.syntax.kind), magic.syntax.name,
               OneLine(magic.syntax.text));
  }
}

void PrintSource(const notebook::Notebook& notebook) {
  std::string_view source = notebook.python_source;
  uint32_t line = 1;
  while (!source.empty()) {
    size_t end = source.find('\n');
    std::string_view text = source.substr(0, end);
    auto where = notebook.MapPosition(line, 0);
    std::string label = where ? fmt::format("cell {}:{}", where->cell, where->line) : "?";
    fmt::print("{:<12} | {}\n", label, text);
    if (end == std::string_view::npos) break;
    source.remove_prefix(end + 1);
    ++line;
  }
}

void PrintNotebook(const notebook::Notebook& notebook) {
  const notebook::NotebookMetadata& metadata = notebook.metadata;
  fmt::print("nbformat {}.{}, language {}, kernel {}, {} cells, {} in the Python source\n",
             notebook.nbformat, notebook.nbformat_minor,
             metadata.language.empty() ? "unknown" : metadata.language,
             metadata.kernel_name.empty() ? "unknown" : metadata.kernel_name, notebook.cells.size(),
             notebook.python_cells.size());
  if (!metadata.title.empty()) fmt::print("title {}\n", metadata.title);
  if (!notebook.is_python) fmt::print("not a Python notebook\n");
  for (const notebook::Cell& cell : notebook.cells) PrintCell(notebook, cell);
  if (notebook.python_source.empty()) return;
  fmt::print("-- Python source\n");
  PrintSource(notebook);
}

int DumpNotebooks(const std::vector<std::string>& paths) {
  int status = kExitOk;
  for (const std::string& path : paths) {
    std::string bytes;
    if (!ReadInputFile(path, &bytes)) {
      status = kExitUsage;
      continue;
    }
    fmt::print("== {}\n", path);
    notebook::ReadResult result = notebook::ReadNotebook(bytes);
    if (!result.ok()) {
      std::fflush(stdout);
      std::fprintf(stderr, "%s: error: %s\n", path.c_str(), result.error.message.c_str());
      if (status == kExitOk) status = kExitFindings;
      continue;
    }
    PrintNotebook(*result.notebook);
  }
  return status;
}

}  // namespace

void RegisterDebugNotebookCommand(CLI::App& debug) {
  auto paths = std::make_shared<std::vector<std::string>>();
  CLI::App* command = debug.add_subcommand(
      "notebook", "print the cells, magics and combined Python source of Jupyter notebooks");
  command->add_option("files", *paths, ".ipynb files")->required();
  command->callback([paths] {
    int status = DumpNotebooks(*paths);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
