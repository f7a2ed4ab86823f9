// The JSON rendering (schema dsaudit-plan/1, documented in plan_report.h).
#include <cmath>

#include "plan/plan_report.h"
#include "plan/plan_wording.h"
#include "reports/json_writer.h"

namespace dsaudit::plan {
namespace {

using reports::JsonWriter;

double Cents(double usd) { return std::round(usd * 100) / 100; }

// Derived quantities to four decimals: enough for any report, and stable
// across compilers where the last bits of a division differ.
double Tidy(double value) { return std::round(value * 1e4) / 1e4; }

void Field(JsonWriter& json, std::string_view key, double value) {
  json.Key(key);
  json.Double(value);
}

void Field(JsonWriter& json, std::string_view key, std::string_view value) {
  json.Key(key);
  json.String(value);
}

void Field(JsonWriter& json, std::string_view key, uint64_t value) {
  json.Key(key);
  json.Number(value);
}

void Input(JsonWriter& json, const PlanInput& in) {
  json.Key("input");
  json.BeginObject();
  Field(json, "peak_rps", Tidy(in.demand.peak_rps));
  Field(json, "peak_source", in.peak_source);
  json.Key("observed_peak_rps");
  if (in.observed_peak_rps) {
    json.Double(*in.observed_peak_rps);
  } else {
    json.Null();
  }
  Field(json, "response_time_s", Tidy(in.demand.response_time_s));
  Field(json, "response_time_source", in.response_time_source);
  Field(json, "cpu_ms_per_request", Tidy(in.demand.cpu_ms_per_request));
  Field(json, "cpu_source", in.cpu_source);
  Field(json, "memory_per_worker_mib", Tidy(in.demand.memory_per_worker_gib * 1024));
  Field(json, "headroom", in.demand.headroom);
  Field(json, "gpus", uint64_t{in.demand.gpus});
  Field(json, "egress_tb_month", Tidy(in.egress_tb_month));
  Field(json, "egress_source", in.egress_source);
  Field(json, "storage_tb", Tidy(in.storage_tb));
  json.EndObject();
}

void Needs(JsonWriter& json, const Requirements& need) {
  json.Key("requirements");
  json.BeginObject();
  Field(json, "busy_cores", Tidy(need.busy_cores));
  Field(json, "cores", Tidy(need.cores));
  Field(json, "in_flight", Tidy(need.in_flight));
  Field(json, "workers", uint64_t{need.workers});
  Field(json, "memory_gib", Tidy(need.memory_gib));
  Field(json, "gpus", uint64_t{need.gpus});
  json.EndObject();
}

void OptionObject(JsonWriter& json, size_t rank, const Option& o) {
  const cost::InstancePrice& i = o.instance;
  json.BeginObject();
  Field(json, "rank", uint64_t{rank});
  Field(json, "provider", i.provider);
  Field(json, "region", i.region);
  Field(json, "instance", i.type);
  Field(json, "vcpus", uint64_t{i.vcpus});
  Field(json, "memory_gib", i.memory_gib);
  Field(json, "gpus", uint64_t{i.gpus});
  Field(json, "gpu_model", i.gpu_model);
  json.Key("servers");
  json.BeginObject();
  Field(json, "at_peak", uint64_t{o.servers.at_peak});
  Field(json, "total", uint64_t{o.servers.total});
  Field(json, "limited_by", o.servers.limited_by);
  json.EndObject();
  json.Key("monthly_usd");
  json.BeginObject();
  Field(json, "compute", Cents(o.compute_usd));
  Field(json, "egress", Cents(o.egress_usd));
  Field(json, "storage", Cents(o.storage_usd));
  Field(json, "total", Cents(o.monthly_usd));
  json.EndObject();
  Field(json, "yearly_usd", Cents(o.yearly_usd));
  Field(json, "ratio_to_cheapest", Tidy(o.ratio));
  json.Key("over_budget");
  json.Bool(o.over_budget);
  json.Key("list_price");
  json.BeginObject();
  Field(json, "price", i.list_price);
  Field(json, "currency", i.currency);
  Field(json, "unit", i.unit);
  json.EndObject();
  for (auto [key, usage] :
       {std::pair{"egress_item", &o.egress}, std::pair{"storage_item", &o.storage}}) {
    json.Key(key);
    if (*usage) {
      json.String((*usage)->item);
    } else {
      json.Null();
    }
  }
  Field(json, "source", i.source);
  Field(json, "date", i.date);
  json.EndObject();
}

void Options(JsonWriter& json, std::string_view key, const std::vector<Option>& options) {
  json.Key(key);
  json.BeginArray();
  for (size_t i = 0; i < options.size(); ++i) OptionObject(json, i + 1, options[i]);
  json.EndArray();
}

void Budget(JsonWriter& json, const Plan& plan) {
  json.Key("budget");
  json.BeginObject();
  json.Key("over_budget_providers");
  json.BeginArray();
  for (const Option& option : plan.by_provider) {
    if (option.over_budget) json.String(option.instance.provider);
  }
  json.EndArray();
  json.Key("advice");
  json.BeginArray();
  if (plan.AnyOverBudget()) {
    for (const std::string& advice : BudgetAdvice(plan)) json.String(advice);
  }
  json.EndArray();
  json.EndObject();
}

void QuietHours(JsonWriter& json, const std::optional<QuietWindow>& quiet) {
  json.Key("quiet_hours");
  if (!quiet) {
    json.Null();
    return;
  }
  json.BeginObject();
  Field(json, "start_hour", uint64_t(quiet->start_hour));
  Field(json, "hours", uint64_t(quiet->hours));
  json.Key("utc_offset_minutes");
  json.Double(quiet->utc_offset_minutes);
  Field(json, "mean_rps", Tidy(quiet->mean_rps));
  Field(json, "busiest_rps", Tidy(quiet->busiest_rps));
  json.EndObject();
}

void Resources(JsonWriter& json, std::string_view key, const PodResources& resources) {
  json.Key(key);
  json.BeginObject();
  Field(json, "cpu_millicores", uint64_t{resources.cpu_millicores});
  Field(json, "memory_mib", uint64_t{resources.memory_mib});
  Field(json, "gpus", uint64_t{resources.gpus});
  json.EndObject();
}

void Kubernetes(JsonWriter& json, const KubernetesProposal& k) {
  json.Key("kubernetes");
  json.BeginObject();
  Field(json, "replicas", uint64_t{k.replicas});
  Field(json, "replicas_at_peak", uint64_t{k.replicas_at_peak});
  Field(json, "surge", uint64_t{k.surge});
  Field(json, "workers_per_pod", uint64_t{k.workers_per_pod});
  Resources(json, "requests", k.requests);
  Resources(json, "limits", k.limits);
  json.Key("quota");
  json.BeginObject();
  Field(json, "pods", uint64_t{k.quota_pods});
  Resources(json, "requests", k.quota_requests);
  Resources(json, "limits", k.quota_limits);
  json.EndObject();
  Field(json, "yaml", KubernetesYaml(k));
  json.EndObject();
}

void Prices(JsonWriter& json, const Plan& plan) {
  json.Key("prices");
  json.BeginObject();
  Field(json, "oldest_date", plan.oldest_date);
  Field(json, "newest_date", plan.newest_date);
  json.Key("months_old");
  json.Double(plan.months_old);
  json.Key("rates");
  json.BeginArray();
  for (const cost::CurrencyRate& rate : plan.rates) {
    json.BeginObject();
    Field(json, "currency", rate.currency);
    Field(json, "usd", rate.usd);
    Field(json, "source", rate.source);
    Field(json, "date", rate.date);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

}  // namespace

std::string RenderPlanJson(const Plan& plan) {
  JsonWriter json;
  json.BeginObject();
  Field(json, "schema", "dsaudit-plan/1");
  Field(json, "as_of", plan.input.as_of);
  json.Key("conventions");
  json.BeginObject();
  Field(json, "currency", "USD");
  Field(json, "hours_per_month", cost::kHoursPerMonth);
  Field(json, "months_per_year", uint64_t{12});
  Field(json, "redundancy", "N+1");
  Field(json, "budget_usd_per_year", kBudgetUsdPerYear);
  json.EndObject();
  Input(json, plan.input);
  Needs(json, plan.need);
  Options(json, "providers", plan.by_provider);
  json.Key("cheapest");
  OptionObject(json, 1, plan.Cheapest());
  Budget(json, plan);
  QuietHours(json, plan.input.quiet);
  Kubernetes(json, plan.kubernetes);
  Options(json, "options", plan.options);
  Prices(json, plan);
  json.EndObject();
  return json.Finish();
}

}  // namespace dsaudit::plan
