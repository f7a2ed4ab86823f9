// `dsaudit bench URL`: load-tests a live HTTP(S) endpoint, closed model
// (--users) or open model (--rate), reports latency and errors, and fails
// (exit 1) when a --threshold is not met. See src/loadtest/.
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "cli/commands.h"
#include "loadtest/config.h"
#include "loadtest/engine.h"
#include "loadtest/find_max.h"
#include "loadtest/report.h"
#include "loadtest/threshold.h"

namespace dsaudit::cli {
namespace {

namespace lt = dsaudit::loadtest;

// An open-model run opens connections only as requests need them; this is
// the most it may open unless --connections says otherwise.
constexpr uint32_t kDefaultOpenConnections = 1024;
constexpr uint32_t kDefaultUsers = 10;

struct BenchOptions {
  std::string url;
  uint32_t users = 0;
  double rate = 0;
  uint32_t connections = 0;
  std::vector<std::string> stages;
  std::string duration = "10s";
  std::string think = "0s";
  std::string timeout = "10s";
  uint64_t requests = 0;
  unsigned threads = 0;
  std::string method = "GET";
  std::vector<std::string> headers;
  std::string body_file;
  std::string requests_file;
  bool insecure = false;
  std::string ca_file;
  std::vector<std::string> thresholds;
  bool find_max = false;
  std::vector<std::string> slo;
  size_t max_steps = 12;
  std::string format = "text";
  std::string output;
  bool quiet = false;
};

std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) {
  g_interrupted.store(true);
  // A second Ctrl-C ends the process at once.
  ::signal(SIGINT, SIG_DFL);
}

[[noreturn]] void Usage(const std::string& message) {
  std::fprintf(stderr, "dsaudit bench: error: %s\n", message.c_str());
  throw CLI::RuntimeError(kExitUsage);
}

double Duration(const std::string& text) {
  std::string error;
  std::optional<double> seconds = lt::ParseDuration(text, &error);
  if (!seconds) Usage(error);
  return *seconds;
}

std::vector<lt::Threshold> Thresholds(const std::vector<std::string>& texts) {
  std::vector<lt::Threshold> thresholds;
  for (const std::string& text : texts) {
    std::string error;
    std::optional<lt::Threshold> threshold = lt::ParseThreshold(text, &error);
    if (!threshold) Usage(error);
    thresholds.push_back(std::move(*threshold));
  }
  return thresholds;
}

std::vector<lt::RequestSpec> Requests(const BenchOptions& options) {
  std::string error;
  if (!options.requests_file.empty()) {
    std::string text;
    if (!ReadFileBytes(options.requests_file, &text, &error)) Usage(options.requests_file + ": " + error);
    std::string base = std::filesystem::path(options.requests_file).parent_path().string();
    auto requests = lt::ParseRequestFile(text, base, &error);
    if (!requests) Usage(options.requests_file + ": " + error);
    return *requests;
  }
  lt::RequestSpec spec;
  spec.method = options.method;
  if (!options.body_file.empty() && !ReadFileBytes(options.body_file, &spec.body, &error)) {
    Usage(options.body_file + ": " + error);
  }
  return {spec};
}

lt::Config BuildConfig(const BenchOptions& options) {
  lt::Config config;
  std::string error;
  std::optional<lt::Url> url = lt::ParseUrl(options.url, &error);
  if (!url) Usage(error);
  config.url = *url;
  config.requests = Requests(options);
  for (const std::string& header : options.headers) {
    if (header.find(':') == std::string::npos || header.find_first_of("\r\n") != std::string::npos) {
      Usage(fmt::format("invalid header '{}': expected 'Name: value'", header));
    }
    config.headers.push_back(header);
  }
  if (options.users > 0 && (options.rate > 0 || options.find_max)) {
    Usage("--users (closed model) and --rate/--find-max (open model) exclude each other");
  }
  config.open_model = options.rate > 0 || options.find_max;
  config.rate = options.rate;
  config.users = options.users > 0 ? options.users : (options.stages.empty() ? kDefaultUsers : 0);
  config.connections = options.connections > 0 ? options.connections : kDefaultOpenConnections;
  for (const std::string& text : options.stages) {
    std::optional<lt::Stage> stage = lt::ParseStage(text, &error);
    if (!stage) Usage(error);
    config.stages.push_back(*stage);
  }
  config.duration_seconds = Duration(options.duration);
  config.think_seconds = Duration(options.think);
  config.timeout_seconds = Duration(options.timeout);
  config.max_requests = options.requests;
  config.threads = options.threads;
  config.insecure = options.insecure;
  config.ca_file = options.ca_file;
  if (config.TotalSeconds() <= 0) Usage("the duration must be positive");
  return config;
}

// One line, rewritten in place, while a run is under way on a terminal.
void ShowProgress(const lt::Progress& progress) {
  std::fprintf(stderr, "\r\033[K%6.1fs  %llu responses  %.0f/s  %llu errors", progress.elapsed_seconds,
               static_cast<unsigned long long>(progress.completed),
               progress.elapsed_seconds > 0 ? progress.completed / progress.elapsed_seconds : 0.0,
               static_cast<unsigned long long>(progress.errors));
  std::fflush(stderr);
}

void Emit(const BenchOptions& options, const std::string& report) {
  if (options.output.empty()) {
    std::fputs(report.c_str(), stdout);
    std::fflush(stdout);
    return;
  }
  std::ofstream out(options.output, std::ios::binary);
  out << report;
  if (!out) Usage(fmt::format("cannot write '{}'", options.output));
}

int RunBench(const BenchOptions& options) {
  lt::Config config = BuildConfig(options);
  std::vector<lt::Threshold> thresholds = Thresholds(options.thresholds);
  std::vector<lt::Threshold> slo = Thresholds(options.slo);
  if (options.find_max && slo.empty()) Usage("--find-max needs at least one --slo, e.g. 'p99<500ms'");

  bool live = !options.quiet && ::isatty(STDERR_FILENO) == 1;
  lt::RunControl control;
  control.stop = &g_interrupted;
  if (live) control.on_progress = ShowProgress;
  g_interrupted.store(false);
  struct sigaction action{}, previous{};
  action.sa_handler = OnInterrupt;
  sigaction(SIGINT, &action, &previous);
  std::string error;

  if (options.find_max) {
    lt::FindMaxOptions find;
    if (options.rate > 0) find.start_rate = options.rate;
    find.max_steps = options.max_steps;
    auto on_step = [&](const lt::FindMaxStep& step) {
      if (live) std::fputs("\r\033[K", stderr);
      if (options.quiet) return;
      std::fprintf(stderr, "step %.1f/s: %s%s\n", step.rate, step.passed ? "pass" : "FAIL",
                   step.passed ? "" : (": " + step.reason).c_str());
    };
    std::optional<lt::FindMaxOutcome> outcome =
        lt::FindMax(config, slo, find, control, on_step, &error);
    sigaction(SIGINT, &previous, nullptr);
    if (!outcome) Usage(error);
    Emit(options, options.format == "json"   ? lt::FindMaxJsonReport(*outcome)
                  : options.format == "html" ? lt::FindMaxHtmlReport(*outcome)
                                             : lt::FindMaxTextReport(*outcome));
    return outcome->found ? kExitOk : kExitFindings;
  }

  std::optional<lt::Result> result = lt::RunLoadTest(config, control, &error);
  sigaction(SIGINT, &previous, nullptr);
  if (live) std::fputs("\r\033[K", stderr);
  if (!result) Usage(error);
  std::vector<lt::ThresholdOutcome> outcomes = lt::EvaluateThresholds(thresholds, *result);
  Emit(options, options.format == "json"   ? lt::JsonReport(*result, outcomes)
                : options.format == "html" ? lt::HtmlReport(*result, outcomes)
                                           : lt::TextReport(*result, outcomes));
  int status = kExitOk;
  for (const lt::ThresholdOutcome& outcome : outcomes) {
    if (outcome.passed) continue;
    std::fprintf(stderr, "dsaudit bench: threshold failed: %s (measured %s)\n",
                 outcome.threshold->text.c_str(),
                 lt::FormatThresholdValue(*outcome.threshold, outcome.actual).c_str());
    status = kExitFindings;
  }
  return status;
}

}  // namespace

void RegisterBenchCommand(CLI::App& app) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* command = app.add_subcommand(
      "bench", "load-test an HTTP(S) endpoint: latency percentiles, errors, CI thresholds");
  command->footer(
      "Closed model (default, 10 users): each user sends a request, waits for the answer and\n"
      "--think time, and sends the next. Open model (--rate): requests are due at a fixed rate\n"
      "whatever the server does; latency counts from when each was due (coordinated omission\n"
      "corrected), the uncorrected figure beside it. --stage DURATION:TARGET ramps the users\n"
      "or the rate linearly, like k6. Only the URL's host is contacted; every run is bounded\n"
      "by --duration (or the stages) and --requests.\n"
      "Request file: one request a line, 'METHOD /path [@body-file]'.\n"
      "Thresholds: p50, p90, p99, p99.9, mean, max (with us/ms/s), errors (count or %), rps.\n"
      "Exit status: 0 met, 1 a threshold failed (or --find-max found no rate), 2 usage error.");
  command->add_option("url", options->url, "http:// or https:// URL")->required();
  command->add_option("-u,--users", options->users, "closed model: simultaneous users")
      ->check(CLI::Range(1u, 1'000'000u));
  command->add_option("--think", options->think, "closed model: pause between a user's requests");
  command->add_option("-r,--rate", options->rate, "open model: requests per second")
      ->check(CLI::PositiveNumber);
  command->add_option("-c,--connections", options->connections,
                      "open model: most connections to open (default 1024, opened as needed)")
      ->check(CLI::Range(1u, 1'000'000u));
  command->add_option("--stage", options->stages, "DURATION:TARGET, repeatable (e.g. 30s:100)");
  command->add_option("-d,--duration", options->duration, "run time (default 10s)");
  command->add_option("-n,--requests", options->requests, "stop after this many requests");
  command->add_option("-t,--threads", options->threads, "event-loop threads (default: cores)")
      ->check(CLI::Range(1u, 1024u));
  command->add_option("--timeout", options->timeout, "per-request timeout (default 10s)");
  command->add_option("-X,--method", options->method, "HTTP method (default GET)");
  command->add_option("-H,--header", options->headers, "'Name: value', repeatable");
  command->add_option("--body", options->body_file, "file whose bytes are the request body")
      ->check(CLI::ExistingFile);
  command->add_option("--requests-file", options->requests_file, "requests to cycle through")
      ->check(CLI::ExistingFile);
  command->add_flag("-k,--insecure", options->insecure, "do not verify the TLS certificate");
  command->add_option("--cacert", options->ca_file, "trust this CA (PEM) for HTTPS")
      ->check(CLI::ExistingFile);
  command->add_option("--threshold", options->thresholds, "e.g. 'p99<300ms', 'errors<1%'");
  command->add_flag("--find-max", options->find_max,
                    "raise the rate (from --rate, default 100/s) until --slo breaks");
  command->add_option("--slo", options->slo, "objective for --find-max, e.g. 'p99<500ms'");
  command->add_option("--max-steps", options->max_steps, "--find-max: most steps (default 12)")
      ->check(CLI::Range(size_t{1}, size_t{100}));
  command->add_option("-f,--format", options->format, "text (default), json or html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  command->add_option("-o,--output-file,--output", options->output, "write the report to this file, not stdout");
  command->add_flag("-q,--quiet", options->quiet, "no progress display");
  command->callback([options] {
    int status = RunBench(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
