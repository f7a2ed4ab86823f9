// Runs the real binary: `dsaudit plan`'s contract is its output and exit status.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "cli/command_test_util.h"

namespace dsaudit::cli {
namespace {

class PlanCommandTest : public CommandTest {
 protected:
  // One provider with round prices, so the output can be checked by hand.
  std::string Prices() {
    return Write("prices.csv",
                 "# negotiated\n"
                 "provider,region,kind,item,vcpus,memory_gib,gpus,gpu_model,price,currency,unit,"
                 "included,source,date\n"
                 "acme,r1,compute,big,8,32,0,,0.50,USD,hour,0,https://acme.example/prices,2026-06\n"
                 "acme,r1,egress,out,0,0,0,,0.01,USD,gb,0,https://acme.example/prices,2026-06\n");
  }
  std::string Only() { return "--no-shipped-prices --prices " + Prices() + " --as-of 2026-12-04 "; }
};

TEST_F(PlanCommandTest, LittlesLawFromUsersToServersAndCost) {
  // 5,000 users, 9.8 s think + 0.2 s response: 500 requests/s. 20 ms CPU: 10 busy cores, at 70%
  // 14.29 cores; 100 in flight -> 143 workers x 128 MiB = 17.9 GiB. big (8 vCPU, 32 GiB): cpu
  // 14.29 / 8 = 1.8 -> 2 + 1 = 3 servers x 0.50 x 730 = $1,095 a month, $13,140 a year.
  CommandResult run =
      Run("plan " + Only() +
          "--users 5000 --think-time 9.8 --response-time 0.2 --cpu-ms-per-request 20 "
          "--memory-per-worker 128Mi");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(
      run.out.find(
          "500.0 requests/s (Little's law: 5000 users / (0.2 s response + 9.8 s think time))"),
      std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("143 workers x 128 MiB = 17.9 GiB"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(
                "Cheapest that meets the peak: acme big (r1): 3 servers (2 for the peak + 1 spare, "
                "limited by cpu), $1,095 a month, $13,140 a year."),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("dated 2026-06, the oldest 6 months old on 2026-12-04"), std::string::npos)
      << run.out;
}

TEST_F(PlanCommandTest, ReadsTheForecastPeakFromALoadReport) {
  std::string log = (dir_ / "access.log").string();
  std::string report = (dir_ / "load.json").string();
  ASSERT_EQ(Run("load generate --lines 40000 --days 8 --seed 5 --out " + log).status, 0);
  ASSERT_EQ(Run("load --format json -o " + report + " " + log).status, 0);
  CommandResult run = Run("plan " + Only() + "--cpu-ms-per-request 30 --output json " + report);
  ASSERT_EQ(run.status, 0) << run.err;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(run.out).get(root), simdjson::SUCCESS) << run.out;
  EXPECT_EQ(std::string_view(root["input"]["peak_source"]).rfind("forecast upper band at ", 0), 0u)
      << run.out;
  EXPECT_GT(double(root["input"]["peak_rps"]), 0);
  // The generated log has no request times: the CPU time stands in for the response time.
  EXPECT_EQ(std::string_view(root["input"]["response_time_source"]),
            "assumed equal to the CPU time; pass "
            "--response-time");
  EXPECT_EQ(std::string_view(root["input"]["egress_source"]),
            "the load report's response bytes at its mean rate");
  EXPECT_FALSE(root["quiet_hours"].is_null());
  EXPECT_EQ(std::string_view(root["cheapest"]["instance"]), "big");
}

TEST_F(PlanCommandTest, EveryFormatAndAnOutputFile) {
  std::string args = "plan " + Only() + "--peak-rps 100 --cpu-ms-per-request 10 ";
  EXPECT_EQ(
      Run(args + "--output markdown").out.rfind("# dsaudit plan: 100.0 requests/s at peak", 0), 0u);
  std::string html = (dir_ / "plan.html").string();
  ASSERT_EQ(Run(args + "--output html -o " + html).status, 0);
  EXPECT_NE(ReadAll(html).find("<svg"), std::string::npos);
}

TEST_F(PlanCommandTest, ShippedTableRanksEveryProvider) {
  CommandResult run =
      Run("plan --peak-rps 200 --cpu-ms-per-request 20 --response-time 0.1 --output json");
  ASSERT_EQ(run.status, 0) << run.err;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(run.out).get(root), simdjson::SUCCESS);
  EXPECT_EQ(simdjson::dom::array(root["providers"]).size(), 6u) << run.out;
}

TEST_F(PlanCommandTest, UsageErrorsExitTwoWithAClearMessage) {
  CommandResult bad_prices = Run("plan --peak-rps 10 --cpu-ms-per-request 5 --prices " +
                                 Write("bad.csv",
                                       "provider,kind,item,price,currency,unit,source,date\n"
                                       "acme,compute,x,cheap,USD,hour,s,2026-01\n"));
  EXPECT_EQ(bad_prices.status, 2);
  EXPECT_NE(bad_prices.err.find("bad.csv:2: price 'cheap' is not a number >= 0"), std::string::npos)
      << bad_prices.err;

  CommandResult nothing = Run("plan");
  EXPECT_EQ(nothing.status, 2);
  EXPECT_NE(nothing.err.find("give a load report"), std::string::npos) << nothing.err;

  EXPECT_EQ(Run("plan --peak-rps 10 --users 5 --cpu-ms-per-request 5").status, 2);
  EXPECT_EQ(Run("plan --users 5 --cpu-ms-per-request 5").status, 2);
  EXPECT_EQ(Run("plan --peak-rps 10").status, 2);
  EXPECT_EQ(Run("plan --peak-rps 10 --cpu-ms-per-request 5 --headroom 1.5").status, 2);
  EXPECT_EQ(Run("plan --peak-rps 10 --cpu-ms-per-request 5 --memory-per-worker lots").status, 2);
  EXPECT_EQ(Run("plan --peak-rps 10 --cpu-ms-per-request 5 --as-of yesterday").status, 2);
  EXPECT_EQ(Run("plan --peak-rps 10 --cpu-ms-per-request 5 --providers nobody").status, 2);
  CommandResult not_load = Run("plan --cpu-ms-per-request 5 " + Prices());
  EXPECT_EQ(not_load.status, 2);
  EXPECT_NE(not_load.err.find("prices.csv: not JSON"), std::string::npos) << not_load.err;
}

}  // namespace
}  // namespace dsaudit::cli
