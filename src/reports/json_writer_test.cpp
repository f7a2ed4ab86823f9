#include "reports/json_writer.h"

#include <gtest/gtest.h>

namespace dsaudit::reports {
namespace {

std::string Quote(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(JsonWriterTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(Quote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(Quote("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(Quote(std::string_view("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(Quote("\x7f/"), "\"\x7f/\"");
}

TEST(JsonWriterTest, KeepsValidUtf8) { EXPECT_EQ(Quote("é€😀"), "\"é€😀\""); }

TEST(JsonWriterTest, ReplacesInvalidUtf8LikeCPython) {
  // Expected values from bytes.decode("utf-8", "replace").
  EXPECT_EQ(ReplaceInvalidUtf8("a\xff"
                               "b"),
            "a\uFFFDb");
  EXPECT_EQ(ReplaceInvalidUtf8("\xe2\x82x"), "\uFFFDx");                // truncated
  EXPECT_EQ(ReplaceInvalidUtf8("\xc0\xaf"), "\uFFFD\uFFFD");            // overlong
  EXPECT_EQ(ReplaceInvalidUtf8("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(ReplaceInvalidUtf8("\xf4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(ReplaceInvalidUtf8("\xf0\x9f\x98"), "\uFFFD");
  EXPECT_EQ(Quote("\x80"), "\"\uFFFD\"");
}

TEST(JsonWriterTest, IndentsNestedContainers) {
  JsonWriter writer;
  writer.BeginObject();
  writer.Key("a");
  writer.BeginArray();
  writer.Number(1);
  writer.Null();
  writer.EndArray();
  writer.Key("b");
  writer.BeginObject();
  writer.EndObject();
  writer.Key("c");
  writer.String("x");
  writer.EndObject();
  EXPECT_EQ(writer.Finish(),
            "{\n  \"a\": [\n    1,\n    null\n  ],\n  \"b\": {},\n  \"c\": \"x\"\n}\n");
}

TEST(JsonWriterTest, DoublesInTheirShortestFormAndNullWhenNotFinite) {
  JsonWriter writer;
  writer.BeginArray();
  writer.Double(0.1);
  writer.Double(27.92);
  writer.Double(3);
  writer.Double(1.0 / 0.0);
  writer.EndArray();
  EXPECT_EQ(writer.Finish(), "[\n  0.1,\n  27.92,\n  3,\n  null\n]\n");
}

TEST(JsonWriterTest, EmptyArray) {
  JsonWriter writer;
  writer.BeginArray();
  writer.EndArray();
  EXPECT_EQ(writer.Finish(), "[]\n");
}

}  // namespace
}  // namespace dsaudit::reports
