// The engine against real servers on 127.0.0.1: nginx (counts checked
// against its access log) and an in-process server that stalls or fails.
#include "loadtest/engine.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "loadtest/test_servers.h"

namespace dsaudit::loadtest {
namespace {

using testing::Nginx;
using testing::TestServer;

Config BaseConfig(const std::string& url) {
  Config config;
  std::string error;
  config.url = *ParseUrl(url, &error);
  config.requests = {RequestSpec{}};
  config.duration_seconds = 1;
  config.timeout_seconds = 2;
  config.threads = 2;
  return config;
}

Config Closed(const std::string& url, uint32_t users) {
  Config config = BaseConfig(url);
  config.users = users;
  return config;
}

Config Open(const std::string& url, double rate, uint32_t connections) {
  Config config = BaseConfig(url);
  config.open_model = true;
  config.rate = rate;
  config.connections = connections;
  return config;
}

Result RunOrFail(const Config& config, const RunControl& control = {}) {
  std::string error;
  std::optional<Result> result = RunLoadTest(config, control, &error);
  EXPECT_TRUE(result.has_value()) << error;
  return result.value_or(Result{});
}

uint64_t Errors(const Result& result, ErrorKind kind) {
  return result.errors[static_cast<size_t>(kind)];
}

class NginxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Nginx::Available()) GTEST_SKIP() << "nginx is not installed at " << Nginx::kBinary;
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("dsaudit_nginx_" + std::string(test->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    nginx_ = std::make_unique<Nginx>(dir_);
  }
  void TearDown() override {
    nginx_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Start(bool tls = false, int keepalive_requests = 1000) {
    std::string error;
    ASSERT_TRUE(nginx_->Start(tls, keepalive_requests, &error)) << error;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Nginx> nginx_;
};

TEST_F(NginxTest, ClosedModelRequestCountEqualsAccessLog) {
  Start();
  Config config = Closed(nginx_->Url(), 8);
  config.max_requests = 3000;
  config.duration_seconds = 10;
  Result result = RunOrFail(config);
  nginx_->Stop();
  EXPECT_EQ(result.completed, 3000u);
  EXPECT_EQ(result.status_counts[200], 3000u);
  EXPECT_EQ(result.TotalErrors(), 0u);
  EXPECT_EQ(nginx_->LoggedRequests(), 3000u);
  EXPECT_GT(result.corrected.count(), 0u);
}

TEST_F(NginxTest, DurationBoundedRunMatchesAccessLog) {
  Start();
  Config config = Closed(nginx_->Url(), 16);
  config.duration_seconds = 0.5;
  auto begin = std::chrono::steady_clock::now();
  Result result = RunOrFail(config);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(3));
  nginx_->Stop();
  EXPECT_GT(result.completed, 100u);
  EXPECT_EQ(result.unfinished, 0u);
  EXPECT_EQ(nginx_->LoggedRequests(), result.completed);
}

// nginx closes a connection after 50 requests: every request still counts once.
TEST_F(NginxTest, ReconnectsWhenTheServerClosesKeepAlive) {
  Start(false, 50);
  Config config = Closed(nginx_->Url(), 4);
  config.max_requests = 1000;
  config.duration_seconds = 10;
  Result result = RunOrFail(config);
  nginx_->Stop();
  EXPECT_EQ(result.completed, 1000u);
  EXPECT_EQ(result.TotalErrors(), 0u);
  EXPECT_EQ(nginx_->LoggedRequests(), 1000u);
}

TEST_F(NginxTest, OpenModelSendsTheRateAndMatchesAccessLog) {
  Start();
  Config config = Open(nginx_->Url(), 2000, 64);
  config.duration_seconds = 1;
  Result result = RunOrFail(config);
  nginx_->Stop();
  // On a busy machine some may go unsent (dropped), but none is lost.
  EXPECT_NEAR(static_cast<double>(result.started + result.dropped), 2000, 20);
  EXPECT_EQ(result.completed + result.unfinished, result.started);
  EXPECT_GT(result.completed, 1000u);
  EXPECT_EQ(nginx_->LoggedRequests(), result.completed);
  EXPECT_EQ(nginx_->LoggedWithStatus(200), result.completed);
}

TEST_F(NginxTest, HttpsWithSelfSignedCertificateTrustedByCaFile) {
  Start(true);
  Config config = Closed(nginx_->Url(true), 4);
  config.ca_file = nginx_->cert().string();
  config.max_requests = 500;
  config.duration_seconds = 10;
  Result result = RunOrFail(config);
  nginx_->Stop();
  EXPECT_EQ(result.completed, 500u);
  EXPECT_EQ(result.TotalErrors(), 0u);
  EXPECT_EQ(nginx_->LoggedRequests(), 500u);
}

TEST_F(NginxTest, HttpsInsecureSkipsVerification) {
  Start(true);
  Config config = Closed(nginx_->Url(true), 4);
  config.insecure = true;
  config.max_requests = 300;
  config.duration_seconds = 10;
  Result result = RunOrFail(config);
  nginx_->Stop();
  EXPECT_EQ(result.completed, 300u);
  EXPECT_EQ(result.TotalErrors(), 0u);
  EXPECT_EQ(nginx_->LoggedRequests(), 300u);
}

TEST_F(NginxTest, HttpsUntrustedCertificateIsATlsError) {
  Start(true);
  Config config = Closed(nginx_->Url(true), 2);
  config.duration_seconds = 0.3;
  config.ca_file = "/etc/ssl/certs/ca-certificates.crt";
  if (!std::filesystem::exists(config.ca_file)) config.ca_file.clear();
  Result result = RunOrFail(config);
  EXPECT_EQ(result.completed, 0u);
  EXPECT_GT(Errors(result, ErrorKind::kTls), 0u);
}

// The heart of coordinated omission: one 1 s stall at 500 requests/s. Sent
// from due time, ~500 requests waited up to a second (corrected p99 shows
// it); timed from sending, only the two in flight did (uncorrected hides it).
TEST(EngineTest, StallShowsInCorrectedP99NotInUncorrected) {
  TestServer server;
  server.StallAt(300, std::chrono::milliseconds(1000));
  Config config = Open(server.Url(), 500, 2);
  config.threads = 1;
  config.duration_seconds = 3;
  Result result = RunOrFail(config);
  EXPECT_EQ(result.TotalErrors(), 0u);
  EXPECT_NEAR(static_cast<double>(result.started + result.dropped), 1500, 10);
  EXPECT_EQ(result.completed, result.started);
  EXPECT_GE(result.corrected.ValueAtPercentile(99), 500'000u);
  EXPECT_GE(result.corrected.max(), 900'000u);
  EXPECT_LT(result.uncorrected.ValueAtPercentile(99), 100'000u);
  EXPECT_GE(result.uncorrected.max(), 900'000u);
  EXPECT_EQ(server.requests(), result.completed);
  // The slices cover the run exactly: the last one is as long as the run's tail.
  double covered = 0;
  for (const Interval& interval : result.intervals) {
    EXPECT_LE(interval.seconds, result.interval_seconds + 1e-9);
    covered += interval.seconds;
  }
  EXPECT_NEAR(covered, result.elapsed_seconds, 1e-6);
}

TEST(EngineTest, RequestsNeverSentCountInTheCorrectedLatency) {
  // One connection and a server that stalls on the 20th request past the end
  // of the run: every request due after it is never sent.
  TestServer server;
  server.StallAt(20, std::chrono::milliseconds(2500));
  Config config = Open(server.Url(), 200, 1);
  config.threads = 1;
  config.duration_seconds = 1;
  Result result = RunOrFail(config);
  EXPECT_GT(result.dropped, 100u);
  EXPECT_EQ(result.corrected.count(), result.completed + result.dropped);
  EXPECT_EQ(result.uncorrected.count(), result.completed);
  // Most requests waited from their due time to the end: the corrected
  // median is hundreds of milliseconds, the uncorrected one is not.
  EXPECT_GE(result.corrected.ValueAtPercentile(50), 200'000u);
  EXPECT_LT(result.uncorrected.ValueAtPercentile(50), 100'000u);
}

TEST(EngineTest, ServerDownGivesConnectErrorsNotAHang) {
  uint16_t port = testing::FreePort();
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/";
  for (bool open : {false, true}) {
    Config config = open ? Open(url, 100, 8) : Closed(url, 4);
    config.duration_seconds = 0.5;
    auto begin = std::chrono::steady_clock::now();
    Result result = RunOrFail(config);
    EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(3));
    EXPECT_EQ(result.completed, 0u);
    EXPECT_GT(Errors(result, ErrorKind::kConnect), 0u) << open;
    EXPECT_EQ(result.TotalErrors(), Errors(result, ErrorKind::kConnect));
    EXPECT_DOUBLE_EQ(result.ErrorRate(), 1.0);
  }
}

TEST(EngineTest, HttpStatusErrorsAreCountedByCode) {
  TestServer server;
  server.SetStatus(503);
  Config config = Closed(server.Url(), 2);
  config.max_requests = 100;
  Result result = RunOrFail(config);
  EXPECT_EQ(result.completed, 100u);
  EXPECT_EQ(result.status_counts[503], 100u);
  EXPECT_EQ(Errors(result, ErrorKind::kHttpStatus), 100u);
  EXPECT_DOUBLE_EQ(result.ErrorRate(), 1.0);
}

TEST(EngineTest, RequestsPastTheTimeoutFailAsTimeouts) {
  TestServer server;
  server.StallAt(1, std::chrono::milliseconds(1500));
  Config config = Closed(server.Url(), 1);
  config.threads = 1;
  config.timeout_seconds = 0.2;
  config.duration_seconds = 0.5;
  auto begin = std::chrono::steady_clock::now();
  Result result = RunOrFail(config);
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(3));
  EXPECT_GE(Errors(result, ErrorKind::kTimeout), 1u);
}

TEST(EngineTest, StopFlagEndsTheRunWithPartialResults) {
  TestServer server;
  Config config = Closed(server.Url(), 2);
  config.duration_seconds = 30;
  std::atomic<bool> stop{false};
  std::thread stopper([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop.store(true);
  });
  RunControl control;
  control.stop = &stop;
  Result result = RunOrFail(config, control);
  stopper.join();
  EXPECT_TRUE(result.interrupted);
  EXPECT_LT(result.elapsed_seconds, 3);
  EXPECT_GT(result.completed, 0u);
  EXPECT_EQ(server.requests(), result.completed);
}

TEST(EngineTest, StagedUsersRampUpAndDown) {
  TestServer server;
  Config config = BaseConfig(server.Url());
  config.stages = {{0.3, 4}, {0.3, 4}, {0.3, 0}};
  config.think_seconds = 0.01;
  Result result = RunOrFail(config);
  EXPECT_EQ(result.users, 4u);
  EXPECT_GT(result.completed, 50u);
  EXPECT_LT(result.elapsed_seconds, 2);
  EXPECT_EQ(result.TotalErrors(), 0u);
}

TEST(EngineTest, UnresolvableHostIsAnError) {
  Config config = Closed("http://no-such-host.invalid/", 1);
  std::string error;
  EXPECT_FALSE(RunLoadTest(config, {}, &error).has_value());
  EXPECT_NE(error.find("cannot resolve"), std::string::npos) << error;
}

}  // namespace
}  // namespace dsaudit::loadtest
