// Tokens of the Python 3.12 lexical grammar.
#pragma once

#include <cstdint>
#include <string_view>

namespace dsaudit::python {

// X(Kind, spelling): spelling is the exact source text for operators and hard
// keywords, empty for tokens whose text varies.
#define DSAUDIT_PYTHON_TOKENS(X)                                            \
  X(EndMarker, "")                                                          \
  X(Name, "")                                                               \
  X(Number, "")                                                             \
  X(String, "")                                                             \
  /* PEP 701: f"...{expr!r:spec}..." is FStringStart, FStringMiddle, '{', \
     the expression's tokens, '!', Name, ':', FStringMiddle, '}', ...,     \
     FStringEnd. FStringMiddle spans raw source text: escapes and doubled  \
     braces are decoded by the parser. */                                  \
  X(FStringStart, "")                                                       \
  X(FStringMiddle, "")                                                      \
  X(FStringEnd, "")                                                         \
  X(Newline, "")                                                            \
  X(Indent, "")                                                             \
  X(Dedent, "")                                                             \
  X(Comment, "")                                                            \
  X(NonLogicalNewline, "")                                                  \
  X(Error, "")                                                              \
  X(LeftParen, "(")                                                         \
  X(RightParen, ")")                                                        \
  X(LeftBracket, "[")                                                       \
  X(RightBracket, "]")                                                      \
  X(LeftBrace, "{")                                                         \
  X(RightBrace, "}")                                                        \
  X(Colon, ":")                                                             \
  X(Comma, ",")                                                             \
  X(Semicolon, ";")                                                         \
  X(Plus, "+")                                                              \
  X(Minus, "-")                                                             \
  X(Star, "*")                                                              \
  X(Slash, "/")                                                             \
  X(VBar, "|")                                                              \
  X(Amper, "&")                                                             \
  X(Less, "<")                                                              \
  X(Greater, ">")                                                           \
  X(Equal, "=")                                                             \
  X(Dot, ".")                                                               \
  X(Percent, "%")                                                           \
  X(EqEqual, "==")                                                          \
  X(NotEqual, "!=")                                                         \
  X(LessEqual, "<=")                                                        \
  X(GreaterEqual, ">=")                                                     \
  X(Tilde, "~")                                                             \
  X(Circumflex, "^")                                                        \
  X(LeftShift, "<<")                                                        \
  X(RightShift, ">>")                                                       \
  X(DoubleStar, "**")                                                       \
  X(PlusEqual, "+=")                                                        \
  X(MinusEqual, "-=")                                                       \
  X(StarEqual, "*=")                                                        \
  X(SlashEqual, "/=")                                                       \
  X(PercentEqual, "%=")                                                     \
  X(AmperEqual, "&=")                                                       \
  X(VBarEqual, "|=")                                                        \
  X(CircumflexEqual, "^=")                                                  \
  X(LeftShiftEqual, "<<=")                                                  \
  X(RightShiftEqual, ">>=")                                                 \
  X(DoubleStarEqual, "**=")                                                 \
  X(DoubleSlash, "//")                                                      \
  X(DoubleSlashEqual, "//=")                                                \
  X(At, "@")                                                                \
  X(AtEqual, "@=")                                                          \
  X(Arrow, "->")                                                            \
  X(Ellipsis, "...")                                                        \
  X(ColonEqual, ":=")                                                       \
  X(Exclamation, "!")                                                       \
  X(False, "False")                                                         \
  X(None, "None")                                                           \
  X(True, "True")                                                           \
  X(And, "and")                                                             \
  X(As, "as")                                                               \
  X(Assert, "assert")                                                       \
  X(Async, "async")                                                         \
  X(Await, "await")                                                         \
  X(Break, "break")                                                         \
  X(Class, "class")                                                         \
  X(Continue, "continue")                                                   \
  X(Def, "def")                                                             \
  X(Del, "del")                                                             \
  X(Elif, "elif")                                                           \
  X(Else, "else")                                                           \
  X(Except, "except")                                                       \
  X(Finally, "finally")                                                     \
  X(For, "for")                                                             \
  X(From, "from")                                                           \
  X(Global, "global")                                                       \
  X(If, "if")                                                               \
  X(Import, "import")                                                       \
  X(In, "in")                                                               \
  X(Is, "is")                                                               \
  X(Lambda, "lambda")                                                       \
  X(Nonlocal, "nonlocal")                                                   \
  X(Not, "not")                                                             \
  X(Or, "or")                                                               \
  X(Pass, "pass")                                                           \
  X(Raise, "raise")                                                         \
  X(Return, "return")                                                       \
  X(Try, "try")                                                             \
  X(While, "while")                                                         \
  X(With, "with")                                                           \
  X(Yield, "yield")

enum class TokenKind : uint8_t {
#define DSAUDIT_TOKEN_ENUM(kind, spelling) k##kind,
  DSAUDIT_PYTHON_TOKENS(DSAUDIT_TOKEN_ENUM)
#undef DSAUDIT_TOKEN_ENUM
};

// Kind name for debugging output, e.g. "LeftParen".
std::string_view TokenKindName(TokenKind kind);
// Source spelling of an operator or keyword, empty for the others.
std::string_view TokenSpelling(TokenKind kind);

inline bool IsKeyword(TokenKind kind) {
  return kind >= TokenKind::kFalse && kind <= TokenKind::kYield;
}

// Positions follow CPython: lines 1-based, columns 0-based UTF-8 byte offsets
// within the line; `start`/`end` are byte offsets into SourceText::text().
struct Token {
  TokenKind kind = TokenKind::kEndMarker;
  // A Name with non-ASCII characters (CPython NFKC-normalises those), so the
  // parser need not scan every name again. Fits in the padding after kind.
  bool non_ascii = false;
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t line = 0;
  uint32_t col = 0;
  uint32_t end_line = 0;
  uint32_t end_col = 0;

  std::string_view Text(std::string_view source) const {
    return source.substr(start, end - start);
  }
};

}  // namespace dsaudit::python
