#include "frontend/notebook/json_error.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace dsaudit::notebook {
namespace {

std::string Describe(unsigned char c) {
  if (c >= 0x21 && c < 0x7f) return fmt::format("character '{}'", static_cast<char>(c));
  return fmt::format("byte 0x{:02x}", c);
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Recursive descent over RFC 8259; recursion is bounded by `max_depth`.
class JsonChecker {
 public:
  JsonChecker(std::string_view json, int max_depth) : json_(json), max_depth_(max_depth) {}

  std::optional<JsonSyntaxError> Run() {
    if (!Value(0)) return error_;
    SkipWhitespace();
    if (pos_ < json_.size()) Fail("unexpected data after the end of the JSON document");
    return error_;
  }

 private:
  bool Fail(std::string what) {
    error_ = JsonSyntaxError{pos_, std::move(what)};
    return false;
  }
  bool FailAtEnd(std::string_view expected) {
    return Fail(fmt::format("the file ends where {} was expected (truncated?)", expected));
  }
  void SkipWhitespace() {
    while (pos_ < json_.size() && (json_[pos_] == ' ' || json_[pos_] == '\t' ||
                                   json_[pos_] == '\n' || json_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Expect(char c, std::string_view expected) {
    SkipWhitespace();
    if (pos_ == json_.size()) return FailAtEnd(expected);
    if (json_[pos_] != c) {
      return Fail(fmt::format("expected {}, found {}", expected,
                              Describe(static_cast<unsigned char>(json_[pos_]))));
    }
    ++pos_;
    return true;
  }

  bool Value(int depth);
  bool Container(int depth, char close);
  bool String();
  bool UnicodeEscape();
  bool Number();
  bool Literal(std::string_view word);

  std::string_view json_;
  int max_depth_;
  size_t pos_ = 0;
  std::optional<JsonSyntaxError> error_;
};

bool JsonChecker::Value(int depth) {
  SkipWhitespace();
  if (pos_ == json_.size()) return FailAtEnd("a value");
  char c = json_[pos_];
  switch (c) {
    case '{':
      return Container(depth + 1, '}');
    case '[':
      return Container(depth + 1, ']');
    case '"':
      return String();
    case 't':
      return Literal("true");
    case 'f':
      return Literal("false");
    case 'n':
      return Literal("null");
    default:
      if (c == '-' || IsDigit(c)) return Number();
      return Fail(
          fmt::format("expected a value, found {}", Describe(static_cast<unsigned char>(c))));
  }
}

bool JsonChecker::Container(int depth, char close) {
  if (depth > max_depth_) return Fail(fmt::format("nested deeper than {} levels", max_depth_));
  bool object = close == '}';
  ++pos_;
  SkipWhitespace();
  if (pos_ < json_.size() && json_[pos_] == close) {
    ++pos_;
    return true;
  }
  std::string separator = fmt::format("',' or '{}'", close);
  while (true) {
    if (object) {
      SkipWhitespace();
      if (pos_ == json_.size()) return FailAtEnd("a key");
      if (json_[pos_] != '"') return Expect('"', "a string key");
      if (!String() || !Expect(':', "':'")) return false;
    }
    if (!Value(depth)) return false;
    SkipWhitespace();
    if (pos_ == json_.size()) return FailAtEnd(separator);
    if (json_[pos_] == close) {
      ++pos_;
      return true;
    }
    if (!Expect(',', separator)) return false;
  }
}

bool JsonChecker::String() {
  ++pos_;
  while (pos_ < json_.size()) {
    unsigned char c = static_cast<unsigned char>(json_[pos_]);
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c < 0x20) return Fail(fmt::format("unescaped control {} in a string", Describe(c)));
    if (c != '\\') {
      ++pos_;
      continue;
    }
    ++pos_;
    if (pos_ == json_.size()) break;
    char escape = json_[pos_];
    if (escape == 'u') {
      if (!UnicodeEscape()) return false;
      continue;
    }
    if (std::string_view("\"\\/bfnrt").find(escape) == std::string_view::npos) {
      return Fail(fmt::format("invalid escape '\\{}' in a string", escape));
    }
    ++pos_;
  }
  return FailAtEnd("the end of a string");
}

// At the 'u' of `\uXXXX`: reads it, and the low half of a surrogate pair.
bool JsonChecker::UnicodeEscape() {
  size_t start = pos_ - 1;
  auto read_hex = [&](uint32_t& value) {
    value = 0;
    for (int k = 1; k <= 4; ++k) {
      if (pos_ + k >= json_.size()) return FailAtEnd("a \\u escape");
      char c = json_[pos_ + k];
      if (!IsHex(c)) return Fail("invalid \\u escape in a string");
      value = value * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    pos_ += 5;
    return true;
  };
  uint32_t unit = 0;
  if (!read_hex(unit)) return false;
  bool high = unit >= 0xd800 && unit <= 0xdbff;
  bool low = unit >= 0xdc00 && unit <= 0xdfff;
  if (!high && !low) return true;
  if (high && json_.substr(pos_, 2) == "\\u") {
    ++pos_;
    uint32_t next = 0;
    if (!read_hex(next)) return false;
    if (next >= 0xdc00 && next <= 0xdfff) return true;
  }
  pos_ = start;
  return Fail("unpaired surrogate in a \\u escape");
}

bool JsonChecker::Number() {
  size_t start = pos_;
  if (json_[pos_] == '-') ++pos_;
  auto digits = [&] {
    size_t first = pos_;
    while (pos_ < json_.size() && IsDigit(json_[pos_])) ++pos_;
    return pos_ > first;
  };
  if (pos_ < json_.size() && json_[pos_] == '0') {
    ++pos_;
  } else if (!digits()) {
    return Fail("invalid number");
  }
  if (pos_ < json_.size() && json_[pos_] == '.') {
    ++pos_;
    if (!digits()) return Fail("invalid number: no digits after '.'");
  }
  if (pos_ < json_.size() && (json_[pos_] == 'e' || json_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < json_.size() && (json_[pos_] == '+' || json_[pos_] == '-')) ++pos_;
    if (!digits()) return Fail("invalid number: no digits in the exponent");
  }
  // Overflow only: simdjson rounds numbers too small to represent to zero.
  double value = std::strtod(std::string(json_.substr(start, pos_ - start)).c_str(), nullptr);
  if (std::isinf(value)) {
    pos_ = start;
    return Fail("number too large");
  }
  return true;
}

bool JsonChecker::Literal(std::string_view word) {
  if (json_.substr(pos_, word.size()) == word) {
    pos_ += word.size();
    return true;
  }
  if (json_.size() - pos_ < word.size() && word.starts_with(json_.substr(pos_))) {
    return FailAtEnd(fmt::format("'{}'", word));
  }
  return Fail(
      fmt::format("expected a value, found {}", Describe(static_cast<unsigned char>(json_[pos_]))));
}

// Length of the valid UTF-8 sequence at `i`, or 0 (overlong forms,
// surrogates and values past U+10FFFF are invalid).
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xbf) return 0;
  }
  return length;
}

}  // namespace

std::optional<JsonSyntaxError> FindJsonSyntaxError(std::string_view json, int max_depth) {
  if (auto bad = FindInvalidUtf8(json)) {
    return JsonSyntaxError{*bad, fmt::format("invalid UTF-8 ({}); is this a binary file?",
                                             Describe(static_cast<unsigned char>(json[*bad])))};
  }
  return JsonChecker(json, max_depth).Run();
}

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace dsaudit::notebook
