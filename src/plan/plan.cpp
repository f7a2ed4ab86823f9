#include "plan/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace dsaudit::plan {
namespace {

bool Wanted(const PlanInput& input, const cost::InstancePrice& instance) {
  // Databases are not application servers; burstable machines would run out
  // of CPU credits under a load that keeps them busy.
  if (instance.database || instance.burstable) return false;
  // GPU machines are poor value for CPU-only serving, and CPU machines cannot
  // serve a GPU model: each plan looks at one kind.
  if ((input.demand.gpus > 0) != (instance.gpus > 0)) return false;
  return input.providers.empty() || std::find(input.providers.begin(), input.providers.end(),
                                              instance.provider) != input.providers.end();
}

// The provider's price in the instance's region, else its cheapest.
std::optional<cost::UsagePrice> PickUsage(const std::vector<cost::UsagePrice>& prices,
                                          const cost::InstancePrice& instance) {
  const cost::UsagePrice* best = nullptr;
  for (const cost::UsagePrice& price : prices) {
    if (price.provider != instance.provider) continue;
    bool same_region = price.region == instance.region;
    bool best_same_region = best != nullptr && best->region == instance.region;
    if (best == nullptr || (same_region && !best_same_region) ||
        (same_region == best_same_region && price.usd_per_tb < best->usd_per_tb)) {
      best = &price;
    }
  }
  return best == nullptr ? std::nullopt : std::optional<cost::UsagePrice>(*best);
}

Option Size(const PlanInput& input, const Requirements& need, const cost::InstancePrice& instance,
            const cost::PriceTable& prices) {
  Option option{.instance = instance, .servers = ServersFor(need, instance)};
  option.compute_usd = option.servers.total * instance.UsdPerMonth();
  option.egress = PickUsage(prices.egress, instance);
  option.storage = PickUsage(prices.storage, instance);
  if (option.egress) {
    double included =
        option.servers.total * instance.included_egress_tb + option.egress->included_tb;
    option.egress_usd =
        EgressUsdPerMonth(input.egress_tb_month, included, option.egress->usd_per_tb);
  }
  if (option.storage) {
    double billed_tb = std::max(0.0, input.storage_tb - option.storage->included_tb);
    option.storage_usd = StorageUsdPerMonth(billed_tb, option.storage->usd_per_tb);
  }
  option.monthly_usd = option.compute_usd + option.egress_usd + option.storage_usd;
  option.yearly_usd = option.monthly_usd * 12;
  option.over_budget = option.yearly_usd > kBudgetUsdPerYear;
  return option;
}

bool Cheaper(const Option& a, const Option& b) {
  if (a.yearly_usd != b.yearly_usd) return a.yearly_usd < b.yearly_usd;
  if (a.instance.provider != b.instance.provider) return a.instance.provider < b.instance.provider;
  return a.instance.type < b.instance.type;
}

// The dates and currency rates behind the ranked options.
void Provenance(const cost::PriceTable& prices, Plan* plan) {
  std::set<std::string> dates;
  std::set<std::string> currencies;
  for (const Option& option : plan->by_provider) {
    dates.insert(option.instance.date);
    currencies.insert(option.instance.currency);
    for (const std::optional<cost::UsagePrice>& usage : {option.egress, option.storage}) {
      if (!usage) continue;
      dates.insert(usage->date);
      currencies.insert(usage->currency);
    }
  }
  for (const cost::CurrencyRate& rate : prices.rates) {
    if (rate.currency == "USD" || !currencies.contains(rate.currency)) continue;
    plan->rates.push_back(rate);
    dates.insert(rate.date);
  }
  plan->oldest_date = *dates.begin();
  plan->newest_date = *dates.rbegin();
  plan->months_old = MonthsBetween(plan->oldest_date, plan->input.as_of);
}

}  // namespace

int MonthsBetween(std::string_view from, std::string_view to) {
  auto months = [](std::string_view date) {
    if (date.size() < 7) return 0;
    int year = std::stoi(std::string(date.substr(0, 4)));
    int month = std::stoi(std::string(date.substr(5, 2)));
    return year * 12 + month - 1;
  };
  return months(to) - months(from);
}

bool BuildPlan(const PlanInput& input, const cost::PriceTable& prices, Plan* plan,
               std::string* error) {
  Plan built;
  built.input = input;
  built.need = Require(input.demand);
  for (const cost::InstancePrice& instance : prices.instances) {
    if (!Wanted(input, instance)) continue;
    Option option = Size(input, built.need, instance, prices);
    if (input.max_servers > 0 && option.servers.total > input.max_servers) continue;
    built.options.push_back(std::move(option));
  }
  if (built.options.empty()) {
    *error = fmt::format(
        "no {}instance in the price table fits (check --providers, --max-servers or --prices)",
        input.demand.gpus > 0 ? "GPU " : "");
    return false;
  }
  std::sort(built.options.begin(), built.options.end(), Cheaper);
  double cheapest = built.options.front().yearly_usd;
  std::set<std::string> seen;
  for (Option& option : built.options) {
    option.ratio = cheapest > 0 ? option.yearly_usd / cheapest : 1;
    if (seen.insert(option.instance.provider).second) built.by_provider.push_back(option);
  }
  Provenance(prices, &built);
  built.kubernetes = ProposeKubernetes(built.need, input.demand.memory_per_worker_gib);
  *plan = std::move(built);
  return true;
}

}  // namespace dsaudit::plan
