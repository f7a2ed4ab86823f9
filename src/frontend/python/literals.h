// Decoding of string and number literal tokens into constant values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/arena.h"
#include "frontend/python/ast.h"

namespace dsaudit::python {

// What a string token's prefix says, e.g. for `rb'''x'''`: raw, bytes,
// prefix_length 2, quote_length 3.
struct StringPrefix {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  bool unicode = false;  // the `u` prefix, which CPython records as kind='u'
  uint32_t prefix_length = 0;
  uint32_t quote_length = 1;  // 1 or 3
};

// Reads the prefix and opening quote of a String or FStringStart token text.
// Inline: the parser reads every string token's prefix more than once.
inline StringPrefix ParseStringPrefix(std::string_view token_text) {
  StringPrefix prefix;
  size_t i = 0;
  for (; i < token_text.size() && token_text[i] != '\'' && token_text[i] != '"'; ++i) {
    switch (token_text[i] | 0x20) {  // ASCII lower case
      case 'r':
        prefix.raw = true;
        break;
      case 'b':
        prefix.bytes = true;
        break;
      case 'f':
        prefix.fstring = true;
        break;
      case 'u':
        prefix.unicode = true;
        break;
      default:
        break;
    }
  }
  prefix.prefix_length = static_cast<uint32_t>(i);
  if (i + 2 < token_text.size() && token_text[i + 1] == token_text[i] &&
      token_text[i + 2] == token_text[i]) {
    prefix.quote_length = 3;
  }
  return prefix;
}

struct LiteralError {
  std::string message;  // CPython's message, e.g. "(unicode error) 'unicodeescape' codec can't ..."
  uint32_t offset = 0;  // byte offset of the problem within the decoded body
};

enum class LiteralContext : uint8_t {
  kString,         // the body of a str or bytes literal, between the quotes
  kFStringMiddle,  // literal text of an f-string: `{{` and `}}` decode to one brace
};

// Decodes backslash escapes (unless raw): \\ \' \" \a \b \f \n \r \t \v,
// octal, \xhh, and for str also \uXXXX, \UXXXXXXXX and \N{NAME}; a backslash
// before a newline joins lines; unknown escapes are kept as written (CPython
// only warns). Str output is UTF-8, lone surrogates encoded as 3-byte
// sequences (WTF-8). Bytes bodies must be ASCII ("bytes can only contain
// ASCII literal characters"). Returns false and fills `error` on an invalid escape.
bool DecodeStringBody(std::string_view body, bool raw, bool bytes, LiteralContext context,
                      std::string& out, LiteralError* error);
// The same, without a copy when there is nothing to decode (the common case):
// `value` is then `body` itself, else the decoding, written to `buffer`.
bool DecodeStringValue(std::string_view body, bool raw, bool bytes, LiteralContext context,
                       std::string& buffer, std::string_view& value, LiteralError* error);

// A Number token's value: kInt (text = the literal without underscores:
// `token_text` itself when it has none, else a copy kept in `arena`), kFloat
// or kComplex (number = the value / imaginary part).
ConstantValue ParseNumber(std::string_view token_text, Arena& arena);

// The decimal digits of an integer literal as stored in ConstantValue::text,
// of any size ("0x10" -> "16", "0b1" -> "1", "1_000" -> "1000").
std::string IntLiteralToDecimal(std::string_view literal);

}  // namespace dsaudit::python
