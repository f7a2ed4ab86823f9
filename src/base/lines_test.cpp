#include "base/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dsaudit {
namespace {

std::vector<std::string> Describe(std::string_view text) {
  std::vector<std::string> out;
  ForEachLine(text, [&](const TextLine& line) {
    out.push_back(std::to_string(line.number) + "@" + std::to_string(line.offset) + ":" +
                  std::string(line.text));
  });
  return out;
}

TEST(ForEachLineTest, NumbersOffsetsAndLineEnds) {
  EXPECT_TRUE(Describe("").empty());
  EXPECT_EQ(Describe("a"), (std::vector<std::string>{"1@0:a"}));
  EXPECT_EQ(Describe("a\n"), (std::vector<std::string>{"1@0:a"}));
  EXPECT_EQ(Describe("a\r\n\nbc"), (std::vector<std::string>{"1@0:a", "2@3:", "3@4:bc"}));
  EXPECT_EQ(Describe("\n\n"), (std::vector<std::string>{"1@0:", "2@1:"}));
}

TEST(ForEachLineTest, AVisitorReturningFalseStopsTheWalk) {
  int seen = 0;
  ForEachLine("a\nb\nc\n", [&](const TextLine& line) {
    ++seen;
    return line.text != "b";
  });
  EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace dsaudit
