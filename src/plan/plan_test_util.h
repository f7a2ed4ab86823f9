// A small price table and a demand whose plan can be worked out by hand,
// shared by the plan's tests. Header-only: only *_test.cpp files include it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "cost/price_csv.h"
#include "plan/plan.h"

namespace dsaudit::plan {

// Two made-up providers with round prices, so every figure below can be
// worked by hand: acme in USD per hour, euro in EUR per month at 1.2 USD.
constexpr std::string_view kPrices =
    "provider,region,kind,item,vcpus,memory_gib,gpus,gpu_model,price,currency,unit,included,source,"
    "date\n"
    "acme,r1,compute,small,2,4,0,,0.10,USD,hour,0,s,2025-06\n"
    "acme,r1,compute,big,8,32,0,,0.30,USD,hour,0,s,2025-06\n"
    "acme,r1,compute,gpu1,8,32,1,L4,1.00,USD,hour,0,s,2025-06\n"
    "acme,r1,database,db.big,8,32,0,,0.01,USD,hour,0,s,2025-06\n"
    "acme,r1,burstable,tiny,2,4,0,,0.001,USD,hour,0,s,2025-06\n"
    "acme,r1,egress,out,0,0,0,,0.05,USD,gb,100,s,2025-06\n"
    "acme,r1,storage,blob,0,0,0,,0.02,USD,gb-month,0,s,2025-06\n"
    "euro,e1,compute,box,4,16,0,,73.00,EUR,month,20,s,2025-01\n"
    "euro,e1,egress,out,0,0,0,,1,EUR,tb,0,s,2025-01\n"
    "euro,e1,storage,blob,0,0,0,,5,EUR,tb-month,0,s,2025-01\n"
    "ecb,,fx,EUR,0,0,0,,1.2,USD,rate,0,s,2025-03\n";

inline cost::PriceTable TestPrices(std::string_view extra = "") {
  std::vector<cost::PriceRow> rows;
  std::string error;
  EXPECT_TRUE(
      cost::ParsePriceCsv(std::string(kPrices) + std::string(extra), "t.csv", &rows, &error))
      << error;
  cost::PriceTable table;
  EXPECT_TRUE(cost::BuildPriceTable(rows, &table, &error)) << error;
  return table;
}

// 100 requests/s, 50 ms CPU, 0.3 s response, 1 GiB a worker, at most 80% busy;
// 10 TB egress and 5 TB storage a month:
//   cores   = 100 x 0.050 / 0.8 = 6.25
//   workers = ceil(100 x 0.3 / 0.8) = ceil(37.5) = 38, memory 38 GiB
inline PlanInput TestInput() {
  PlanInput input;
  input.demand = Demand{.peak_rps = 100,
                        .cpu_ms_per_request = 50,
                        .response_time_s = 0.3,
                        .memory_per_worker_gib = 1,
                        .headroom = 0.8,
                        .gpus = 0};
  input.peak_source = input.response_time_source = input.cpu_source = input.egress_source = "test";
  input.egress_tb_month = 10;
  input.storage_tb = 5;
  input.as_of = "2026-12-04";
  return input;
}

inline Plan TestPlan(const PlanInput& input, const cost::PriceTable& table) {
  Plan plan;
  std::string error;
  EXPECT_TRUE(BuildPlan(input, table, &plan, &error)) << error;
  return plan;
}

}  // namespace dsaudit::plan
