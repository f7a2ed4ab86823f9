// The project stage of DS102, which the fixture harness (one file, no
// project stage) does not run: clones within a file and across files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checks/engine.h"

namespace dsaudit::checks {
namespace {

namespace fs = std::filesystem;

std::string FixtureText() {
  fs::path path = fs::path(DSAUDIT_TEST_DATA) / ".." / ".." / "src" / "checks" / "dsquality" /
                  "duplicated_code_fixture.py";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<uint32_t> MarkedLines(const std::string& text) {
  std::vector<uint32_t> lines;
  std::istringstream in(text);
  std::string line;
  for (uint32_t number = 1; std::getline(in, line); ++number) {
    if (line.find("# expect: DS102") != std::string::npos) lines.push_back(number);
  }
  return lines;
}

std::vector<Finding> RunProject(const std::vector<FileInput>& inputs) {
  config::Config config;
  config.selections.push_back({.select = std::vector<std::string>{"DS102"}});
  Engine engine(config);
  std::vector<FileOutcome> outcomes;
  std::vector<std::string> paths;
  for (const FileInput& input : inputs) {
    outcomes.push_back(engine.CheckFile(input));
    paths.push_back(input.path);
  }
  return engine.CheckProject(outcomes, paths);
}

TEST(DuplicatedCodeTest, FindsTheCloneWithinTheFixture) {
  std::string text = FixtureText();
  std::vector<Finding> findings = RunProject({{.path = "fixture.py", .bytes = text}});
  std::vector<uint32_t> lines;
  for (const Finding& finding : findings) lines.push_back(finding.line);
  EXPECT_EQ(lines, MarkedLines(text));
  ASSERT_FALSE(findings.empty());
  EXPECT_NE(findings[0].message.find("fixture.py:8"), std::string::npos) << findings[0].message;
}

TEST(DuplicatedCodeTest, PointsAcrossFilesToTheFirstCopy) {
  std::string body =
      "def load(path):\n"
      "    frame = read(path, sep=';', header=0)\n"
      "    frame = frame.rename(columns={'a': 'b', 'c': 'd'})\n"
      "    frame['x'] = frame['y'] * 2 + frame['z'] / 3\n"
      "    frame = frame[frame['x'] > 10]\n"
      "    frame = frame.sort_values('x', ascending=False)\n"
      "    return frame.head(100)\n";
  std::vector<Finding> findings =
      RunProject({{.path = "a.py", .bytes = body}, {.path = "b.py", .bytes = "X = 1\n" + body}});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "b.py");
  EXPECT_EQ(findings[0].line, 2u);
  EXPECT_EQ(findings[0].column, 1u);
  EXPECT_NE(findings[0].message.find("a.py:1"), std::string::npos) << findings[0].message;
}

TEST(DuplicatedCodeTest, IgnoresShortBlocksAndImports) {
  std::string imports =
      "import os\nimport sys\nfrom collections import OrderedDict, defaultdict, Counter\n"
      "from typing import Any, Dict, List, Optional, Sequence, Tuple, Union, Callable\n"
      "from itertools import chain, product, permutations, combinations, groupby\n"
      "from functools import partial, reduce, wraps, lru_cache, cached_property\n";
  std::vector<Finding> findings = RunProject(
      {{.path = "a.py", .bytes = imports + "x = 1\n"}, {.path = "b.py", .bytes = imports}});
  EXPECT_TRUE(findings.empty());
}

}  // namespace
}  // namespace dsaudit::checks
