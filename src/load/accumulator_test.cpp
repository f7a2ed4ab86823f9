#include "load/accumulator.h"

#include <gtest/gtest.h>

#include "load/scan.h"
#include "load/test_logs.h"

namespace dsaudit::load {
namespace {

TEST(AccumulatorTest, ShardsMergeToExactlyOnePass) {
  const std::string& text = ThreeWeekLog().text;
  LogFormat format = *FormatFromName("combined");
  LoadAccumulator whole;
  ScanBuffer(text, format, "g.log", 1, &whole);
  // Three shards cut at arbitrary line boundaries, merged in another order.
  size_t a = text.find('\n', text.size() / 3) + 1, b = text.find('\n', 2 * text.size() / 3) + 1;
  LoadAccumulator s1, s2, s3, merged;
  ScanBuffer(std::string_view(text).substr(0, a), format, "g.log", 1, &s1);
  ScanBuffer(std::string_view(text).substr(a, b - a), format, "g.log", 1, &s2);
  ScanBuffer(std::string_view(text).substr(b), format, "g.log", 1, &s3);
  merged.Merge(s3);
  merged.Merge(s1);
  merged.Merge(s2);
  EXPECT_EQ(merged.Serialize(), whole.Serialize());
}

TEST(AccumulatorTest, SummaryRoundTripsAndRejectsCorruption) {
  LoadAccumulator acc;
  ScanBuffer("1.1.1.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 5 \"-\" \"Googlebot\"\nbad\n",
             *FormatFromName("combined"), "x.log", 1, &acc);
  std::string bytes = acc.Serialize();
  LoadAccumulator back;
  std::string error;
  ASSERT_TRUE(LoadAccumulator::Deserialize(bytes, &back, &error)) << error;
  EXPECT_EQ(back.Serialize(), bytes);
  EXPECT_EQ(back.bot_requests(), 1u);
  ASSERT_EQ(back.samples().size(), 1u);
  EXPECT_EQ(back.samples()[0].text, "bad");
  LoadAccumulator broken;
  EXPECT_FALSE(LoadAccumulator::Deserialize(bytes.substr(0, bytes.size() - 3), &broken, &error));
  EXPECT_FALSE(LoadAccumulator::Deserialize("PK\x03\x04", &broken, &error));
}

TEST(AccumulatorTest, BotAgents) {
  EXPECT_TRUE(LoadAccumulator::IsBot("Mozilla/5.0 (compatible; Googlebot/2.1)"));
  EXPECT_TRUE(LoadAccumulator::IsBot("Baiduspider"));
  EXPECT_TRUE(LoadAccumulator::IsBot("HeadlessChrome/119"));
  EXPECT_FALSE(LoadAccumulator::IsBot("Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0"));
}

TEST(AccumulatorTest, ASummaryOfAnotherVersionIsRefusedClearly) {
  LoadAccumulator back;
  std::string error;
  EXPECT_FALSE(LoadAccumulator::Deserialize("DSAUDIT-LOAD-SUMMARY 1\nxyz", &back, &error));
  EXPECT_EQ(error, "a dsaudit load summary of another version: write the shards again with this one");
  EXPECT_FALSE(LoadAccumulator::Deserialize("hello", &back, &error));
  EXPECT_EQ(error, "not a dsaudit load summary (written by --summary-out)");
}

}  // namespace
}  // namespace dsaudit::load
