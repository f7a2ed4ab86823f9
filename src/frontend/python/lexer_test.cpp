// Expected kinds and positions were checked with CPython (the tokenize module,
// character columns converted to bytes) and error messages with compile().
#include "frontend/python/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dsaudit::python {
namespace {

TokenizedSource Lex(std::string_view code) { return Tokenize(SourceText::FromUtf8(code)); }

// "Kind Kind ..." of the parser-visible tokens.
std::string Kinds(std::string_view code) {
  std::string out;
  for (const Token& token : Lex(code).tokens) {
    if (!out.empty()) out += ' ';
    out += TokenKindName(token.kind);
  }
  return out;
}

// "Kind@line:col-end_line:end_col 'text'" of every token.
std::vector<std::string> Described(std::string_view code) {
  SourceText source = SourceText::FromUtf8(code);
  TokenizedSource result = Tokenize(source);
  std::vector<std::string> out;
  for (const Token& t : result.tokens) {
    out.push_back(std::string(TokenKindName(t.kind)) + "@" + std::to_string(t.line) + ":" + std::to_string(t.col) +
                  "-" + std::to_string(t.end_line) + ":" + std::to_string(t.end_col) + " '" +
                  std::string(t.Text(source.text())) + "'");
  }
  return out;
}

// "Type: message @line:column" of the first error, "" when none.
std::string FirstError(std::string_view code) {
  TokenizedSource result = Lex(code);
  if (result.errors.empty()) return "";
  const SyntaxError& e = result.errors.front();
  return e.type + ": " + e.message + " @" + std::to_string(e.line) + ":" + std::to_string(e.column);
}

TEST(LexerTest, SimpleStatement) {
  EXPECT_EQ(Described("x = 1\n"),
            (std::vector<std::string>{"Name@1:0-1:1 'x'", "Equal@1:2-1:3 '='", "Number@1:4-1:5 '1'",
                                      "Newline@1:5-1:6 '\n'", "EndMarker@2:0-2:0 ''"}));
}

TEST(LexerTest, ImplicitNewlineAtEndOfFile) {
  EXPECT_EQ(Described("x"),
            (std::vector<std::string>{"Name@1:0-1:1 'x'", "Newline@1:1-1:2 ''", "EndMarker@2:0-2:0 ''"}));
  EXPECT_EQ(Kinds(""), "EndMarker");
  EXPECT_EQ(Kinds("\n\n# only a comment"), "EndMarker");
}

TEST(LexerTest, KeywordsAndSoftKeywords) {
  EXPECT_EQ(Kinds("if not None: pass\n"), "If Not None Colon Pass Newline EndMarker");
  EXPECT_EQ(Kinds("match case type _ print\n"), "Name Name Name Name Name Newline EndMarker");
  EXPECT_EQ(Kinds("async await yield lambda nonlocal\n"), "Async Await Yield Lambda Nonlocal Newline EndMarker");
  EXPECT_EQ(Kinds("Trueish iff\n"), "Name Name Newline EndMarker");
}

TEST(LexerTest, IndentAndDedent) {
  EXPECT_EQ(Described("if x:\n    y\nz\n"),
            (std::vector<std::string>{"If@1:0-1:2 'if'", "Name@1:3-1:4 'x'", "Colon@1:4-1:5 ':'",
                                      "Newline@1:5-1:6 '\n'", "Indent@2:0-2:4 '    '", "Name@2:4-2:5 'y'",
                                      "Newline@2:5-2:6 '\n'", "Dedent@3:0-3:0 ''", "Name@3:0-3:1 'z'",
                                      "Newline@3:1-3:2 '\n'", "EndMarker@4:0-4:0 ''"}));
}

TEST(LexerTest, DedentsAtEndOfFile) {
  EXPECT_EQ(Kinds("def f():\n  if x:\n    y"),
            "Def Name LeftParen RightParen Colon Newline Indent If Name Colon Newline Indent Name Newline Dedent "
            "Dedent EndMarker");
  std::vector<std::string> tokens = Described("if x:\n  y");
  EXPECT_EQ(tokens[tokens.size() - 2], "Dedent@3:0-3:0 ''");
}

TEST(LexerTest, BlankAndCommentLinesProduceNoNewline) {
  TokenizedSource result = Lex("x = 1\n\n   # note\n\ty = 2 # trailing\n");
  ASSERT_EQ(result.comments.size(), 2u);
  EXPECT_EQ(result.comments[0].line, 3u);
  EXPECT_EQ(result.comments[0].col, 3u);
  EXPECT_EQ(result.comments[1].col, 7u);
  EXPECT_EQ(Kinds("x = 1\n\n   # note\n\ty = 2 # trailing\n"),
            "Name Equal Number Newline Indent Name Equal Number Newline Dedent EndMarker");
}

TEST(LexerTest, ImplicitJoiningInsideBrackets) {
  EXPECT_EQ(Kinds("x = (1,\n     2)\ny = [\n# c\n]\n"),
            "Name Equal LeftParen Number Comma Number RightParen Newline Name Equal LeftBracket RightBracket "
            "Newline EndMarker");
}

TEST(LexerTest, BackslashContinuation) {
  EXPECT_EQ(Kinds("x = 1 + \\\n    2\n"), "Name Equal Number Plus Number Newline EndMarker");
  EXPECT_EQ(FirstError("x = 1 \\ y\n"),
            "SyntaxError: unexpected character after line continuation character @1:8");
  EXPECT_EQ(FirstError("x = 1 \\"), "SyntaxError: unexpected EOF while parsing @1:8");
  EXPECT_EQ(FirstError("x = 1 \\\n"), "SyntaxError: unexpected EOF while parsing @1:8");
}

TEST(LexerTest, TabsAndFormFeeds) {
  EXPECT_EQ(Kinds("if x:\n\ty\n        z\n"), "If Name Colon Newline Indent Name Newline Name Newline Dedent EndMarker");
  EXPECT_EQ(FirstError("if x:\n        y\n\tz\n"),
            "TabError: inconsistent use of tabs and spaces in indentation @3:1");
  EXPECT_EQ(FirstError("if x:\n  y\n\tz\n"),
            "TabError: inconsistent use of tabs and spaces in indentation @3:1");
  // A form feed resets the column count.
  EXPECT_EQ(Kinds("if x:\n  y\n  \fz\n"), "If Name Colon Newline Indent Name Newline Dedent Name Newline EndMarker");
}

TEST(LexerTest, UnindentMismatch) {
  EXPECT_EQ(FirstError("if x:\n    y\n  z\n"),
            "IndentationError: unindent does not match any outer indentation level @3:4");
}

TEST(LexerTest, Operators) {
  EXPECT_EQ(Kinds("a **= b //= c >>= d <<= e -> f := g ... h != i @= j\n"),
            "Name DoubleStarEqual Name DoubleSlashEqual Name RightShiftEqual Name LeftShiftEqual Name Arrow Name "
            "ColonEqual Name Ellipsis Name NotEqual Name AtEqual Name Newline EndMarker");
  EXPECT_EQ(Kinds("a.b ~c ^ d | e & f % g\n"),
            "Name Dot Name Tilde Name Circumflex Name VBar Name Amper Name Percent Name Newline EndMarker");
}

TEST(LexerTest, Numbers) {
  EXPECT_EQ(Kinds("0 00 0x_1F 0o17 0b1_0 1_000 1.5 .5 5. 1e10 1.5E-3 1_0.0_1e+1_0 3j 1.5J 0e0 00.5\n"),
            "Number Number Number Number Number Number Number Number Number Number Number Number Number Number "
            "Number Number Newline EndMarker");
  EXPECT_EQ(Kinds("1if x else 2\n"), "Number If Name Else Number Newline EndMarker");
  EXPECT_EQ(Kinds("1 .real\n"), "Number Dot Name Newline EndMarker");
  EXPECT_EQ(FirstError("1.__class__\n"), "SyntaxError: invalid decimal literal @1:2");
}

TEST(LexerTest, NumberErrors) {
  EXPECT_EQ(FirstError("x = 1_\n"), "SyntaxError: invalid decimal literal @1:6");
  EXPECT_EQ(FirstError("x = 1abc\n"), "SyntaxError: invalid decimal literal @1:5");
  EXPECT_EQ(FirstError("x = 0x\n"), "SyntaxError: invalid hexadecimal literal @1:6");
  EXPECT_EQ(FirstError("x = 0o8\n"), "SyntaxError: invalid digit '8' in octal literal @1:7");
  EXPECT_EQ(FirstError("x = 0b2\n"), "SyntaxError: invalid digit '2' in binary literal @1:7");
  EXPECT_EQ(FirstError("x = 1e\n"), "SyntaxError: invalid decimal literal @1:5");
  EXPECT_EQ(FirstError("x = 1jx\n"), "SyntaxError: invalid imaginary literal @1:6");
  EXPECT_EQ(FirstError("x = 012\n"),
            "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
            "octal integers @1:5");
}

TEST(LexerTest, StringsWithPrefixes) {
  EXPECT_EQ(Kinds("'a' \"b\" r'\\'' b'c' Rb'd' bR'e' u'f' '''g\n''' \"\"\"h\"\"\" ''\n"),
            "String String String String String String String String String String Newline EndMarker");
  EXPECT_EQ(Kinds("ub'x'\n"), "Name String Newline EndMarker");
  EXPECT_EQ(Described("x = '''a\nb''' + 1\n")[2], "String@1:4-2:4 ''''a\nb''''");
  EXPECT_EQ(Described("s = 'a\\\nb'\n")[2], "String@1:4-2:2 ''a\\\nb''");
}

TEST(LexerTest, UnterminatedStrings) {
  EXPECT_EQ(FirstError("x = 'abc\n"), "SyntaxError: unterminated string literal (detected at line 1) @1:5");
  EXPECT_EQ(FirstError("x = rb'abc"), "SyntaxError: unterminated string literal (detected at line 1) @1:5");
  EXPECT_EQ(FirstError("x = '''abc\n\n\n"),
            "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @1:5");
  EXPECT_EQ(FirstError("x = 'é' + 'abc\n"),
            "SyntaxError: unterminated string literal (detected at line 1) @1:11");
  // Lexing continues on the next line.
  EXPECT_EQ(Kinds("x = 'abc\ny\n"), "Name Equal Error Newline Name Newline EndMarker");
}

TEST(LexerTest, Brackets) {
  EXPECT_EQ(FirstError("x = (1,\n"), "SyntaxError: '(' was never closed @1:5");
  EXPECT_EQ(FirstError("x = [1, (2,\n 3]\n"),
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:3");
  EXPECT_EQ(FirstError("x = (1]\n"), "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:7");
  EXPECT_EQ(FirstError("x = 1)\n"), "SyntaxError: unmatched ')' @1:6");
  // CPython counts this column in bytes.
  EXPECT_EQ(FirstError("x = \"é\" + (\n"), "SyntaxError: '(' was never closed @1:12");
}

TEST(LexerTest, TooManyNestedBrackets) {
  std::string code = "x = " + std::string(250, '(') + std::string(250, ')') + "\n";
  TokenizedSource result = Lex(code);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].message, "too many nested parentheses");
  EXPECT_EQ(result.errors[0].column, 205u);
  EXPECT_EQ(result.tokens.back().kind, TokenKind::kEndMarker);
}

TEST(LexerTest, DeepNestingStaysLinear) {
  std::string code = std::string(100000, '[') + "\n";
  TokenizedSource result = Lex(code);
  EXPECT_EQ(result.errors.size(), 2u);  // too many nested, never closed
  EXPECT_EQ(result.tokens.back().kind, TokenKind::kEndMarker);
}

TEST(LexerTest, UnicodeIdentifiers) {
  std::vector<std::string> tokens = Described("é = naïve\n");
  EXPECT_EQ(tokens[0], "Name@1:0-1:2 'é'");
  EXPECT_EQ(tokens[2], "Name@1:5-1:11 'naïve'");
  EXPECT_EQ(FirstError("€ = 1\n"), "SyntaxError: invalid character '€' (U+20AC) @1:1");
  EXPECT_EQ(FirstError("a€ = 1\n"), "SyntaxError: invalid character '€' (U+20AC) @1:2");
  EXPECT_EQ(FirstError("x = 1\u200b\n"), "SyntaxError: invalid non-printable character U+200B @1:6");
  EXPECT_EQ(FirstError("x = “a”\n"), "SyntaxError: invalid character '“' (U+201C) @1:5");
}

TEST(LexerTest, OtherInvalidCharacters) {
  EXPECT_EQ(FirstError("x = 1\x01\n"), "SyntaxError: invalid non-printable character U+0001 @1:6");
  EXPECT_EQ(FirstError("x = $\n"), "SyntaxError: invalid syntax @1:5");
  EXPECT_EQ(Kinds("x = ?\n"), "Name Equal Error Newline EndMarker");
}

TEST(LexerTest, FStringTokens) {
  EXPECT_EQ(Described("f\"a{x!r:>{w}}b\""),
            (std::vector<std::string>{
                "FStringStart@1:0-1:2 'f\"'", "FStringMiddle@1:2-1:3 'a'", "LeftBrace@1:3-1:4 '{'",
                "Name@1:4-1:5 'x'", "Exclamation@1:5-1:6 '!'", "Name@1:6-1:7 'r'", "Colon@1:7-1:8 ':'",
                "FStringMiddle@1:8-1:9 '>'", "LeftBrace@1:9-1:10 '{'", "Name@1:10-1:11 'w'",
                "RightBrace@1:11-1:12 '}'", "RightBrace@1:12-1:13 '}'", "FStringMiddle@1:13-1:14 'b'",
                "FStringEnd@1:14-1:15 '\"'", "Newline@1:15-1:16 ''", "EndMarker@2:0-2:0 ''"}));
}

TEST(LexerTest, FStringDoubledBracesStayInMiddle) {
  std::vector<std::string> tokens = Described("f'{{a}} {b}'\n");
  EXPECT_EQ(tokens[1], "FStringMiddle@1:2-1:8 '{{a}} '");
  EXPECT_EQ(Kinds("f'{{a}} {b}'\n"),
            "FStringStart FStringMiddle LeftBrace Name RightBrace FStringEnd Newline EndMarker");
}

TEST(LexerTest, FStringNestedQuotesAndBrackets) {
  EXPECT_EQ(Kinds("f\"{d[\"k\"]:{f\"{1}\"}}\"\n"),
            "FStringStart LeftBrace Name LeftBracket String RightBracket Colon LeftBrace FStringStart LeftBrace "
            "Number RightBrace FStringEnd RightBrace RightBrace FStringEnd Newline EndMarker");
  // Colons inside brackets or a lambda's parentheses don't start a format spec.
  EXPECT_EQ(Kinds("f'{ {1: 2}[1] }'\n"),
            "FStringStart LeftBrace LeftBrace Number Colon Number RightBrace LeftBracket Number RightBracket "
            "RightBrace FStringEnd Newline EndMarker");
  EXPECT_EQ(Kinds("f'{x!=y}'\n"), "FStringStart LeftBrace Name NotEqual Name RightBrace FStringEnd Newline EndMarker");
}

TEST(LexerTest, FStringDebugAndEmptySpec) {
  EXPECT_EQ(Kinds("f'{x = }'\n"), "FStringStart LeftBrace Name Equal RightBrace FStringEnd Newline EndMarker");
  EXPECT_EQ(Kinds("f'{x:}'\n"), "FStringStart LeftBrace Name Colon RightBrace FStringEnd Newline EndMarker");
}

TEST(LexerTest, FStringMultiLineExpressionHasNoNewline) {
  EXPECT_EQ(Kinds("f'''{\n  x\n}'''\ny\n"),
            "FStringStart LeftBrace Name RightBrace FStringEnd Newline Name Newline EndMarker");
  EXPECT_EQ(Kinds("x = f\"{', '.join([\n  'a',  # c\n])}\"\n"),
            "Name Equal FStringStart LeftBrace String Dot Name LeftParen LeftBracket String Comma RightBracket "
            "RightParen RightBrace FStringEnd Newline EndMarker");
}

TEST(LexerTest, FStringEscapes) {
  EXPECT_EQ(Kinds("f'\\N{BULLET} \\{x}'\n"),
            "FStringStart FStringMiddle LeftBrace Name RightBrace FStringEnd Newline EndMarker");
  EXPECT_EQ(Kinds("rf'\\N{x}'\n"),
            "FStringStart FStringMiddle LeftBrace Name RightBrace FStringEnd Newline EndMarker");
  EXPECT_EQ(Kinds("f'a\\'b'\n"), "FStringStart FStringMiddle FStringEnd Newline EndMarker");
}

TEST(LexerTest, FStringErrors) {
  EXPECT_EQ(FirstError("f'abc\n"), "SyntaxError: unterminated f-string literal (detected at line 1) @1:1");
  EXPECT_EQ(FirstError("x = f'''abc\n"),
            "SyntaxError: unterminated triple-quoted f-string literal (detected at line 1) @1:5");
  EXPECT_EQ(FirstError("f'{x'\n"), "SyntaxError: f-string: expecting '}' @1:5");
  EXPECT_EQ(FirstError("f'}'\n"), "SyntaxError: f-string: single '}' is not allowed @1:3");
  EXPECT_EQ(FirstError("f'{)}'\n"), "SyntaxError: f-string: unmatched ')' @1:4");
  EXPECT_EQ(Lex("f'{x'\ny\n").tokens.back().kind, TokenKind::kEndMarker);
}

TEST(LexerTest, NonAsciiColumnsAreBytes) {
  std::vector<std::string> tokens = Described("s = 'é' + x\n");
  EXPECT_EQ(tokens[2], "String@1:4-1:8 ''é''");
  EXPECT_EQ(tokens[4], "Name@1:11-1:12 'x'");
}

TEST(LexerTest, BinaryGarbageTerminates) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919) & 0xFF));
  TokenizedSource result = Tokenize(SourceText::FromBytes(garbage));
  EXPECT_FALSE(result.errors.empty());
  EXPECT_EQ(result.tokens.back().kind, TokenKind::kEndMarker);
}

}  // namespace
}  // namespace dsaudit::python
