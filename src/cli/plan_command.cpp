// `dsaudit plan [LOAD_JSON]`: servers per instance type for the peak load,
// with N+1 redundancy, and their monthly and yearly cost per provider.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "cost/price_csv.h"
#include "plan/load_figures.h"
#include "plan/plan.h"
#include "plan/plan_report.h"

namespace dsaudit::cli {
namespace {

struct PlanOptions {
  std::string load_report;
  std::optional<double> peak_rps;
  std::optional<double> users;
  std::optional<double> think_time;
  std::optional<double> response_time;
  std::optional<double> cpu_ms;
  std::string memory_per_worker = "512Mi";
  double headroom = 0.7;
  std::optional<double> egress_tb;
  double storage_tb = 0;
  uint32_t gpus = 0;
  std::vector<std::string> price_files;
  bool no_shipped_prices = false;
  std::vector<std::string> providers;
  uint32_t max_servers = 0;
  bool all = false;
  std::string output = "text";
  std::string output_file;
  std::string as_of;
};

[[noreturn]] void UsageError(const std::string& message) {
  std::fprintf(stderr, "dsaudit: error: %s\n", message.c_str());
  throw CLI::RuntimeError(kExitUsage);
}

// "512Mi", "1.5Gi", "2G" (read as GiB, as people write it) or a bare number of MiB, to GiB.
double MemoryGib(const std::string& text) {
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  std::string unit = text.substr(used);
  double gib = unit.empty() || unit == "Mi" || unit == "M" ? value / 1024
               : unit == "Gi" || unit == "G"               ? value
                                                           : -1;
  if (used == 0 || !(gib > 0))
    UsageError(fmt::format("--memory-per-worker '{}': expected e.g. 512Mi or 2Gi", text));
  return gib;
}

std::string Today() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day date{days};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

cost::PriceTable LoadPrices(const PlanOptions& options) {
  std::vector<cost::PriceRow> rows;
  if (!options.no_shipped_prices) rows = cost::ShippedPriceRows();
  for (const std::string& path : options.price_files) {
    std::string text;
    std::string error;
    std::vector<cost::PriceRow> mine;
    if (!ReadInputFile(path, &text)) throw CLI::RuntimeError(kExitUsage);
    if (!cost::ParsePriceCsv(text, path, &mine, &error)) UsageError(error);
    cost::OverlayPriceRows(rows, mine);
  }
  if (rows.empty()) UsageError("--no-shipped-prices needs at least one --prices FILE");
  cost::PriceTable table;
  std::string error;
  if (!cost::BuildPriceTable(rows, &table, &error)) UsageError(error);
  return table;
}

// The peak and the per-request figures: flags first, then the load report.
void SizeDemand(const PlanOptions& options, const std::optional<plan::LoadFigures>& load,
                plan::PlanInput* in) {
  plan::Demand& d = in->demand;
  if (options.peak_rps && options.users) UsageError("give --peak-rps or --users, not both");
  if (options.users) {
    if (!options.think_time || !options.response_time) {
      UsageError("--users needs --think-time and --response-time (Little's law: X = N / (R + Z))");
    }
    d.peak_rps =
        plan::ThroughputFromUsers(*options.users, *options.think_time, *options.response_time);
    in->peak_source =
        fmt::format("Little's law: {:g} users / ({:g} s response + {:g} s think time)",
                    *options.users, *options.response_time, *options.think_time);
  } else if (options.peak_rps) {
    d.peak_rps = *options.peak_rps;
    in->peak_source = "--peak-rps";
  } else if (load) {
    d.peak_rps = load->peak_rps;
    in->peak_source = load->peak_source;
  } else {
    UsageError(
        "give a load report (dsaudit load --format json), --peak-rps, or --users with --think-time "
        "and "
        "--response-time");
  }
  if (!(d.peak_rps > 0)) UsageError("the peak is 0 requests/s: nothing to size");
  if (load && load->observed_peak_rps > 0) in->observed_peak_rps = load->observed_peak_rps;

  std::optional<double> response = options.response_time;
  in->response_time_source = "--response-time";
  if (!response && load && load->response_time_s) {
    response = load->response_time_s;
    in->response_time_source = load->response_time_source;
  }
  if (!response && !options.cpu_ms) {
    UsageError(
        "give --cpu-ms-per-request (CPU time per request) and, unless a load report has request "
        "times, --response-time");
  }
  if (options.cpu_ms) {
    d.cpu_ms_per_request = *options.cpu_ms;
    in->cpu_source = "--cpu-ms-per-request";
  } else {
    d.cpu_ms_per_request = *response * 1000;
    in->cpu_source = "assumed: the whole response time on a CPU; pass --cpu-ms-per-request";
  }
  if (response) {
    d.response_time_s = *response;
  } else {
    d.response_time_s = d.cpu_ms_per_request / 1000;
    in->response_time_source = "assumed equal to the CPU time; pass --response-time";
  }
  d.memory_per_worker_gib = MemoryGib(options.memory_per_worker);
  d.headroom = options.headroom;
  d.gpus = options.gpus;
}

plan::PlanInput Input(const PlanOptions& options) {
  std::optional<plan::LoadFigures> load;
  if (!options.load_report.empty()) {
    std::string text;
    std::string error;
    if (!ReadInputFile(options.load_report, &text)) throw CLI::RuntimeError(kExitUsage);
    plan::LoadFigures figures;
    if (!plan::ReadLoadFigures(text, &figures, &error))
      UsageError(fmt::format("{}: {}", options.load_report, error));
    load = std::move(figures);
  }
  plan::PlanInput in;
  SizeDemand(options, load, &in);
  if (options.egress_tb) {
    in.egress_tb_month = *options.egress_tb;
    in.egress_source = "--egress-tb-month";
  } else if (load && load->egress_tb_month) {
    in.egress_tb_month = *load->egress_tb_month;
    in.egress_source = "the load report's response bytes at its mean rate";
  } else {
    in.egress_source = "none given: --egress-tb-month";
  }
  in.storage_tb = options.storage_tb;
  if (load) in.quiet = plan::QuietestWindow(load->daily_rps, 4, load->utc_offset_minutes);
  in.as_of = options.as_of.empty() ? Today() : options.as_of;
  in.providers = options.providers;
  in.max_servers = options.max_servers;
  return in;
}

int RunPlan(const PlanOptions& options) {
  if (!options.as_of.empty() && (options.as_of.size() != 10 || !cost::IsPriceDate(options.as_of))) {
    UsageError(fmt::format("--as-of '{}': expected YYYY-MM-DD", options.as_of));
  }
  plan::PlanInput input = Input(options);
  cost::PriceTable prices = LoadPrices(options);
  plan::Plan result;
  std::string error;
  if (!plan::BuildPlan(input, prices, &result, &error)) UsageError(error);
  plan::ReportOptions report{.all_options = options.all};
  std::string text = options.output == "json"       ? plan::RenderPlanJson(result)
                     : options.output == "markdown" ? plan::RenderPlanMarkdown(result, report)
                     : options.output == "html"     ? plan::RenderPlanHtml(result, report)
                                                    : plan::RenderPlanText(result, report);
  std::FILE* out =
      options.output_file.empty() ? stdout : std::fopen(options.output_file.c_str(), "wb");
  if (out == nullptr) UsageError(fmt::format("cannot write {}", options.output_file));
  std::fwrite(text.data(), 1, text.size(), out);
  bool ok = std::fflush(out) == 0 && !std::ferror(out);
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (!ok)
    UsageError(fmt::format("writing {} failed",
                           options.output_file.empty() ? "stdout" : options.output_file));
  return kExitOk;
}

}  // namespace

void RegisterPlanCommand(CLI::App& app) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* command = app.add_subcommand(
      "plan",
      "servers per instance type for the peak load (N+1), monthly and yearly cost per provider");
  command->add_option(
      "load_report", options->load_report,
      "a `dsaudit load --format json` report: its forecast peak, request times, bytes and daily "
      "profile");
  command->add_option("--peak-rps", options->peak_rps, "requests per second to size for")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--users", options->users,
                   "concurrent users (Little's law, with --think-time and "
                   "--response-time)")
      ->check(CLI::PositiveNumber);
  command->add_option("--think-time", options->think_time, "seconds a user waits between requests")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--response-time", options->response_time, "seconds per request")
      ->check(CLI::PositiveNumber);
  command->add_option("--cpu-ms-per-request", options->cpu_ms, "CPU milliseconds per request")
      ->check(CLI::PositiveNumber);
  command->add_option("--memory-per-worker", options->memory_per_worker,
                      "memory of one worker process: 512Mi, 2Gi (default 512Mi)");
  command
      ->add_option("--headroom", options->headroom, "highest utilisation to plan for (default 0.7)")
      ->check(CLI::Range(0.05, 1.0));
  command
      ->add_option("--egress-tb-month", options->egress_tb,
                   "TB a month sent to the internet (default: from the load report)")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--storage-tb", options->storage_tb, "TB of object storage (default 0)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--gpu", options->gpus,
                   "GPUs the peak needs; only GPU instances are then considered")
      ->check(CLI::Range(0u, 4096u));
  command->add_option(
      "--prices", options->price_files,
      "a price CSV (columns as data/prices/); its rows add to or replace the shipped ones");
  command->add_flag("--no-shipped-prices", options->no_shipped_prices,
                    "use only the --prices files");
  command->add_option("--providers", options->providers, "only these providers: aws,hetzner")
      ->delimiter(',');
  command
      ->add_option("--max-servers", options->max_servers,
                   "leave out instance types that need more servers than this, spare included")
      ->check(CLI::Range(2u, 100000u));
  command->add_flag("--all", options->all,
                    "list every instance type that fits, not only each provider's cheapest");
  command
      ->add_option("--output,--format", options->output,
                   "text, json, markdown or html (default: text)")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  command->add_option("-o,--output-file", options->output_file,
                      "write the report here, not stdout");
  command->add_option("--as-of", options->as_of,
                      "the date price ages are counted to (default: today)");
  command->callback([options] {
    int status = RunPlan(*options);
    if (status != kExitOk) throw CLI::RuntimeError(status);
  });
}

}  // namespace dsaudit::cli
