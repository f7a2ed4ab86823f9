// Bad input must give a clear first error (the one CPython gives), never a
// crash, and memory that follows the input size. Expectations were taken
// from CPython 3.11 running the same bytes as a file (`python3 file.py`).
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "frontend/python/parser.h"
#include "frontend/python/source_text.h"

namespace dsaudit::python {
namespace {

std::unique_ptr<ParsedModule> ParseBytes(std::string_view bytes) {
  return Parse(SourceText::FromBytes(bytes));
}

// Checks the first error against CPython's and that a tree came back anyway.
// A zero column is not checked: CPython reports none for that error.
void ExpectFirstError(const ParsedModule& parsed, std::string_view type, std::string_view message,
                      uint32_t line, uint32_t column) {
  ASSERT_NE(parsed.module, nullptr);
  ASSERT_FALSE(parsed.errors.empty());
  const SyntaxError& first = parsed.errors.front();
  EXPECT_EQ(first.type, type);
  EXPECT_EQ(first.message, message);
  EXPECT_EQ(first.line, line);
  if (column != 0) {  // braces: EXPECT_EQ expands to an if/else
    EXPECT_EQ(first.column, column);
  }
}

std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(RobustnessTest, RandomBinaryBytesGiveAnErrorNotACrash) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(1 + rng() % 4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    auto parsed = ParseBytes(bytes);
    ASSERT_NE(parsed->module, nullptr);
    EXPECT_FALSE(parsed->errors.empty()) << "round " << round;
  }
}

TEST(RobustnessTest, RandomPrintableGarbageAlwaysGivesATree) {
  std::mt19937 rng(99);
  const std::string_view alphabet = "abc xyz019_()[]{}:;,.=+-*/%<>!'\"#\\@&|^~\n\t    ";
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 2048, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    auto parsed = ParseBytes(text);
    ASSERT_NE(parsed->module, nullptr);
    ASSERT_FALSE(parsed->tokens.empty());
    EXPECT_EQ(parsed->tokens.back().kind, TokenKind::kEndMarker);
  }
}

TEST(RobustnessTest, RandomTokenSoupAlwaysGivesATree) {
  std::mt19937 rng(7);
  const std::string_view pieces[] = {
      "def ",   "class ",  "if ",    "else",    ":",      "\n",   "    ",   "(",
      ")",      "[",       "]",      "{",       "}",      "x",    "1",      "'s'",
      "f'{",    "}'",      "lambda", "=",       "==",     ",",    "*",      "**",
      "yield ", "return ", "async ", "await ",  "with ",  "as ",  "match ", "case ",
      "try",    "except",  "@",      "\\\n",    "\"\"\"", "#c\n", ".",      "...",
      "not ",   "in ",     "for ",   "import ", "from ",  "->",   ":="};
  for (int round = 0; round < 500; ++round) {
    std::string text;
    size_t count = rng() % 200;
    for (size_t i = 0; i < count; ++i) text += pieces[rng() % std::size(pieces)];
    auto parsed = ParseBytes(text);
    ASSERT_NE(parsed->module, nullptr) << text;
  }
}

TEST(RobustnessTest, InvalidUtf8) {
  auto parsed = ParseBytes("a = 1\n\n\nb = \"\xc3\x28\"\n");
  ExpectFirstError(*parsed, "SyntaxError",
                   "Non-UTF-8 code starting with '\\xc3' on line 4, but no encoding declared; "
                   "see https://peps.python.org/pep-0263/ for details",
                   4, 0);
}

TEST(RobustnessTest, NulByte) {
  auto parsed = ParseBytes(std::string_view("x = 1\0\ny = 2\n", 13));
  ASSERT_NE(parsed->module, nullptr);
  ASSERT_FALSE(parsed->errors.empty());
  EXPECT_EQ(parsed->errors.front().message, "source code cannot contain null bytes");
}

TEST(RobustnessTest, UnterminatedStringAtEof) {
  ExpectFirstError(*ParseBytes("x = 'abc"), "SyntaxError",
                   "unterminated string literal (detected at line 1)", 1, 5);
}

TEST(RobustnessTest, UnterminatedTripleStringAtEof) {
  ExpectFirstError(*ParseBytes("x = \"\"\"abc\n\n"), "SyntaxError",
                   "unterminated triple-quoted string literal (detected at line 2)", 1, 5);
}

TEST(RobustnessTest, UnterminatedFStringAtEof) {
  ExpectFirstError(*ParseBytes("x = f'abc"), "SyntaxError",
                   "unterminated f-string literal (detected at line 1)", 1, 5);
}

TEST(RobustnessTest, HundredThousandNestedBrackets) {
  for (std::string_view open_close : {"()", "[]", "{}"}) {
    std::string text = "x = " + Repeat(open_close.substr(0, 1), 100'000) + "1" +
                       Repeat(open_close.substr(1, 1), 100'000) + "\n";
    auto parsed = ParseBytes(text);
    // CPython's tokenizer stops at its 200th open bracket.
    ExpectFirstError(*parsed, "SyntaxError", "too many nested parentheses", 1, 205);
    EXPECT_LT(parsed->arena.bytes_allocated(), 64 * text.size());
  }
}

TEST(RobustnessTest, HundredThousandUnclosedBracketsAtEof) {
  auto parsed = ParseBytes("x = " + Repeat("[", 100'000));
  ExpectFirstError(*parsed, "SyntaxError", "too many nested parentheses", 1, 205);
}

// CPython runs out of parser stack here (MemoryError or RecursionError); a
// syntax error that says why is what we promise instead.
TEST(RobustnessTest, HundredThousandNestedUnaryOperators) {
  for (std::string_view op :
       {"-", "~", "not ", "await ", "*", "lambda: ", "1 if 1 else ", "2 ** ", "x."}) {
    std::string text = "x = " + Repeat(op, 100'000) + "1\n";
    auto parsed = ParseBytes(text);
    ASSERT_NE(parsed->module, nullptr) << op;
    EXPECT_LT(parsed->arena.bytes_allocated(), 64 * text.size()) << op;
  }
}

TEST(RobustnessTest, DeeplyNestedBlocks) {
  std::string text;
  for (int depth = 0; depth < 1000; ++depth) text += std::string(depth, ' ') + "if x:\n";
  text += std::string(1000, ' ') + "pass\n";
  ExpectFirstError(*ParseBytes(text), "IndentationError", "too many levels of indentation", 101, 1);
}

TEST(RobustnessTest, DeeplyNestedBlocksOnOneLine) {
  // Deep nesting without indentation: compound statements chained by brackets.
  std::string text = "x = " + Repeat("[lambda: ", 150) + "1" + Repeat("]", 150) + "\n";
  auto parsed = ParseBytes(text);
  ASSERT_NE(parsed->module, nullptr);
  EXPECT_TRUE(parsed->errors.empty());
}

TEST(RobustnessTest, MixedTabsAndSpaces) {
  ExpectFirstError(*ParseBytes("if x:\n\ta = 1\n        b = 2\n"), "TabError",
                   "inconsistent use of tabs and spaces in indentation", 3, 1);
}

// A generated 50 MB file: parsing completes and the tree costs a small
// constant factor of the input, so peak memory follows file size.
TEST(RobustnessTest, FiftyMegabyteFileParsesInBoundedMemory) {
  const std::string_view chunk =
      "def transform(frame, columns=None):\n"
      "    \"\"\"Scales the numeric columns of a frame.\"\"\"\n"
      "    # Columns default to every numeric one.\n"
      "    columns = columns or [c for c in frame.columns if frame[c].dtype.kind in 'if']\n"
      "    for column in columns:\n"
      "        frame[column] = (frame[column] - frame[column].mean()) / frame[column].std()\n"
      "    return frame\n"
      "\n\n";
  std::string text;
  text.reserve(51 << 20);
  while (text.size() < (size_t{50} << 20)) text += chunk;
  auto parsed = ParseBytes(text);
  ASSERT_NE(parsed->module, nullptr);
  EXPECT_TRUE(parsed->errors.empty());
  // This code is dense (a node per 8 bytes or so); measured at about 8.5x.
  EXPECT_LT(parsed->arena.bytes_allocated(), 12 * text.size());
}

}  // namespace
}  // namespace dsaudit::python
