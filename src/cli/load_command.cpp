// `dsaudit load FILE...`: access logs and request time series to rates,
// peaks, bursts, profiles, concurrency and a forecast; `load merge` combines
// `--summary-out` shards; `load generate` writes a synthetic log.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "cli/commands.h"
#include "load/analysis.h"
#include "load/generator.h"
#include "load/load_html.h"
#include "load/load_output.h"
#include "load/scan.h"

namespace dsaudit::cli {
namespace {

struct ReportOptions {
  std::string output = "text";
  std::string output_file;
  std::string horizon = "12w";
  double response_time = 0;
};

struct LoadOptions {
  std::vector<std::string> paths;
  std::string log_format;
  std::string json_fields;
  std::string summary_out;
  unsigned jobs = 0;
  ReportOptions report;
};

struct MergeOptions {
  std::vector<std::string> summaries;
  std::string summary_out;
  ReportOptions report;
};

struct GenerateOptions {
  load::GeneratorOptions generator;
  std::string style = "combined";
  std::string out;
};

// The report's format is --format, as in every other command; a log format
// given there by habit (`--format combined`) is pointed to --log-format.
CLI::Validator ReportFormat() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (value == "text" || value == "json" || value == "html") return {};
        if (load::FormatFromName(value) || value == "auto") {
          return "'" + value + "' is a log format: name it with --log-format; --format is the report's (text, json, html)";
        }
        return "'" + value + "' is not a report format (text, json, html)";
      },
      "text|json|html");
}

void AddReportOptions(CLI::App* command, ReportOptions& options) {
  command->add_option("--format,--output-format,--output", options.output,
                      "text, json, or html: one self-contained page with charts (default: text)")
      ->check(ReportFormat());
  command->add_option("-o,--output-file", options.output_file, "write the report here, not stdout");
  command->add_option("--horizon", options.horizon,
                      "forecast horizon: 12w, 30d or 72h (default: 12w)");
  command->add_option("--response-time", options.response_time,
                      "seconds per request for Little's law when the log has no request times")
      ->check(CLI::NonNegativeNumber);
}

// "12w", "30d", "72h" or a bare number of weeks, to hours.
size_t HorizonHours(const std::string& text) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    throw CLI::ValidationError("--horizon", "expected e.g. 12w, 30d or 72h");
  }
  std::string unit = text.substr(used);
  double hours = unit == "h" ? value : unit == "d" ? value * 24 : (unit.empty() || unit == "w") ? value * 168 : -1;
  if (hours < 1 || hours > 5 * 8760) throw CLI::ValidationError("--horizon", "expected 1h to 5 years, e.g. 12w");
  return static_cast<size_t>(hours);
}

bool WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

int Report(const load::LoadAccumulator& total, const std::vector<load::SourceReport>& sources,
           const ReportOptions& options) {
  load::AnalyzeOptions analyze;
  analyze.horizon_hours = HorizonHours(options.horizon);
  analyze.assumed_response_time = options.response_time;
  load::LoadReport report = load::Analyze(total, analyze);
  std::string text = options.output == "json"   ? load::RenderJson(report, sources, analyze.horizon_hours)
                     : options.output == "html" ? load::RenderHtml(report, sources, DSAUDIT_VERSION)
                                                : load::RenderText(report, sources);
  if (options.output_file.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  } else if (!WriteFile(options.output_file, text)) {
    std::fprintf(stderr, "dsaudit: error: cannot write %s\n", options.output_file.c_str());
    return kExitUsage;
  }
  bool source_failed = false;
  for (const load::SourceReport& source : sources) source_failed |= !source.error.empty();
  if (source_failed) return kExitUsage;
  return report.malformed > 0 ? kExitFindings : kExitOk;
}

int RunLoad(const LoadOptions& options) {
  load::ScanOptions scan;
  scan.jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  scan.json_fields = options.json_fields;
  if (!options.log_format.empty() && options.log_format != "auto") {
    // A name (GoAccess habits: --log-format=COMBINED), else an nginx log_format string.
    scan.format = load::FormatFromName(options.log_format);
    std::string error;
    if (!scan.format && options.log_format.find('$') == std::string::npos) {
      error = "unknown log format '" + options.log_format + "': give auto, " + load::FormatNames() +
              ", or an nginx log_format string with $variables";
    } else if (!scan.format) {
      scan.format = load::CompileNginxFormat(options.log_format, &error);
    }
    if (!scan.format) {
      std::fprintf(stderr, "dsaudit: error: %s\n", error.c_str());
      return kExitUsage;
    }
  }
  std::vector<std::string> paths = options.paths;
  if (paths.empty() && ::isatty(STDIN_FILENO)) {
    // Nothing named and nothing piped: waiting on the keyboard would look like a hang.
    std::fprintf(stderr, "dsaudit: error: no log given: name files (dsaudit load access.log) or pipe one in "
                         "(zcat access.log.gz | dsaudit load)\n");
    return kExitUsage;
  }
  if (paths.empty()) paths.push_back("-");
  load::ScanResult result;
  load::ScanSources(paths, scan, &result);
  if (!options.summary_out.empty() && !WriteFile(options.summary_out, result.total.Serialize())) {
    std::fprintf(stderr, "dsaudit: error: cannot write %s\n", options.summary_out.c_str());
    return kExitUsage;
  }
  return Report(result.total, result.sources, options.report);
}

int RunMerge(const MergeOptions& options) {
  load::LoadAccumulator total;
  std::vector<load::SourceReport> sources;
  for (const std::string& path : options.summaries) {
    load::SourceReport source;
    source.name = path;
    source.format = "summary";
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    load::LoadAccumulator shard;
    if (!in.good() && !in.eof()) {
      source.error = "cannot read";
    } else if (load::LoadAccumulator::Deserialize(bytes, &shard, &source.error)) {
      total.Merge(shard);
      source.bytes = bytes.size();
    }
    sources.push_back(std::move(source));
  }
  if (!options.summary_out.empty() && !WriteFile(options.summary_out, total.Serialize())) {
    std::fprintf(stderr, "dsaudit: error: cannot write %s\n", options.summary_out.c_str());
    return kExitUsage;
  }
  return Report(total, sources, options.report);
}

int RunGenerate(GenerateOptions& options) {
  options.generator.style = options.style == "json"     ? load::GeneratedStyle::kJson
                            : options.style == "common" ? load::GeneratedStyle::kCommon
                                                        : load::GeneratedStyle::kCombined;
  std::FILE* out = options.out.empty() || options.out == "-" ? stdout : std::fopen(options.out.c_str(), "wb");
  if (out == nullptr) {
    std::fprintf(stderr, "dsaudit: error: cannot write %s\n", options.out.c_str());
    return kExitUsage;
  }
  std::function<void(std::string_view)> sink = [out](std::string_view piece) {
    std::fwrite(piece.data(), 1, piece.size(), out);
  };
  load::GeneratedLog log = load::GenerateLog(options.generator, sink);
  bool ok = std::fflush(out) == 0 && !std::ferror(out);
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "dsaudit: error: writing %s failed\n", options.out.c_str());
    return kExitUsage;
  }
  std::fprintf(stderr, "generated %llu lines (%.1f MB), %zu planted bursts:\n",
               static_cast<unsigned long long>(log.lines), log.bytes / 1e6, log.bursts.size());
  for (const load::PlantedBurst& b : log.bursts) {
    std::fprintf(stderr, "  %s .. %s  x%.2f\n", load::FormatIsoUtc(b.start).c_str(),
                 load::FormatIsoUtc(b.end).c_str(), b.factor);
  }
  return kExitOk;
}

void RegisterMerge(CLI::App& load) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* merge = load.add_subcommand(
      "merge", "combine --summary-out shards; the report equals one pass over all their input");
  merge->add_option("summaries", options->summaries, "summary files written by --summary-out")->required();
  merge->add_option("--summary-out", options->summary_out, "also write the merged summary here");
  AddReportOptions(merge, options->report);
  merge->callback([options] {
    int status = RunMerge(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

void RegisterGenerate(CLI::App& load) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* generate = load.add_subcommand(
      "generate", "write a synthetic access log (daily and weekly cycle, planted bursts) to test "
                  "a pipeline; planted bursts are listed on stderr");
  generate->add_option("--lines", options->generator.lines, "lines to write (default 1000000)");
  generate->add_option("--seed", options->generator.seed, "random seed (default 1)");
  generate->add_option("--days", options->generator.days, "days covered (default 35)")
      ->check(CLI::Range(1, 3660));
  generate->add_option("--bursts", options->generator.bursts, "bursts to plant (default: days/3)");
  generate->add_option("--utc-offset", options->generator.utc_offset_minutes,
                       "time zone of the timestamps, minutes east of UTC (default 0)")
      ->check(CLI::Range(-24 * 60 + 1, 24 * 60 - 1));
  generate->add_option("--style", options->style, "combined, common or json (default combined)")
      ->check(CLI::IsMember({"combined", "common", "json"}));
  generate->add_option("-o,--output-file,--out", options->out, "output file (default: stdout)");
  generate->callback([options] {
    int status = RunGenerate(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace

void RegisterLoadCommand(CLI::App& app) {
  auto options = std::make_shared<LoadOptions>();
  CLI::App* command = app.add_subcommand(
      "load", "analyse access logs or request time series: rates, peaks, bursts, profiles, "
              "concurrency, forecast");
  command->add_option("paths", options->paths,
                      "log files, plain or gzip (- or nothing: stdin, unless it is a terminal); several are merged by time");
  command->add_option("--log-format", options->log_format,
                      "the logs' format: auto (default: detected per file), " + load::FormatNames() +
                          "; or an nginx log_format string ('$remote_addr - ... $request_time')");
  command->add_option("--json-fields", options->json_fields,
                      "JSON field names: time=ts,client=request.remote_ip,duration_ms=latency,...");
  command->add_option("--summary-out", options->summary_out,
                      "write a mergeable summary for `dsaudit load merge`");
  command->add_option("-j,--jobs", options->jobs, "threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  AddReportOptions(command, options->report);
  RegisterMerge(*command);
  RegisterGenerate(*command);
  command->callback([command, options] {
    if (!command->get_subcommands().empty()) return;  // merge or generate ran
    int status = RunLoad(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
