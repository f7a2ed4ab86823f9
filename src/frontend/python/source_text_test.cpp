// Messages and positions were checked against CPython 3.11 running the files.
#include "frontend/python/source_text.h"

#include <gtest/gtest.h>

#include <string_view>

namespace dsaudit::python {
namespace {

TEST(SourceTextTest, Utf8WithoutDeclaration) {
  SourceText source = SourceText::FromBytes("x = 'é'\n");
  EXPECT_EQ(source.text(), "x = 'é'\n");
  EXPECT_EQ(source.encoding(), "utf-8");
  EXPECT_FALSE(source.had_bom());
  EXPECT_FALSE(source.error().has_value());
}

TEST(SourceTextTest, BomIsSkipped) {
  SourceText source = SourceText::FromBytes("\xEF\xBB\xBFx = 1\n");
  EXPECT_EQ(source.text(), "x = 1\n");
  EXPECT_TRUE(source.had_bom());
  EXPECT_FALSE(source.error().has_value());
}

TEST(SourceTextTest, BomWithOtherDeclarationIsAnError) {
  SourceText source = SourceText::FromBytes("\xEF\xBB\xBF# coding: latin-1\nx = 1\n");
  ASSERT_TRUE(source.error().has_value());
  EXPECT_EQ(source.error()->message, "encoding problem: iso-8859-1 with BOM");
}

TEST(SourceTextTest, Latin1DeclarationIsDecoded) {
  SourceText source = SourceText::FromBytes("# -*- coding: latin-1 -*-\nx = '\xE9'\n");
  EXPECT_EQ(source.encoding(), "iso-8859-1");
  EXPECT_EQ(source.text(), "# -*- coding: latin-1 -*-\nx = '\xC3\xA9'\n");
  EXPECT_FALSE(source.error().has_value());
}

TEST(SourceTextTest, Cp1252OnSecondLine) {
  SourceText source = SourceText::FromBytes("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\ns = '\x80'\n");
  EXPECT_EQ(source.encoding(), "cp1252");
  EXPECT_EQ(source.line(3), "s = '\xE2\x82\xAC'");
  EXPECT_FALSE(source.error().has_value());
}

TEST(SourceTextTest, SecondLineIgnoredAfterCode) {
  SourceText source = SourceText::FromBytes("x = 1\n# coding: latin-1\n");
  EXPECT_EQ(source.encoding(), "utf-8");
}

TEST(SourceTextTest, DeclarationMustBeACommentLine) {
  SourceText source = SourceText::FromBytes("x = 1  # coding: latin-1\n");
  EXPECT_EQ(source.encoding(), "utf-8");
}

TEST(SourceTextTest, UnknownEncoding) {
  SourceText source = SourceText::FromBytes("# coding: foo\nx = 1\n");
  ASSERT_TRUE(source.error().has_value());
  EXPECT_EQ(source.error()->message, "unknown encoding: foo");
  EXPECT_EQ(source.text(), "# coding: foo\nx = 1\n");
}

TEST(SourceTextTest, InvalidUtf8) {
  SourceText source = SourceText::FromBytes("x = 1\n\xFF = 2\n");
  ASSERT_TRUE(source.error().has_value());
  EXPECT_EQ(source.error()->message,
            "Non-UTF-8 code starting with '\\xff' on line 2, but no encoding declared; see "
            "https://peps.python.org/pep-0263/ for details");
  EXPECT_EQ(source.error()->line, 2u);
  EXPECT_EQ(source.error()->column, 1u);
  // The bad byte is replaced so the rest can still be tokenized.
  EXPECT_EQ(source.line(2), "\xEF\xBF\xBD = 2");
}

TEST(SourceTextTest, OverlongAndSurrogateAreInvalid) {
  EXPECT_TRUE(SourceText::FromBytes("x = '\xC0\x80'\n").error().has_value());
  EXPECT_TRUE(SourceText::FromBytes("x = '\xED\xA0\x80'\n").error().has_value());
  EXPECT_TRUE(SourceText::FromBytes("x = '\xF4\x90\x80\x80'\n").error().has_value());
  EXPECT_FALSE(SourceText::FromBytes("x = '\xF0\x9F\x98\x80'\n").error().has_value());
}

TEST(SourceTextTest, NulByte) {
  constexpr char kCode[] = "x = 1\ny = 2\x00\n";
  SourceText source = SourceText::FromBytes(std::string_view(kCode, sizeof(kCode) - 1));
  ASSERT_TRUE(source.error().has_value());
  EXPECT_EQ(source.error()->message, "source code cannot contain null bytes");
  EXPECT_EQ(source.error()->line, 2u);
  EXPECT_EQ(source.error()->column, 6u);
}

TEST(SourceTextTest, UndecodableByteInDeclaredEncoding) {
  SourceText source = SourceText::FromBytes("# coding: ascii\nx = '\xFF'\n");
  ASSERT_TRUE(source.error().has_value());
  EXPECT_EQ(source.error()->message, "'ascii' codec can't decode byte 0xff in position 21: ordinal not in range(128)");
}

TEST(SourceTextTest, NewlinesAreTranslated) {
  EXPECT_EQ(SourceText::FromBytes("a\r\nb\rc\n").text(), "a\nb\nc\n");
  EXPECT_EQ(SourceText::FromUtf8("a\r\n\r\nb\r").text(), "a\n\nb\n");
}

TEST(SourceTextTest, LineIndex) {
  SourceText source = SourceText::FromUtf8("ab\ncd\n\nef");
  EXPECT_EQ(source.line_count(), 4u);
  EXPECT_EQ(source.line_start(2), 3u);
  EXPECT_EQ(source.line(2), "cd");
  EXPECT_EQ(source.line(3), "");
  EXPECT_EQ(source.line(4), "ef");
  EXPECT_EQ(source.LineOf(0), 1u);
  EXPECT_EQ(source.LineOf(2), 1u);
  EXPECT_EQ(source.LineOf(3), 2u);
  EXPECT_EQ(source.LineOf(7), 4u);
  EXPECT_EQ(SourceText::FromUtf8("x\n").line_count(), 1u);
  EXPECT_EQ(SourceText::FromUtf8("").line_count(), 1u);
}

}  // namespace
}  // namespace dsaudit::python
