#include "loadtest/config.h"

#include <gtest/gtest.h>

#include <fstream>

namespace dsaudit::loadtest {
namespace {

TEST(ParseUrlTest, SchemeHostPortAndTarget) {
  std::string error;
  std::optional<Url> url = ParseUrl("https://api.example.com:8443/v1/predict?x=1", &error);
  ASSERT_TRUE(url) << error;
  EXPECT_TRUE(url->tls);
  EXPECT_EQ(url->host, "api.example.com");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->target, "/v1/predict?x=1");
}

TEST(ParseUrlTest, DefaultsAndIpv6) {
  std::string error;
  EXPECT_EQ(ParseUrl("http://localhost", &error)->port, 80);
  EXPECT_EQ(ParseUrl("http://localhost", &error)->target, "/");
  EXPECT_EQ(ParseUrl("https://h?q", &error)->target, "/?q");
  std::optional<Url> v6 = ParseUrl("http://[::1]:8080/", &error);
  ASSERT_TRUE(v6) << error;
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 8080);
}

TEST(ParseUrlTest, RejectsWhatItCannotServe) {
  std::string error;
  EXPECT_FALSE(ParseUrl("ftp://host/", &error));
  EXPECT_FALSE(ParseUrl("http://:80/", &error));
  EXPECT_FALSE(ParseUrl("http://host:99999/", &error));
  EXPECT_FALSE(ParseUrl("http://user:pw@host/", &error));
  EXPECT_NE(error.find("credentials"), std::string::npos);
}

TEST(ParseDurationTest, Units) {
  std::string error;
  EXPECT_DOUBLE_EQ(*ParseDuration("250ms", &error), 0.25);
  EXPECT_DOUBLE_EQ(*ParseDuration("1.5s", &error), 1.5);
  EXPECT_DOUBLE_EQ(*ParseDuration("2m", &error), 120);
  EXPECT_DOUBLE_EQ(*ParseDuration("1h", &error), 3600);
  EXPECT_DOUBLE_EQ(*ParseDuration("300us", &error), 300e-6);
  EXPECT_DOUBLE_EQ(*ParseDuration("7", &error), 7);
  EXPECT_FALSE(ParseDuration("fast", &error));
  EXPECT_FALSE(ParseDuration("-1s", &error));
}

TEST(ParseStageTest, DurationAndTarget) {
  std::string error;
  std::optional<Stage> stage = ParseStage("2m:5000", &error);
  ASSERT_TRUE(stage) << error;
  EXPECT_DOUBLE_EQ(stage->seconds, 120);
  EXPECT_DOUBLE_EQ(stage->target, 5000);
  EXPECT_FALSE(ParseStage("30s", &error));
  EXPECT_FALSE(ParseStage("30s:many", &error));
}

TEST(ConfigTest, StagesRampLinearlyFromZero) {
  Config config;
  config.stages = {{10, 100}, {10, 100}, {10, 0}};
  EXPECT_DOUBLE_EQ(config.TotalSeconds(), 30);
  EXPECT_DOUBLE_EQ(config.TargetAt(5), 50);
  EXPECT_DOUBLE_EQ(config.TargetAt(15), 100);
  EXPECT_DOUBLE_EQ(config.TargetAt(25), 50);
  EXPECT_DOUBLE_EQ(config.TargetAt(99), 0);
  EXPECT_EQ(config.MaxConnections(), 100u);
}

TEST(ParseRequestFileTest, MethodsPathsAndBodies) {
  std::string error;
  const std::string dir = ::testing::TempDir();
  { std::ofstream(dir + "/body.json") << "{}"; }
  auto requests = ParseRequestFile("# predict\nGET /health\n\nPOST /predict @body.json\n", dir, &error);
  ASSERT_TRUE(requests) << error;
  ASSERT_EQ(requests->size(), 2u);
  EXPECT_EQ((*requests)[0].method, "GET");
  EXPECT_EQ((*requests)[1].target, "/predict");
  EXPECT_EQ((*requests)[1].body, "{}");
  EXPECT_FALSE(ParseRequestFile("GET health\n", "", &error));
  EXPECT_NE(error.find("line 1"), std::string::npos);
  EXPECT_FALSE(ParseRequestFile("POST /p @missing.json\n", "/nonexistent", &error));
  EXPECT_EQ(error, "line 1: /nonexistent/missing.json: No such file or directory");
  EXPECT_FALSE(ParseRequestFile("# nothing\n", "", &error));
}

}  // namespace
}  // namespace dsaudit::loadtest
