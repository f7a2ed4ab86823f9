#include "load/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "load/log_format.h"

namespace dsaudit::load {
namespace {

std::string Generate(GeneratorOptions options, GeneratedLog* info = nullptr) {
  std::string text;
  std::function<void(std::string_view)> sink = [&](std::string_view piece) { text.append(piece); };
  GeneratedLog log = GenerateLog(options, sink);
  if (info) *info = log;
  return text;
}

TEST(GeneratorTest, ExactLineCountAndDeterministic) {
  GeneratorOptions options;
  options.lines = 20000;
  options.days = 7;
  GeneratedLog info;
  std::string a = Generate(options, &info);
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 20000);
  EXPECT_EQ(info.lines, 20000u);
  EXPECT_EQ(info.bytes, a.size());
  EXPECT_EQ(a, Generate(options));
  options.seed = 2;
  EXPECT_NE(a, Generate(options));
}

TEST(GeneratorTest, EveryStyleParsesCleanly) {
  for (auto style : {GeneratedStyle::kCombined, GeneratedStyle::kCommon, GeneratedStyle::kJson}) {
    GeneratorOptions options;
    options.lines = 3000;
    options.days = 3;
    options.style = style;
    options.utc_offset_minutes = -300;
    std::string text = Generate(options);
    auto format = DetectFormat(std::string_view(text).substr(0, 65536));
    ASSERT_TRUE(format);
    LineParser parser(*format);
    size_t start = 0, records = 0;
    int64_t previous = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      LogRecord r;
      ASSERT_EQ(parser.Parse(std::string_view(text).substr(start, end - start), &r), LineResult::kRecord)
          << text.substr(start, end - start);
      EXPECT_GE(r.time.unix_seconds, previous);
      EXPECT_GE(r.time.unix_seconds, options.start);
      EXPECT_LT(r.time.unix_seconds, options.start + 3 * 86400);
      previous = r.time.unix_seconds;
      ++records;
      start = end + 1;
    }
    EXPECT_EQ(records, 3000u);
  }
}

TEST(GeneratorTest, BurstsAreApartAndInsideTheRange) {
  GeneratorOptions options;
  options.lines = 1000;
  options.days = 35;
  GeneratedLog info;
  Generate(options, &info);
  ASSERT_EQ(info.bursts.size(), 11u);
  for (size_t i = 0; i < info.bursts.size(); ++i) {
    const PlantedBurst& b = info.bursts[i];
    EXPECT_GE(b.start, options.start + 7200);
    EXPECT_LE(b.end, options.start + 35 * 86400);
    EXPECT_GE(b.factor, 4.0);
    if (i > 0) {
      EXPECT_GT(b.start, info.bursts[i - 1].end + 6 * 3600);
    }
  }
}

}  // namespace
}  // namespace dsaudit::load
