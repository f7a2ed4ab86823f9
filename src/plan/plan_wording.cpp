#include "plan/plan_wording.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "base/counted.h"

namespace dsaudit::plan {
namespace {

std::string Grouped(uint64_t whole) {
  std::string digits = std::to_string(whole);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Percent(double fraction) { return fmt::format("{:.0f}%", fraction * 100); }

std::string Mib(double gib) { return fmt::format("{:.0f} MiB", gib * 1024); }

}  // namespace

std::string KubernetesSentence(const KubernetesProposal& k) {
  return fmt::format("{} of {:g} CPU ({} for the peak + 1 spare), {} each",
                     Counted(k.replicas, "pod"), k.pod_cpu, k.replicas_at_peak,
                     Counted(k.workers_per_pod, "worker"));
}

std::string Usd(double amount) {
  if (amount < 100) return fmt::format("${:.2f}", amount);
  return fmt::format("${}", Grouped(static_cast<uint64_t>(std::llround(amount))));
}

std::string ServersCell(const ServerCount& servers) { return fmt::format("{}+1", servers.at_peak); }

std::vector<std::string> OptionHeader() {
  return {"#",       "provider", "instance", "vCPU",    "GiB",    "servers",
          "compute", "egress",   "storage",  "monthly", "yearly", "x cheapest"};
}

std::vector<std::string> OptionCells(size_t rank, const Option& option) {
  const cost::InstancePrice& i = option.instance;
  std::string instance =
      i.gpus > 0 ? fmt::format("{} ({}x {})", i.type, i.gpus, i.gpu_model) : i.type;
  return {std::to_string(rank),
          i.provider,
          instance,
          std::to_string(i.vcpus),
          fmt::format("{:g}", i.memory_gib),
          ServersCell(option.servers),
          Usd(option.compute_usd),
          option.egress ? Usd(option.egress_usd) : "n/a",
          option.storage ? Usd(option.storage_usd) : "n/a",
          Usd(option.monthly_usd),
          Usd(option.yearly_usd) + (option.over_budget ? " *" : ""),
          fmt::format("{:.2f}", option.ratio)};
}

std::vector<std::pair<std::string, std::string>> SizingLines(const Plan& plan) {
  const PlanInput& in = plan.input;
  const Demand& d = in.demand;
  const Requirements& need = plan.need;
  std::vector<std::pair<std::string, std::string>> lines;
  lines.emplace_back("peak", fmt::format("{:.1f} requests/s ({})", d.peak_rps, in.peak_source));
  if (in.observed_peak_rps) {
    // A forecast below what already happened is worth a second look: bursts
    // the forecast smooths away still need serving.
    std::string above =
        *in.observed_peak_rps > d.peak_rps
            ? fmt::format(", above the peak planned for: --peak-rps {:g} sizes for it",
                          *in.observed_peak_rps)
            : "";
    lines.emplace_back("observed", fmt::format("{:.0f} requests in the busiest second of the log{}",
                                               *in.observed_peak_rps, above));
  }
  lines.emplace_back(
      "CPU", fmt::format("{:.1f} req/s x {:g} ms = {:.2f} busy cores; at {} utilisation "
                         "{:.2f} cores ({})",
                         d.peak_rps, d.cpu_ms_per_request, need.busy_cores, Percent(d.headroom),
                         need.cores, in.cpu_source));
  lines.emplace_back("in flight",
                     fmt::format("{:.1f} req/s x {:.3f} s = {:.1f} requests at once (Little's "
                                 "law); at {} utilisation {} ({})",
                                 d.peak_rps, d.response_time_s, need.in_flight, Percent(d.headroom),
                                 Counted(need.workers, "worker"), in.response_time_source));
  lines.emplace_back("memory", fmt::format("{} x {} = {:.1f} GiB", Counted(need.workers, "worker"),
                                           Mib(d.memory_per_worker_gib), need.memory_gib));
  if (d.gpus > 0)
    lines.emplace_back("GPUs", fmt::format("{} at peak, only GPU instances considered", d.gpus));
  lines.emplace_back("egress",
                     fmt::format("{:.2f} TB a month ({})", in.egress_tb_month, in.egress_source));
  lines.emplace_back("storage", fmt::format("{:.2f} TB of object storage", in.storage_tb));
  lines.emplace_back("redundancy",
                     "N+1: one server more than the peak needs, so one can fail or be updated");
  if (in.quiet) {
    lines.emplace_back(
        "quiet hours",
        fmt::format("{}: {:.2f} requests/s against {:.2f} in the busiest hour",
                    QuietHoursText(*in.quiet), in.quiet->mean_rps, in.quiet->busiest_rps));
  }
  return lines;
}

std::string CheapestSentence(const Plan& plan) {
  const Option& o = plan.Cheapest();
  return fmt::format(
      "{} {} ({}): {} servers ({} for the peak + 1 spare, limited by {}), {} a month, {} a year",
      o.instance.provider, o.instance.type, o.instance.region, o.servers.total, o.servers.at_peak,
      o.servers.limited_by, Usd(o.monthly_usd), Usd(o.yearly_usd));
}

std::string OverBudgetSentence(const Plan& plan) {
  std::string over;
  for (const Option& option : plan.by_provider) {
    if (!option.over_budget) continue;
    if (!over.empty()) over += ", ";
    over += fmt::format("{} ({})", option.instance.provider, Usd(option.yearly_usd));
  }
  return fmt::format(
      "Above {} a year: {}. The article: when forecast hosting costs exceed {} a year, a deep "
      "analysis of how the infrastructure is used is mandatory:",
      Usd(kBudgetUsdPerYear), over, Usd(kBudgetUsdPerYear));
}

std::vector<std::string> BudgetAdvice(const Plan& plan) {
  const Option& cheapest = plan.Cheapest();
  const Option& dearest = plan.by_provider.back();
  std::string quiet = plan.input.quiet
                          ? fmt::format(": {} is the quietest window of the daily profile",
                                        QuietHoursText(*plan.input.quiet))
                          : ", which a load report (`dsaudit load --format json`) shows";
  return {
      fmt::format(
          "a more modest configuration: fewer or smaller servers, or a cheaper provider ({} costs "
          "{:.1f}x less than {})",
          cheapest.instance.provider, dearest.ratio, dearest.instance.provider),
      "resource quotas: an upper limit on what each namespace may consume (the ResourceQuota "
      "below)",
      "fine-tuning of the heavy services: databases, message brokers, search engines",
      fmt::format("a schedule of data operations by the load: ETL, retraining and batch scoring in "
                  "the quiet "
                  "hours{}",
                  quiet),
  };
}

std::string QuietHoursText(const QuietWindow& quiet) {
  int end = (quiet.start_hour + quiet.hours) % 24;
  int offset = std::abs(quiet.utc_offset_minutes);
  return fmt::format("{:02}:00-{:02}:00 (UTC{}{:02}:{:02})", quiet.start_hour, end,
                     quiet.utc_offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
}

std::string PriceAgeSentence(const Plan& plan) {
  std::string dates = plan.oldest_date == plan.newest_date
                          ? fmt::format("dated {}", plan.oldest_date)
                          : fmt::format("dated {} to {}", plan.oldest_date, plan.newest_date);
  std::string age = plan.months_old == 1 ? "1 month" : fmt::format("{} months", plan.months_old);
  return fmt::format(
      "Prices are on-demand list prices {}, the oldest {} old on {}; they change, so check them "
      "or pass your own with --prices FILE.",
      dates, age, plan.input.as_of);
}

std::vector<std::string> ConversionSentences(const Plan& plan) {
  std::vector<std::string> lines;
  for (const cost::CurrencyRate& rate : plan.rates) {
    lines.push_back(fmt::format("{} converted to USD at {:g} ({}, {}).", rate.currency, rate.usd,
                                rate.source, rate.date));
  }
  return lines;
}

}  // namespace dsaudit::plan
