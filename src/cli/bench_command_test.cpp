// Runs the real binary against a server in this test process: the
// command's contract is its report and exit status.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

#include "cli/command_test_util.h"
#include "loadtest/test_servers.h"

namespace dsaudit::cli {
namespace {

class BenchCommandTest : public CommandTest {
 protected:
  CommandResult Bench(const std::string& args) {
    return Run("bench " + server_.Url() + " -q -d 0.3s " + args);
  }
  loadtest::testing::TestServer server_;
};

TEST_F(BenchCommandTest, PassingThresholdsExitZero) {
  CommandResult run = Bench("-u 2 --threshold 'p99<1s' --threshold 'errors<1%'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("closed model, 2 users"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("p99<1s                   pass"), std::string::npos) << run.out;
}

TEST_F(BenchCommandTest, FailingThresholdExitsOneAndIsNamed) {
  server_.SetStatus(500);
  CommandResult run = Bench("-u 2 --threshold 'p99<1s' --threshold 'errors<1%'");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("threshold failed: errors<1% (measured 100%)"), std::string::npos)
      << run.err;
  EXPECT_EQ(run.err.find("threshold failed: p99<1s"), std::string::npos) << run.err;
}

TEST_F(BenchCommandTest, OpenModelJsonCountsWhatTheServerSaw) {
  CommandResult run = Bench("-r 200 -c 4 -f json");
  ASSERT_EQ(run.status, 0) << run.err;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(run.out).get(root), simdjson::SUCCESS) << run.out;
  EXPECT_EQ(std::string_view(root["model"]), "open");
  EXPECT_EQ(uint64_t(root["requests"]["responses"]), server_.requests());
  uint64_t due = uint64_t(root["requests"]["sent"]) + uint64_t(root["requests"]["dropped"]);
  EXPECT_NEAR(static_cast<double>(due), 60, 2);
}

TEST_F(BenchCommandTest, HtmlReportGoesToTheOutputFile) {
  std::string path = (dir_ / "report.html").string();
  CommandResult run = Bench("-u 1 -f html -o " + path);
  ASSERT_EQ(run.status, 0) << run.err;
  std::string html = ReadAll(path);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_TRUE(run.out.empty());
  // --output-file, as check, audit, load and plan spell it.
  std::string json = (dir_ / "report.json").string();
  ASSERT_EQ(Bench("-u 1 --format json --output-file " + json).status, 0);
  EXPECT_TRUE(ReadAll(json).starts_with("{"));
}

TEST_F(BenchCommandTest, FindMaxReportsTheSustainableRate) {
  CommandResult run = Bench("--find-max --slo 'p99<1s' -r 20 --max-steps 2 -c 4");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("highest sustainable rate: 40.0 requests/s"), std::string::npos)
      << run.out;
}

TEST_F(BenchCommandTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Bench("--threshold 'p99<300'").status, 2);
  EXPECT_EQ(Bench("-u 2 -r 10").status, 2);
  EXPECT_EQ(Bench("--find-max").status, 2);
  EXPECT_EQ(Run("bench ftp://example.com/").status, 2);
  EXPECT_EQ(Bench("--stage 5").status, 2);
}

TEST_F(BenchCommandTest, ServerDownIsReportedNotHung) {
  std::string url = "http://127.0.0.1:" + std::to_string(loadtest::testing::FreePort()) + "/";
  CommandResult run = Run("bench " + url + " -q -d 0.3s -u 2 --threshold 'errors<1%'");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("connect"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace dsaudit::cli
