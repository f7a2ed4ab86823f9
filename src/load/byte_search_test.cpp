#include "load/byte_search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace dsaudit::load {
namespace {

std::vector<std::string_view> NaiveLines(std::string_view data) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < data.size()) {
    size_t newline = data.find('\n', start);
    if (newline == std::string_view::npos) newline = data.size();
    lines.push_back(data.substr(start, newline - start));
    start = newline + 1;
  }
  return lines;
}

std::vector<std::string_view> SplitterLines(std::string_view data) {
  std::vector<std::string_view> lines;
  LineSplitter splitter(data);
  std::string_view line;
  while (splitter.Next(&line)) lines.push_back(line);
  return lines;
}

TEST(ByteSearchTest, FindByteAgreesWithFindAtEveryOffset) {
  std::mt19937 random(7);
  for (size_t size = 0; size < 90; ++size) {
    std::string text(size, 'a');
    for (char& c : text) c = "ab\"\n "[random() % 5];
    for (size_t from = 0; from <= size + 1; ++from) {
      for (char byte : {'"', '\n', ' ', 'z'}) {
        EXPECT_EQ(FindByte(text, from, byte), std::string_view(text).find(byte, from))
            << size << " " << from << " " << byte;
      }
    }
  }
}

TEST(ByteSearchTest, FindByteReadsOnlyItsView) {
  // The byte searched for lies just past the view: it must not be found.
  std::string text(40, 'x');
  text[33] = '"';
  EXPECT_EQ(FindByte(std::string_view(text).substr(0, 33), 0, '"'), std::string_view::npos);
  EXPECT_EQ(FindByte(std::string_view(text).substr(0, 34), 0, '"'), 33u);
}

TEST(ByteSearchTest, LineSplitterAgreesWithNaiveSplitting) {
  EXPECT_TRUE(SplitterLines("").empty());
  EXPECT_EQ(SplitterLines("\n"), std::vector<std::string_view>{""});
  EXPECT_EQ(SplitterLines("a\n\nb"), (std::vector<std::string_view>{"a", "", "b"}));
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    std::string data(random() % 400, 'x');
    for (char& c : data) c = random() % 9 == 0 ? '\n' : 'x';
    EXPECT_EQ(SplitterLines(data), NaiveLines(data)) << data.size();
  }
  for (size_t size : {63u, 64u, 65u, 127u, 128u, 129u}) {  // block edges
    std::string data(size, 'y');
    data[size - 1] = '\n';
    EXPECT_EQ(SplitterLines(data), NaiveLines(data)) << size;
    data[size / 2] = '\n';
    EXPECT_EQ(SplitterLines(data), NaiveLines(data)) << size;
  }
}

}  // namespace
}  // namespace dsaudit::load
