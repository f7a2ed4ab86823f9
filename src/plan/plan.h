// `dsaudit plan`: from a peak load to the servers it needs on each instance
// type, with N+1 redundancy, and what they cost a month and a year at each
// provider, ranked; the article's advice above $100,000 a year; Kubernetes
// requests, limits and a ResourceQuota.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cost/price_table.h"
#include "plan/capacity.h"
#include "plan/kubernetes.h"
#include "plan/quiet_hours.h"

namespace dsaudit::plan {

// The article: "if forecasted hosting costs exceed $100,000 per year, a deep
// analysis of infrastructure use modes is mandatory".
inline constexpr double kBudgetUsdPerYear = 100000;

struct PlanInput {
  Demand demand;
  // Where each figure came from, for the report: a flag, Little's law, the load report.
  std::string peak_source;
  std::string response_time_source;
  std::string cpu_source;
  std::optional<double> observed_peak_rps;  // from a load report
  double egress_tb_month = 0;
  std::string egress_source;
  double storage_tb = 0;
  std::optional<QuietWindow> quiet;
  std::string as_of;                   // YYYY-MM-DD: the date price ages are counted to
  std::vector<std::string> providers;  // empty: every provider in the table
  uint32_t max_servers = 0;            // leave out types that need more servers; 0: no limit
};

// One instance type sized for the peak, with its monthly bill.
struct Option {
  cost::InstancePrice instance;
  ServerCount servers;
  std::optional<cost::UsagePrice> egress;   // none when the provider has no egress price
  std::optional<cost::UsagePrice> storage;  // none when it has no storage price
  double compute_usd = 0;                   // a month
  double egress_usd = 0;
  double storage_usd = 0;
  double monthly_usd = 0;
  double yearly_usd = 0;  // 12 x monthly
  double ratio = 1;       // to the cheapest option's yearly cost
  bool over_budget = false;
};

struct Plan {
  PlanInput input;
  Requirements need;
  std::vector<Option> options;            // every instance type that fits, cheapest first
  std::vector<Option> by_provider;        // each provider's cheapest option, cheapest first
  std::vector<cost::CurrencyRate> rates;  // the conversions the options used
  std::string oldest_date;                // of the prices behind the options
  std::string newest_date;
  int months_old = 0;  // from oldest_date to input.as_of
  KubernetesProposal kubernetes;

  const Option& Cheapest() const { return by_provider.front(); }
  bool AnyOverBudget() const { return !by_provider.empty() && by_provider.back().over_budget; }
};

// False with `error` when no instance type in the table fits (e.g. GPUs asked
// for and none priced, or a provider filter that matches nothing).
bool BuildPlan(const PlanInput& input, const cost::PriceTable& prices, Plan* plan,
               std::string* error);

// Whole months from `from` (YYYY-MM or YYYY-MM-DD) to `to` (YYYY-MM-DD).
int MonthsBetween(std::string_view from, std::string_view to);

}  // namespace dsaudit::plan
