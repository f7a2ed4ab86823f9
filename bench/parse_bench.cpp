// Front-end throughput, single thread, over a corpus held in memory.
//
// DSAUDIT_BENCH_CORPUS names the corpus directory (default: python3's
// standard library). Files are discovered as `dsaudit parse` discovers them
// and read before any timing. Bytes/s is source bytes, items/s is lines.
//
// The benchmark checks as well as times: the number of files with syntax
// errors is a counter, and with DSAUDIT_BENCH_REJECTED set the rejected paths
// are written there so scripts/bench.sh can compare them with CPython's.
// DSAUDIT_BENCH_FILE_LIST receives the list of files measured, so the CPython
// reference parses exactly the same files. Rates use CPU time (the default),
// as the CPython reference does, so a busy machine skews both alike.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "discovery/discovery.h"
#include "frontend/python/lexer.h"
#include "frontend/python/parser.h"
#include "frontend/python/source_text.h"
#include "semantic/semantic_model.h"

namespace {

namespace fs = std::filesystem;
using dsaudit::discovery::FileKind;
using dsaudit::discovery::SourceFile;

struct CorpusFile {
  std::string path;
  std::string bytes;
};

struct Corpus {
  std::vector<CorpusFile> files;
  size_t bytes = 0;
  size_t lines = 0;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

size_t CountLines(std::string_view bytes) {
  size_t lines = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  return lines + (!bytes.empty() && bytes.back() != '\n' ? 1 : 0);
}

std::string PythonStdlibDir() {
  FILE* pipe =
      ::popen("python3 -c 'import sysconfig; print(sysconfig.get_paths()[\"stdlib\"])'", "r");
  if (pipe == nullptr) return {};
  char buffer[4096] = {};
  std::string dir = std::fgets(buffer, sizeof buffer, pipe) ? buffer : "";
  ::pclose(pipe);
  while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
  return dir;
}

void WriteLines(const char* path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& line : lines) out << line << '\n';
}

Corpus LoadCorpus() {
  const char* configured = std::getenv("DSAUDIT_BENCH_CORPUS");
  std::string root = configured != nullptr ? configured : PythonStdlibDir();
  if (root.empty() || !fs::is_directory(root)) {
    throw std::runtime_error("no corpus: set DSAUDIT_BENCH_CORPUS to a directory");
  }
  std::vector<fs::path> roots = {root};
  Corpus corpus;
  std::vector<std::string> listed;
  for (const SourceFile& file : dsaudit::discovery::DiscoverFiles(roots).files) {
    if (file.kind != FileKind::kPython) continue;
    CorpusFile loaded{file.path.string(), ReadFile(file.path.string())};
    corpus.bytes += loaded.bytes.size();
    corpus.lines += CountLines(loaded.bytes);
    listed.push_back(loaded.path);
    corpus.files.push_back(std::move(loaded));
  }
  if (const char* list = std::getenv("DSAUDIT_BENCH_FILE_LIST")) WriteLines(list, listed);
  return corpus;
}

const Corpus& GetCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus());
  return *corpus;
}

// Computed once, outside timing: the files our parser rejects.
size_t CountRejected(const Corpus& corpus) {
  static const size_t rejected = [&] {
    std::vector<std::string> paths;
    for (const CorpusFile& file : corpus.files) {
      auto parsed = dsaudit::python::Parse(dsaudit::python::SourceText::FromBytes(file.bytes));
      if (!parsed->errors.empty() || parsed->source.error()) paths.push_back(file.path);
    }
    if (const char* out = std::getenv("DSAUDIT_BENCH_REJECTED")) WriteLines(out, paths);
    return paths.size();
  }();
  return rejected;
}

void Report(benchmark::State& state, const Corpus& corpus) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * corpus.lines));
  state.counters["files"] = static_cast<double>(corpus.files.size());
}

// Baseline: the cost of touching every byte once.
void BM_CountNewlines(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    size_t lines = 0;
    for (const CorpusFile& file : corpus.files) lines += CountLines(file.bytes);
    benchmark::DoNotOptimize(lines);
  }
  Report(state, corpus);
}
BENCHMARK(BM_CountNewlines)->Unit(benchmark::kMillisecond);

// Baseline: reading the files from the (warm) page cache, as `dsaudit parse`.
void BM_ReadFilesAndCountNewlines(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    size_t lines = 0;
    for (const CorpusFile& file : corpus.files) lines += CountLines(ReadFile(file.path));
    benchmark::DoNotOptimize(lines);
  }
  Report(state, corpus);
}
BENCHMARK(BM_ReadFilesAndCountNewlines)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    for (const CorpusFile& file : corpus.files) {
      auto source = dsaudit::python::SourceText::FromBytes(file.bytes);
      auto tokens = dsaudit::python::Tokenize(source);
      benchmark::DoNotOptimize(tokens.tokens.data());
    }
  }
  Report(state, corpus);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_TokenizeAndParse(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    for (const CorpusFile& file : corpus.files) {
      auto parsed = dsaudit::python::Parse(dsaudit::python::SourceText::FromBytes(file.bytes));
      benchmark::DoNotOptimize(parsed->module);
    }
  }
  Report(state, corpus);
  state.counters["files_with_errors"] = static_cast<double>(CountRejected(corpus));
}
BENCHMARK(BM_TokenizeAndParse)->Unit(benchmark::kMillisecond);

void BM_ParseAndSemantic(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  for (auto _ : state) {
    for (const CorpusFile& file : corpus.files) {
      auto parsed = dsaudit::python::Parse(dsaudit::python::SourceText::FromBytes(file.bytes));
      auto model = dsaudit::semantic::SemanticModel::Build(*parsed->module);
      benchmark::DoNotOptimize(model.scopes().data());
    }
  }
  Report(state, corpus);
}
BENCHMARK(BM_ParseAndSemantic)->Unit(benchmark::kMillisecond);

}  // namespace
