// A plan as text, JSON, Markdown and one self-contained HTML page.
//
// The JSON document ("schema": "dsaudit-plan/1") is a stable interface; keys
// are only ever added. Money is USD, rounded to the cent.
//   as_of, conventions {currency, hours_per_month, months_per_year, redundancy,
//   budget_usd_per_year} input         {peak_rps, peak_source, observed_peak_rps|null,
//   response_time_s, response_time_source,
//                  cpu_ms_per_request, cpu_source, memory_per_worker_mib, headroom, gpus,
//                  egress_tb_month, egress_source, storage_tb}
//   requirements  {busy_cores, cores, in_flight, workers, memory_gib, gpus}
//   providers[]   each provider's cheapest option, ranked; options[]: every option, ranked:
//                 {rank, provider, region, instance, vcpus, memory_gib, gpus, gpu_model,
//                  servers{at_peak, total, limited_by}, monthly_usd{compute, egress, storage,
//                  total}, yearly_usd, ratio_to_cheapest, over_budget, list_price{price, currency,
//                  unit}, egress_item|null, storage_item|null, source, date}
//   cheapest      the first of providers[]
//   budget        {over_budget_providers[], advice[]}: advice only when a provider is over budget
//   quiet_hours   {start_hour, hours, utc_offset_minutes, mean_rps, busiest_rps} | null
//   kubernetes    {replicas, replicas_at_peak, surge, workers_per_pod, requests{cpu_millicores,
//                  memory_mib, gpus}, limits{...}, quota{pods, requests{...}, limits{...}}, yaml}
//   prices        {oldest_date, newest_date, months_old, rates[]{currency, usd, source, date}}
#pragma once

#include <string>

#include "plan/plan.h"

namespace dsaudit::plan {

struct ReportOptions {
  bool all_options = false;  // every instance type, not only each provider's cheapest
};

std::string RenderPlanText(const Plan& plan, const ReportOptions& options);
std::string RenderPlanJson(const Plan& plan);
std::string RenderPlanMarkdown(const Plan& plan, const ReportOptions& options);
std::string RenderPlanHtml(const Plan& plan, const ReportOptions& options);

}  // namespace dsaudit::plan
