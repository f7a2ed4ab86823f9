// The capacity arithmetic behind `dsaudit plan`, kept apart from prices and
// reports so each formula can be checked against a hand-computed case.
#pragma once

#include <cstdint>

#include "cost/price_table.h"

namespace dsaudit::plan {

// Rounds a count up, forgiving floating-point dust: 2.1 / 0.7 is
// 3.0000000000000004 in doubles and must stay 3 servers, not become 4.
uint32_t CeilCount(double value);

// Little's law for a closed system (N users who each wait R for a response,
// then think for Z): throughput X = N / (R + Z).
double ThroughputFromUsers(double users, double think_time_s, double response_time_s);

// Little's law L = X x R: requests in the system at once.
double InSystem(double throughput_rps, double response_time_s);

// What the peak needs, with utilisation kept at or below `headroom`.
struct Requirements {
  double busy_cores = 0;  // peak x CPU time per request
  double cores = 0;       // busy_cores / headroom
  double in_flight = 0;   // peak x response time (Little's law)
  uint32_t workers = 0;   // in_flight / headroom, rounded up
  double memory_gib = 0;  // workers x memory per worker
  uint32_t gpus = 0;      // asked for, not derived
};

struct Demand {
  double peak_rps = 0;
  double cpu_ms_per_request = 0;
  double response_time_s = 0;
  double memory_per_worker_gib = 0;
  double headroom = 0.7;  // 0 < headroom <= 1
  uint32_t gpus = 0;
};

Requirements Require(const Demand& demand);

// Servers of one type that carry the peak, and the spare for N+1.
struct ServerCount {
  uint32_t at_peak = 0;            // at least 1
  uint32_t total = 0;              // at_peak + 1
  const char* limited_by = "cpu";  // "cpu", "memory" or "gpu": the resource that set at_peak
};

// ceil(max(cores / vcpus, memory / memory_gib, gpus / instance gpus)) + 1.
// The instance must have GPUs when the requirements do.
ServerCount ServersFor(const Requirements& need, const cost::InstancePrice& instance);

// USD a month for what scales with usage: egress beyond what is included
// (per server and per account) and object storage.
double EgressUsdPerMonth(double egress_tb, double included_tb, double usd_per_tb);
double StorageUsdPerMonth(double storage_tb, double usd_per_tb);

}  // namespace dsaudit::plan
