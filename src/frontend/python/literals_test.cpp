// Expected values come from CPython 3.11 (ast.literal_eval, compile()).
#include "frontend/python/literals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "base/arena.h"
#include "frontend/python/unicode_names.h"

namespace dsaudit::python {
namespace {

// Decodes a body, failing the test on an error.
std::string Decode(std::string_view body, bool raw = false, bool bytes = false,
                   LiteralContext context = LiteralContext::kString) {
  std::string out;
  LiteralError error;
  EXPECT_TRUE(DecodeStringBody(body, raw, bytes, context, out, &error))
      << body << ": " << error.message;
  return out;
}

std::string DecodeFString(std::string_view body, bool raw = false) {
  return Decode(body, raw, false, LiteralContext::kFStringMiddle);
}

// Decodes a body that must fail and returns the error.
LiteralError DecodeError(std::string_view body, bool bytes = false,
                         LiteralContext context = LiteralContext::kString, bool raw = false) {
  std::string out;
  LiteralError error;
  EXPECT_FALSE(DecodeStringBody(body, raw, bytes, context, out, &error)) << body;
  return error;
}

std::string UnicodeError(std::string_view positions, std::string_view reason) {
  return "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
         std::string(positions) + ": " + std::string(reason);
}

TEST(ParseStringPrefixTest, PlainQuotes) {
  StringPrefix prefix = ParseStringPrefix("'x'");
  EXPECT_FALSE(prefix.raw || prefix.bytes || prefix.fstring || prefix.unicode);
  EXPECT_EQ(prefix.prefix_length, 0u);
  EXPECT_EQ(prefix.quote_length, 1u);
  EXPECT_EQ(ParseStringPrefix("\"\"").quote_length, 1u);
  EXPECT_EQ(ParseStringPrefix("''").quote_length, 1u);
  EXPECT_EQ(ParseStringPrefix("''''''").quote_length, 3u);
  EXPECT_EQ(ParseStringPrefix("\"\"\"a\"\"\"").quote_length, 3u);
}

TEST(ParseStringPrefixTest, RawBytesInAnyOrderAndCase) {
  for (std::string_view text : {"rb'''x'''", "br'''x'''", "Rb'''x'''", "bR'''x'''", "RB'''x'''",
                                "rB'''x'''", "BR'''x'''", "Br'''x'''"}) {
    StringPrefix prefix = ParseStringPrefix(text);
    EXPECT_TRUE(prefix.raw) << text;
    EXPECT_TRUE(prefix.bytes) << text;
    EXPECT_FALSE(prefix.fstring) << text;
    EXPECT_EQ(prefix.prefix_length, 2u) << text;
    EXPECT_EQ(prefix.quote_length, 3u) << text;
  }
}

TEST(ParseStringPrefixTest, SingleLetterPrefixes) {
  EXPECT_TRUE(ParseStringPrefix("r'x'").raw);
  EXPECT_TRUE(ParseStringPrefix("R'x'").raw);
  EXPECT_TRUE(ParseStringPrefix("b'x'").bytes);
  EXPECT_TRUE(ParseStringPrefix("B'x'").bytes);
  EXPECT_TRUE(ParseStringPrefix("u'x'").unicode);
  EXPECT_TRUE(ParseStringPrefix("U'x'").unicode);
  EXPECT_FALSE(ParseStringPrefix("U'x'").raw);
  EXPECT_EQ(ParseStringPrefix("u'x'").prefix_length, 1u);
}

TEST(ParseStringPrefixTest, FStringStartTokens) {
  StringPrefix prefix = ParseStringPrefix("f\"");
  EXPECT_TRUE(prefix.fstring);
  EXPECT_FALSE(prefix.raw);
  EXPECT_EQ(prefix.prefix_length, 1u);
  EXPECT_EQ(prefix.quote_length, 1u);
  for (std::string_view text : {"rf'''", "fr'''", "Rf'''", "fR'''", "RF'''", "FR'''"}) {
    prefix = ParseStringPrefix(text);
    EXPECT_TRUE(prefix.fstring && prefix.raw) << text;
    EXPECT_EQ(prefix.prefix_length, 2u) << text;
    EXPECT_EQ(prefix.quote_length, 3u) << text;
  }
  EXPECT_EQ(ParseStringPrefix("F\"\"\"").quote_length, 3u);
}

TEST(DecodeStringBodyTest, TextWithoutEscapesIsCopied) {
  EXPECT_EQ(Decode(""), "");
  EXPECT_EQ(Decode("hello w\xC3\xA9rld {x}"), "hello w\xC3\xA9rld {x}");
  EXPECT_EQ(Decode("plain", false, true), "plain");
}

TEST(DecodeStringBodyTest, SimpleEscapes) {
  EXPECT_EQ(Decode(R"(\\ \' \" \a \b \f \n \r \t \v)"), "\\ ' \" \a \b \f \n \r \t \v");
  EXPECT_EQ(Decode(R"(\\ \' \" \a \b \f \n \r \t \v)", false, true),
            "\\ ' \" \a \b \f \n \r \t \v");
}

TEST(DecodeStringBodyTest, BackslashNewlineJoinsLines) {
  EXPECT_EQ(Decode("a\\\nb"), "ab");
  EXPECT_EQ(Decode("a\\\nb", false, true), "ab");
}

TEST(DecodeStringBodyTest, OctalEscapes) {
  EXPECT_EQ(Decode(R"(\0)"), std::string(1, '\0'));
  EXPECT_EQ(Decode(R"(\08)"), std::string("\0"
                                          "8",
                                          2));
  EXPECT_EQ(Decode(R"(\101)"), "A");
  EXPECT_EQ(Decode(R"(\1234)"), "S4");  // at most three digits
  // Above \377 a str gets the code point ...
  EXPECT_EQ(Decode(R"(\400)"), "\xC4\x80");
  EXPECT_EQ(Decode(R"(\777)"), "\xC7\xBF");
  // ... and bytes keep the low eight bits, as CPython does.
  EXPECT_EQ(Decode(R"(\777)", false, true), "\xFF");
  EXPECT_EQ(Decode(R"(\101\0)", false, true), std::string("A\0", 2));
}

TEST(DecodeStringBodyTest, HexEscapes) {
  EXPECT_EQ(Decode(R"(\x41\x7a)"), "Az");
  EXPECT_EQ(Decode(R"(\xe9)"), "\xC3\xA9");  // str: the code point U+00E9
  EXPECT_EQ(Decode(R"(\xe9\xFF)", false, true), "\xE9\xFF");
  EXPECT_EQ(Decode(R"(\u20ac)"), "\xE2\x82\xAC");
  EXPECT_EQ(Decode(R"(\U0001F600)"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Decode(R"(\U0010FFFF)"), "\xF4\x8F\xBF\xBF");
}

TEST(DecodeStringBodyTest, SurrogatesAreEncodedOneByOne) {
  EXPECT_EQ(Decode(R"(\ud800)"), "\xED\xA0\x80");
  // Python keeps an escaped pair as two code points, so do we.
  EXPECT_EQ(Decode(R"(\ud83d\ude00)"), "\xED\xA0\xBD\xED\xB8\x80");
}

TEST(DecodeStringBodyTest, NamedEscapes) {
  EXPECT_EQ(Decode(R"(\N{LATIN SMALL LETTER A})"), "a");
  EXPECT_EQ(Decode(R"(\N{latin small letter a})"), "a");
  EXPECT_EQ(Decode(R"(\N{EM DASH}!)"), "\xE2\x80\x94!");
  EXPECT_EQ(Decode(R"(\N{Latin Capital Letter Sharp S})"), "\xE1\xBA\x9E");
  EXPECT_EQ(Decode(R"(\N{LF}\N{NULL})"), std::string("\n\0", 2));  // aliases
  EXPECT_EQ(Decode(R"(\N{HANGUL SYLLABLE GAG})"), "\xEA\xB0\x81");
  EXPECT_EQ(Decode(R"(\N{CJK UNIFIED IDEOGRAPH-4E00})"), "\xE4\xB8\x80");
}

TEST(DecodeStringBodyTest, UnknownEscapesStayAsWritten) {
  EXPECT_EQ(Decode(R"(\8\9\q\ )"), R"(\8\9\q\ )");
  EXPECT_EQ(Decode("\\\xC3\xA9"), "\\\xC3\xA9");
  // \u, \U and \N are not escapes in bytes.
  EXPECT_EQ(Decode(R"(\u1234\U00012345\N{x})", false, true), R"(\u1234\U00012345\N{x})");
}

TEST(DecodeStringBodyTest, RawBodiesAreKept) {
  EXPECT_EQ(Decode(R"(\n\x\N{bogus}\)", true), R"(\n\x\N{bogus}\)");
  EXPECT_EQ(Decode(R"(\n\x)", true, true), R"(\n\x)");
  EXPECT_EQ(Decode("a\\\nb", true), "a\\\nb");
}

TEST(DecodeStringBodyTest, OutputIsReplaced) {
  std::string out = "stale";
  EXPECT_TRUE(DecodeStringBody("new", false, false, LiteralContext::kString, out, nullptr));
  EXPECT_EQ(out, "new");
  EXPECT_TRUE(DecodeStringBody(R"(\n)", false, false, LiteralContext::kString, out, nullptr));
  EXPECT_EQ(out, "\n");
}

TEST(DecodeStringBodyTest, TruncatedHexEscapes) {
  LiteralError error = DecodeError(R"(\x1)");
  EXPECT_EQ(error.message, UnicodeError("0-2", R"(truncated \xXX escape)"));
  EXPECT_EQ(error.offset, 0u);
  EXPECT_EQ(DecodeError(R"(\xg)").message, UnicodeError("0-1", R"(truncated \xXX escape)"));
  EXPECT_EQ(DecodeError(R"(ab\u12)").message, UnicodeError("2-5", R"(truncated \uXXXX escape)"));
  EXPECT_EQ(DecodeError(R"(\U1234567)").message,
            UnicodeError("0-8", R"(truncated \UXXXXXXXX escape)"));
  EXPECT_EQ(DecodeError(R"(\U00110000)").message, UnicodeError("0-9", "illegal Unicode character"));
}

TEST(DecodeStringBodyTest, ErrorPositionsCountNonAsciiAsCPythonDoes) {
  // CPython counts each non-ASCII character as the ten bytes of \UXXXXXXXX.
  LiteralError error = DecodeError("\xC3\xA9\\x1");
  EXPECT_EQ(error.message, UnicodeError("10-12", R"(truncated \xXX escape)"));
  EXPECT_EQ(error.offset, 2u);
  EXPECT_EQ(DecodeError("\\xé").message, UnicodeError("0-1", R"(truncated \xXX escape)"));
  EXPECT_EQ(DecodeError("\\u12é").message, UnicodeError("0-3", R"(truncated \uXXXX escape)"));
  EXPECT_EQ(DecodeError("\\N{é}").message, UnicodeError("0-13", "unknown Unicode character name"));
}

TEST(DecodeStringBodyTest, BadNamedEscapes) {
  EXPECT_EQ(DecodeError(R"(\N{foobar})").message,
            UnicodeError("0-9", "unknown Unicode character name"));
  EXPECT_EQ(DecodeError(R"(\N{})").message,
            UnicodeError("0-2", R"(malformed \N character escape)"));
  EXPECT_EQ(DecodeError(R"(\N)").message, UnicodeError("0-1", R"(malformed \N character escape)"));
  EXPECT_EQ(DecodeError(R"(\Nx)").message, UnicodeError("0-1", R"(malformed \N character escape)"));
  EXPECT_EQ(DecodeError(R"(\N{abc)").message,
            UnicodeError("0-5", R"(malformed \N character escape)"));
  // CPython matches these prefixes and the Jamo and hex parts case-sensitively.
  EXPECT_EQ(DecodeError(R"(\N{hangul syllable GAG})").message,
            UnicodeError("0-22", "unknown Unicode character name"));
  EXPECT_EQ(DecodeError(R"(\N{HANGUL SYLLABLE gag})").message,
            UnicodeError("0-22", "unknown Unicode character name"));
  EXPECT_EQ(DecodeError(R"(\N{CJK UNIFIED IDEOGRAPH-4e00})").message,
            UnicodeError("0-29", "unknown Unicode character name"));
  EXPECT_EQ(DecodeError(R"(\N{TANGUT IDEOGRAPH-17000})").message,
            UnicodeError("0-25", "unknown Unicode character name"));
}

TEST(DecodeStringBodyTest, BytesErrors) {
  LiteralError error = DecodeError(R"(\x1)", true);
  EXPECT_EQ(error.message, R"((value error) invalid \x escape at position 0)");
  error = DecodeError(R"(a\xg)", true);
  EXPECT_EQ(error.message, R"((value error) invalid \x escape at position 1)");
  EXPECT_EQ(error.offset, 1u);
}

TEST(DecodeStringBodyTest, BytesMustBeAscii) {
  LiteralError error = DecodeError("ab\xC3\xA9", true);
  EXPECT_EQ(error.message, "bytes can only contain ASCII literal characters");
  EXPECT_EQ(error.offset, 2u);
  EXPECT_EQ(DecodeError("\xC3\xA9", true, LiteralContext::kString, true).message,
            "bytes can only contain ASCII literal characters");
  // The ASCII check comes before escapes are looked at.
  EXPECT_EQ(DecodeError("\\xg\xC3\xA9", true).message,
            "bytes can only contain ASCII literal characters");
}

TEST(DecodeStringBodyTest, FStringDoubledBraces) {
  EXPECT_EQ(DecodeFString("a{{b}}c"), "a{b}c");
  EXPECT_EQ(DecodeFString("{{{{"), "{{");
  EXPECT_EQ(DecodeFString(R"(\n{{)"), "\n{");
  EXPECT_EQ(DecodeFString(R"(\n{{\t}})", true), R"(\n{\t})");
  EXPECT_EQ(DecodeFString(R"(\{{)"), R"(\{)");
  EXPECT_EQ(DecodeFString(R"(\N{LEFT CURLY BRACKET})"), "{");
  EXPECT_EQ(Decode("a{{b}}", false, false, LiteralContext::kString), "a{{b}}");
}

TEST(DecodeStringBodyTest, FStringErrorPositionsRestartAfterDoubledBraces) {
  // CPython decodes an f-string's literal text in pieces split at `{{`/`}}`.
  EXPECT_EQ(DecodeError(R"(ab{{\x1)", false, LiteralContext::kFStringMiddle).message,
            UnicodeError("0-2", R"(truncated \xXX escape)"));
  EXPECT_EQ(DecodeError(R"(ab}}c\x1)", false, LiteralContext::kFStringMiddle).message,
            UnicodeError("1-3", R"(truncated \xXX escape)"));
  LiteralError error = DecodeError("é{{é\\x1", false, LiteralContext::kFStringMiddle);
  EXPECT_EQ(error.message, UnicodeError("10-12", R"(truncated \xXX escape)"));
  EXPECT_EQ(error.offset, 6u);
}

TEST(UnicodeNameTableTest, MissingDataIsReportedNotFatal) {
  UnicodeNameTable table = UnicodeNameTable::Load("/nonexistent/unicode");
  EXPECT_FALSE(table.loaded());
  EXPECT_NE(table.load_error().find("/nonexistent/unicode/UnicodeData.txt"), std::string::npos);
  EXPECT_FALSE(table.Find("LATIN SMALL LETTER A").has_value());
}

TEST(UnicodeNameTableTest, SystemTableFindsNamesAliasesAndComputedNames) {
  const UnicodeNameTable& table = UnicodeNameTable::System();
  ASSERT_TRUE(table.loaded()) << table.load_error();
  EXPECT_EQ(table.Find("SPACE"), U' ');
  EXPECT_EQ(table.Find("no-break space"), char32_t{0xA0});
  EXPECT_EQ(table.Find("BYTE ORDER MARK"), char32_t{0xFEFF});
  EXPECT_EQ(table.Find("HANGUL SYLLABLE GA"), char32_t{0xAC00});
  EXPECT_EQ(table.Find("HANGUL SYLLABLE HIH"), char32_t{0xD7A3});
  EXPECT_EQ(table.Find("CJK UNIFIED IDEOGRAPH-20000"), char32_t{0x20000});
  EXPECT_FALSE(table.Find("CJK UNIFIED IDEOGRAPH-33FF").has_value());
  EXPECT_EQ(table.Find("CJK UNIFIED IDEOGRAPH-04E00"), char32_t{0x4E00});  // five digits are fine
  EXPECT_FALSE(table.Find("CJK UNIFIED IDEOGRAPH-4E0").has_value());
  EXPECT_FALSE(table.Find(" SPACE").has_value());
  EXPECT_FALSE(table.Find("").has_value());
  // Named sequences are not characters.
  EXPECT_FALSE(table.Find("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE").has_value());
  EXPECT_EQ(&table, &UnicodeNameTable::System());
}

TEST(ParseNumberTest, IntegersKeepTheirTextWithoutUnderscores) {
  Arena arena;
  std::string token = "1_000";
  ConstantValue value = ParseNumber(token, arena);
  EXPECT_EQ(value.kind, ConstantKind::kInt);
  EXPECT_EQ(value.text, "1000");
  EXPECT_EQ(ParseNumber("0x_1F", arena).text, "0x1F");
  EXPECT_EQ(ParseNumber("0B1_0", arena).text, "0B10");
  EXPECT_EQ(ParseNumber("0o17", arena).text, "0o17");
  EXPECT_EQ(ParseNumber("00", arena).text, "00");
  // Hex digits e and E do not make a float.
  EXPECT_EQ(ParseNumber("0x1e5", arena).kind, ConstantKind::kInt);
}

TEST(ParseNumberTest, IntegerTextIsTheTokenItself) {
  Arena arena;
  std::string token = "12345";
  ConstantValue value = ParseNumber(token, arena);
  EXPECT_EQ(value.text.data(), token.data());
  EXPECT_EQ(value.text, "12345");
}

TEST(ParseNumberTest, IntegerTextWithoutUnderscoresLivesInTheArena) {
  Arena arena;
  std::string token = "12_345";
  ConstantValue value = ParseNumber(token, arena);
  token.assign("99_999");
  EXPECT_EQ(value.text, "12345");
}

TEST(ParseNumberTest, Floats) {
  Arena arena;
  auto number = [&arena](std::string_view text) {
    ConstantValue value = ParseNumber(text, arena);
    EXPECT_EQ(value.kind, ConstantKind::kFloat) << text;
    return value.number;
  };
  EXPECT_EQ(number("1.5"), 1.5);
  EXPECT_EQ(number("0.1"), 0.1);
  EXPECT_EQ(number(".5"), 0.5);
  EXPECT_EQ(number("5."), 5.0);
  EXPECT_EQ(number("1e5"), 100000.0);
  EXPECT_EQ(number("1E-2"), 0.01);
  EXPECT_EQ(number("1_0.0_1e1_0"), 100100000000.0);
  EXPECT_EQ(number("0e0"), 0.0);
}

TEST(ParseNumberTest, FloatsRoundExactlyAndSaturate) {
  Arena arena;
  auto number = [&arena](std::string_view text) { return ParseNumber(text, arena).number; };
  EXPECT_EQ(number("9007199254740993.0"), 9007199254740992.0);
  EXPECT_EQ(number("1.7976931348623157e308"), std::numeric_limits<double>::max());
  EXPECT_EQ(number("1.7976931348623158e308"), std::numeric_limits<double>::max());
  EXPECT_EQ(number("1.7976931348623159e308"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(number("1e400"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(number("1e99999999999999999999"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(number("2.4703282292062328e-324"), std::numeric_limits<double>::denorm_min());
  EXPECT_EQ(number("2.4703282292062327e-324"), 0.0);
  EXPECT_EQ(number("1e-400"), 0.0);
  EXPECT_EQ(number("0.000001e-320"), 0.0);
  EXPECT_EQ(number("1000000e303"), std::numeric_limits<double>::infinity());
}

TEST(ParseNumberTest, ImaginaryLiterals) {
  Arena arena;
  ConstantValue value = ParseNumber("1j", arena);
  EXPECT_EQ(value.kind, ConstantKind::kComplex);
  EXPECT_EQ(value.number, 1.0);
  EXPECT_EQ(ParseNumber("1.5e3J", arena).number, 1500.0);
  EXPECT_EQ(ParseNumber("1_0j", arena).number, 10.0);
  EXPECT_EQ(ParseNumber("0j", arena).number, 0.0);
  EXPECT_EQ(ParseNumber("1e400j", arena).number, std::numeric_limits<double>::infinity());
  EXPECT_EQ(ParseNumber("012j", arena).number, 12.0);
}

TEST(IntLiteralToDecimalTest, SmallValues) {
  EXPECT_EQ(IntLiteralToDecimal("0x10"), "16");
  EXPECT_EQ(IntLiteralToDecimal("0X1F"), "31");
  EXPECT_EQ(IntLiteralToDecimal("0b1"), "1");
  EXPECT_EQ(IntLiteralToDecimal("0B101"), "5");
  EXPECT_EQ(IntLiteralToDecimal("0o777"), "511");
  EXPECT_EQ(IntLiteralToDecimal("1_000"), "1000");
  EXPECT_EQ(IntLiteralToDecimal("0"), "0");
  EXPECT_EQ(IntLiteralToDecimal("00"), "0");
  EXPECT_EQ(IntLiteralToDecimal("0x0"), "0");
  EXPECT_EQ(IntLiteralToDecimal("0x_00_1"), "1");
}

TEST(IntLiteralToDecimalTest, SixtyFourBitBoundary) {
  EXPECT_EQ(IntLiteralToDecimal("0xFFFFFFFFFFFFFFFF"), "18446744073709551615");
  EXPECT_EQ(IntLiteralToDecimal("0x10000000000000000"), "18446744073709551616");
  EXPECT_EQ(IntLiteralToDecimal("0o1777777777777777777777"), "18446744073709551615");
  EXPECT_EQ(IntLiteralToDecimal("0o2000000000000000000000"), "18446744073709551616");
  EXPECT_EQ(IntLiteralToDecimal("0b1" + std::string(64, '0')), "18446744073709551616");
  EXPECT_EQ(IntLiteralToDecimal("0x0000000000000000001"), "1");
}

TEST(IntLiteralToDecimalTest, ThousandDigitLiterals) {
  std::string decimal(1000, '9');
  EXPECT_EQ(IntLiteralToDecimal(decimal), decimal);
  std::string all_f = IntLiteralToDecimal("0x" + std::string(1000, 'f'));
  ASSERT_EQ(all_f.size(), 1205u);
  EXPECT_EQ(all_f.substr(0, 30), "131820409343094310010388979423");
  EXPECT_EQ(all_f.substr(1175), "555421362722504575706910949375");
  std::string power = IntLiteralToDecimal("0x1" + std::string(1000, '0'));  // 2**4000
  EXPECT_EQ(power.substr(1175), "555421362722504575706910949376");
  std::string all_7 = IntLiteralToDecimal("0o" + std::string(1000, '7'));
  ASSERT_EQ(all_7.size(), 904u);
  EXPECT_EQ(all_7.substr(0, 30), "123023192216111717693155881327");
  EXPECT_EQ(all_7.substr(874), "512399773872178519018229989375");
  EXPECT_EQ(IntLiteralToDecimal("0b" + std::string(4000, '1')), all_f);
}

}  // namespace
}  // namespace dsaudit::python
