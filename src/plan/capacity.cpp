#include "plan/capacity.h"

#include <algorithm>
#include <cmath>

namespace dsaudit::plan {

uint32_t CeilCount(double value) {
  return static_cast<uint32_t>(std::max(0.0, std::ceil(value - 1e-9)));
}

double ThroughputFromUsers(double users, double think_time_s, double response_time_s) {
  return users / (response_time_s + think_time_s);
}

double InSystem(double throughput_rps, double response_time_s) {
  return throughput_rps * response_time_s;
}

Requirements Require(const Demand& demand) {
  Requirements need;
  need.busy_cores = demand.peak_rps * demand.cpu_ms_per_request / 1000;
  need.cores = need.busy_cores / demand.headroom;
  need.in_flight = InSystem(demand.peak_rps, demand.response_time_s);
  // A worker serves one request at a time, so workers are kept below the
  // same utilisation as cores: a queue forms long before all are busy.
  need.workers = std::max<uint32_t>(1, CeilCount(need.in_flight / demand.headroom));
  need.memory_gib = need.workers * demand.memory_per_worker_gib;
  need.gpus = demand.gpus;
  return need;
}

ServerCount ServersFor(const Requirements& need, const cost::InstancePrice& instance) {
  ServerCount count;
  double by_cpu = need.cores / instance.vcpus;
  double by_memory = need.memory_gib / instance.memory_gib;
  double by_gpu =
      need.gpus > 0 && instance.gpus > 0 ? static_cast<double>(need.gpus) / instance.gpus : 0;
  double servers = std::max({by_cpu, by_memory, by_gpu});
  if (servers == by_gpu && by_gpu > 0) {
    count.limited_by = "gpu";
  } else if (servers == by_memory && by_memory > by_cpu) {
    count.limited_by = "memory";
  }
  count.at_peak = std::max<uint32_t>(1, CeilCount(servers));
  count.total = count.at_peak + 1;
  return count;
}

double EgressUsdPerMonth(double egress_tb, double included_tb, double usd_per_tb) {
  return std::max(0.0, egress_tb - included_tb) * usd_per_tb;
}

double StorageUsdPerMonth(double storage_tb, double usd_per_tb) { return storage_tb * usd_per_tb; }

}  // namespace dsaudit::plan
