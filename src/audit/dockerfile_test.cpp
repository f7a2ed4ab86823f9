#include "audit/dockerfile.h"

#include <gtest/gtest.h>

namespace dsaudit::audit {
namespace {

TEST(ParseDockerfileTest, JoinsContinuationsAndKeepsPositions) {
  std::vector<DockerInstruction> parsed = ParseDockerfile(
      "# syntax=docker/dockerfile:1\nFROM python:3.11 AS build\n  run apt-get update \\\n"
      "    # a comment inside\n    && apt-get install -y curl\nFROM python:3.11-slim\n");
  ASSERT_EQ(parsed.size(), 3u);
  EXPECT_EQ(parsed[0].keyword, "FROM");
  EXPECT_EQ(parsed[0].line, 2u);
  EXPECT_EQ(parsed[1].keyword, "RUN");
  EXPECT_EQ(parsed[1].line, 3u);
  EXPECT_EQ(parsed[1].column, 3u);
  EXPECT_EQ(parsed[1].end_line, 5u);
  EXPECT_EQ(parsed[1].arguments, "apt-get update  && apt-get install -y curl");
  EXPECT_EQ(parsed[1].stage, 0u);
  EXPECT_EQ(parsed[2].stage, 1u);
}

TEST(ParseDockerfileTest, EmptyAndCommentOnly) {
  EXPECT_TRUE(ParseDockerfile("").empty());
  EXPECT_TRUE(ParseDockerfile("# nothing\n\n").empty());
}

}  // namespace
}  // namespace dsaudit::audit
