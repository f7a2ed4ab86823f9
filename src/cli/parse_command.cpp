// `dsaudit parse [PATH...]`: discovers files, parses them in parallel and
// prints their syntax errors, the front end's end-to-end smoke test.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "base/counted.h"
#include "base/file_io.h"
#include "cli/commands.h"
#include "discovery/discovery.h"
#include "frontend/notebook/notebook.h"
#include "frontend/python/parser.h"
#include "frontend/python/source_text.h"
#include "frontend/python/syntax_error.h"

namespace dsaudit::cli {
namespace {

using discovery::FileKind;

using discovery::SourceFile;
using python::SyntaxError;

struct ParseCommandOptions {
  std::vector<std::string> paths;
  unsigned jobs = 0;
  bool quiet = false;
};

// What parsing one file produced; printed later, in path order.
struct FileResult {
  std::string output;
  uint64_t lines = 0;
  uint32_t syntax_errors = 0;
  bool unreadable = false;
};

void AppendError(FileResult& result, const std::string& location, const SyntaxError& error) {
  result.output += fmt::format("{}: {}: {}\n", location, error.type, error.message);
  ++result.syntax_errors;
}

std::string Location(const std::string& path, const SyntaxError& error) {
  if (error.line == 0) return path;
  return fmt::format("{}:{}:{}", path, error.line, std::max<uint32_t>(error.column, 1));
}

void ParsePython(const std::string& path, std::string bytes, FileResult& result) {
  python::SourceText source = python::SourceText::FromBytes(bytes);
  // The decoded copy is all that is needed now; a huge file is held once.
  std::string().swap(bytes);
  result.lines = source.line_count();
  // Undecodable bytes (binary data, a wrong encoding) make every later
  // error noise: CPython too stops at the first.
  if (source.error()) {
    AppendError(result, Location(path, *source.error()), *source.error());
    return;
  }
  auto parsed = python::Parse(std::move(source));
  for (const SyntaxError& error : parsed->errors) AppendError(result, Location(path, error), error);
}

std::string CellLocation(const std::string& path, const notebook::Notebook& book,
                         const SyntaxError& error) {
  std::optional<notebook::CellPosition> at = book.MapPosition(error.line, error.column);
  // Errors at end of input ("was never closed") lie past the last line: they
  // belong to the last Python cell.
  if (!at && !book.python_cells.empty()) {
    const notebook::Cell& last = book.cells[book.python_cells.back()];
    at = notebook::CellPosition{last.number, std::max<uint32_t>(last.line_count, 1),
                                std::max<uint32_t>(error.column, 1)};
  }
  if (!at) return path;
  return fmt::format("{}:cell {}:{}:{}", path, at->cell, at->line,
                     std::max<uint32_t>(at->column, 1));
}

void ParseNotebook(const std::string& path, std::string_view bytes, FileResult& result) {
  notebook::ReadResult read = notebook::ReadNotebook(bytes);
  if (!read.ok()) {
    std::string where = read.error.line == 0
                            ? path
                            : fmt::format("{}:{}:{}", path, read.error.line, read.error.column);
    result.output += fmt::format("{}: error: invalid notebook: {}\n", where, read.error.message);
    result.unreadable = true;
    return;
  }
  const notebook::Notebook& book = *read.notebook;
  auto parsed = python::Parse(python::SourceText::FromUtf8(book.python_source));
  result.lines = book.python_source.empty() ? 0 : parsed->source.line_count();
  for (const SyntaxError& error : parsed->errors) {
    AppendError(result, CellLocation(path, book, error), error);
  }
}

FileResult ProcessFile(const SourceFile& file) {
  FileResult result;
  std::string path = file.path.string();
  std::string bytes;
  std::string error;
  if (!ReadFileBytes(path, &bytes, &error)) {
    result.output = fmt::format("{}: error: {}\n", path, error);
    result.unreadable = true;
    return result;
  }
  if (file.kind == FileKind::kNotebook) {
    ParseNotebook(path, bytes, result);
  } else {
    ParsePython(path, std::move(bytes), result);
  }
  return result;
}

// Threads claim the next unparsed file from a shared counter, so a few big
// files never leave the other threads idle; each thread parses whole files.
std::vector<FileResult> ProcessAll(const std::vector<SourceFile>& files, unsigned jobs) {
  std::vector<FileResult> results(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < files.size(); i = next.fetch_add(1)) {
      results[i] = ProcessFile(files[i]);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  return results;
}

unsigned JobCount(unsigned requested, size_t files) {
  unsigned jobs = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::clamp<size_t>(files, 1, jobs));
}

int RunParse(const ParseCommandOptions& options) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::filesystem::path> roots(options.paths.begin(), options.paths.end());
  if (roots.empty()) roots.emplace_back(".");
  discovery::DiscoveryResult found = discovery::DiscoverFiles(roots);

  bool named_missing = false;
  for (const discovery::DiscoveryWarning& warning : found.warnings) {
    named_missing |= warning.named;
    if (warning.named) {
      std::fprintf(stderr, "dsaudit: error: %s: %s\n", warning.path.c_str(),
                   warning.message.c_str());
    } else if (!options.quiet) {
      std::fprintf(stderr, "%s: warning: %s\n", warning.path.c_str(), warning.message.c_str());
    }
  }

  std::vector<FileResult> results =
      ProcessAll(found.files, JobCount(options.jobs, found.files.size()));

  size_t python_files = 0, notebooks = 0, files_with_errors = 0, unreadable = 0;
  uint64_t lines = 0, errors = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    const FileResult& result = results[i];
    if (!options.quiet) std::fputs(result.output.c_str(), stdout);
    (found.files[i].kind == FileKind::kNotebook ? notebooks : python_files) += 1;
    lines += result.lines;
    errors += result.syntax_errors;
    files_with_errors += result.syntax_errors > 0 ? 1 : 0;
    unreadable += result.unreadable ? 1 : 0;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string not_read = unreadable == 0 ? "" : fmt::format(", {} not read", unreadable);
  fmt::print("{} ({} Python, {}), {}, {} in {}{}, {:.2f} s\n", Counted(results.size(), "file"),
             python_files, Counted(notebooks, "notebook"), Counted(lines, "line"),
             Counted(errors, "syntax error"), Counted(files_with_errors, "file"), not_read, seconds);
  std::fflush(stdout);

  if (named_missing) return kExitUsage;
  return errors > 0 || unreadable > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterParseCommand(CLI::App& app) {
  auto options = std::make_shared<ParseCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "parse", "parse Python files and notebooks, print syntax errors and a summary");
  command->add_option("paths", options->paths, "files or directories (default: .)");
  command->add_option("-j,--jobs", options->jobs, "parallel parsing threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command->add_flag("-q,--quiet", options->quiet, "print only the summary line");
  command->callback([options] {
    int status = RunParse(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
