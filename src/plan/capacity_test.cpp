#include "plan/capacity.h"

#include <gtest/gtest.h>

#include <string>

namespace dsaudit::plan {
namespace {

cost::InstancePrice Machine(uint32_t vcpus, double memory_gib, uint32_t gpus = 0) {
  cost::InstancePrice machine;
  machine.type = "test";
  machine.vcpus = vcpus;
  machine.memory_gib = memory_gib;
  machine.gpus = gpus;
  return machine;
}

// 500 requests/s, 25 ms CPU and 0.2 s response each, 512 MiB per worker,
// utilisation kept at or below 70%.
Demand FiveHundredRps() {
  return Demand{.peak_rps = 500,
                .cpu_ms_per_request = 25,
                .response_time_s = 0.2,
                .memory_per_worker_gib = 0.5,
                .headroom = 0.7,
                .gpus = 0};
}

TEST(CapacityTest, LittlesLawForAClosedSystem) {
  // 5,000 users who think 9.8 s between requests answered in 0.2 s:
  // X = 5000 / (0.2 + 9.8) = 500 requests/s; L = 500 x 0.2 = 100 in the system.
  double throughput = ThroughputFromUsers(5000, 9.8, 0.2);
  EXPECT_DOUBLE_EQ(throughput, 500);
  EXPECT_DOUBLE_EQ(InSystem(throughput, 0.2), 100);
  // No think time: every user always has one request in flight, L = N.
  EXPECT_DOUBLE_EQ(InSystem(ThroughputFromUsers(40, 0, 0.5), 0.5), 40);
}

TEST(CapacityTest, CoresWorkersAndMemoryWithHeadroom) {
  Requirements need = Require(FiveHundredRps());
  // 500 x 25 ms = 12.5 busy cores; at 70%: 12.5 / 0.7 = 17.857 cores.
  EXPECT_DOUBLE_EQ(need.busy_cores, 12.5);
  EXPECT_NEAR(need.cores, 17.857142857, 1e-9);
  // 500 x 0.2 s = 100 requests in flight; at 70%: 100 / 0.7 = 142.86 -> 143 workers.
  EXPECT_DOUBLE_EQ(need.in_flight, 100);
  EXPECT_EQ(need.workers, 143u);
  // 143 x 0.5 GiB = 71.5 GiB.
  EXPECT_DOUBLE_EQ(need.memory_gib, 71.5);
}

TEST(CapacityTest, ServersAreTheTighterOfCpuAndMemoryPlusOne) {
  Requirements need = Require(FiveHundredRps());
  // 4 vCPU / 8 GiB: cpu 17.857 / 4 = 4.46, memory 71.5 / 8 = 8.94 -> 9 at peak, 10 with N+1.
  ServerCount small = ServersFor(need, Machine(4, 8));
  EXPECT_EQ(small.at_peak, 9u);
  EXPECT_EQ(small.total, 10u);
  EXPECT_STREQ(small.limited_by, "memory");
  // 16 vCPU / 128 GiB: cpu 17.857 / 16 = 1.12, memory 71.5 / 128 = 0.56 -> 2 at peak, 3 in all.
  ServerCount big = ServersFor(need, Machine(16, 128));
  EXPECT_EQ(big.at_peak, 2u);
  EXPECT_EQ(big.total, 3u);
  EXPECT_STREQ(big.limited_by, "cpu");
}

TEST(CapacityTest, ExactMultiplesDoNotRoundUpOnFloatingPointDust) {
  // 84 x 25 ms = 2.1 busy cores; 2.1 / 0.7 = 3.0000000000000004 in doubles, which is 3 cores:
  // three 1-vCPU servers at peak, four with the spare, not five.
  Demand demand = FiveHundredRps();
  demand.peak_rps = 84;
  demand.response_time_s = 0.025;
  Requirements need = Require(demand);
  ServerCount count = ServersFor(need, Machine(1, 64));
  EXPECT_EQ(count.at_peak, 3u);
  EXPECT_EQ(count.total, 4u);
}

TEST(CapacityTest, TinyLoadStillGetsOneServerAndASpare) {
  Demand demand = FiveHundredRps();
  demand.peak_rps = 0.5;
  Requirements need = Require(demand);
  EXPECT_EQ(need.workers, 1u);  // 0.5 x 0.2 / 0.7 = 0.14 -> at least one
  ServerCount count = ServersFor(need, Machine(2, 4));
  EXPECT_EQ(count.at_peak, 1u);
  EXPECT_EQ(count.total, 2u);
}

TEST(CapacityTest, GpusCanSetTheCount) {
  Demand demand = FiveHundredRps();
  demand.gpus = 3;
  Requirements need = Require(demand);
  // 48 vCPU / 192 GiB / 2 GPUs: cpu 0.37, memory 0.37, gpu 3 / 2 = 1.5 -> 2 at peak, 3 in all.
  ServerCount count = ServersFor(need, Machine(48, 192, 2));
  EXPECT_EQ(count.at_peak, 2u);
  EXPECT_EQ(count.total, 3u);
  EXPECT_STREQ(count.limited_by, "gpu");
}

TEST(CapacityTest, EgressBeyondWhatIsIncludedAndStorage) {
  // 25 TB out, 100 GB free, 90 USD per TB: (25 - 0.1) x 90 = 2,241 USD a month.
  EXPECT_NEAR(EgressUsdPerMonth(25, 0.1, 90), 2241, 1e-9);
  // Three servers with 20 TB each include 60 TB: nothing to pay.
  EXPECT_EQ(EgressUsdPerMonth(25, 60, 1.14), 0);
  // 10 TB at 23 USD per TB-month = 230 USD.
  EXPECT_DOUBLE_EQ(StorageUsdPerMonth(10, 23), 230);
}

}  // namespace
}  // namespace dsaudit::plan
