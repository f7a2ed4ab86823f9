#include "frontend/python/literals.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "frontend/python/unicode_names.h"

namespace dsaudit::python {
namespace {

// One-character escapes and what they stand for, position by position.
constexpr std::string_view kEscapeLetters = "\\'\"abfnrtv";
constexpr std::string_view kEscapeValues = "\\'\"\a\b\f\n\r\t\v";
static_assert(kEscapeLetters.size() == kEscapeValues.size());

bool IsOctalDigit(char c) { return c >= '0' && c <= '7'; }

bool IsAscii(char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; }

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// UTF-8, except that surrogates are encoded like any other code point so
// that "\ud800" survives (generalised UTF-8, as WTF-8 does for lone ones).
void AppendCodePoint(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// CPython rewrites a str body before decoding its escapes: every non-ASCII
// character becomes a 10-byte `\UXXXXXXXX`, and a backslash in front of one
// gains `u005c`. Its error messages count positions in that rewritten text,
// so this maps an offset of `chunk` to that count.
size_t RewrittenPosition(std::string_view chunk, size_t offset) {
  size_t position = 0;
  size_t i = 0;
  while (i < offset) {
    char c = chunk[i];
    if (c == '\\') {
      ++position;
      ++i;
      if (i >= chunk.size() || !IsAscii(chunk[i])) {
        position += 5;
        continue;
      }
      if (i < offset) {  // the escaped character is copied with its backslash
        ++position;
        ++i;
      }
      continue;
    }
    if (IsAscii(c)) {
      ++position;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      position += 10;  // one per code point: count lead bytes only
    }
    ++i;
  }
  return position;
}

// Decodes one escape-bearing body. `chunk_start_` follows CPython, which
// decodes an f-string's literal text in pieces split at doubled braces, so
// error positions restart after each.
class EscapeDecoder {
 public:
  EscapeDecoder(std::string_view body, bool bytes, LiteralContext context, std::string& out,
                LiteralError* error)
      : body_(body),
        bytes_(bytes),
        fstring_(context == LiteralContext::kFStringMiddle),
        out_(out),
        error_(error) {}

  bool Run() {
    const char* specials = fstring_ ? "\\{}" : "\\";
    size_t i = 0;
    while (i < body_.size()) {
      size_t next = body_.find_first_of(specials, i);
      if (next == std::string_view::npos) next = body_.size();
      out_.append(body_.data() + i, next - i);
      if (next == body_.size()) break;
      if (body_[next] != '\\') {
        i = UndoubleBrace(next);
        continue;
      }
      if (!DecodeEscape(next, i)) return false;
    }
    return true;
  }

 private:
  size_t UndoubleBrace(size_t at) {
    out_ += body_[at];
    if (at + 1 < body_.size() && body_[at + 1] == body_[at]) {
      chunk_start_ = at + 2;
      return at + 2;
    }
    return at + 1;
  }

  // Decodes the escape whose backslash is at `start`; `next` receives the
  // offset after it.
  bool DecodeEscape(size_t start, size_t& next) {
    size_t i = start + 1;
    if (i == body_.size()) {
      // Only reachable through the API, never from a token: CPython's str
      // path keeps the backslash, its bytes path rejects it.
      if (bytes_) return Fail(start, "(value error) Trailing \\ in string");
      out_ += '\\';
      next = i;
      return true;
    }
    char c = body_[i++];
    next = i;
    if (c == '\n') return true;
    if (size_t k = kEscapeLetters.find(c); k != std::string_view::npos) {
      out_ += kEscapeValues[k];
      return true;
    }
    if (IsOctalDigit(c)) {
      DecodeOctal(i - 1, next);
      return true;
    }
    if (c == 'x') {
      return bytes_ ? DecodeBytesHex(start, next)
                    : DecodeHex(start, 2, "truncated \\xXX escape", next);
    }
    if (!bytes_ && c == 'u') return DecodeHex(start, 4, "truncated \\uXXXX escape", next);
    if (!bytes_ && c == 'U') return DecodeHex(start, 8, "truncated \\UXXXXXXXX escape", next);
    if (!bytes_ && c == 'N') return DecodeName(start, next);
    // An unknown escape stays as written; the character after the backslash
    // is scanned again, as it may be a brace or start a multi-byte character.
    out_ += '\\';
    next = start + 1;
    return true;
  }

  void DecodeOctal(size_t first_digit, size_t& next) {
    uint32_t value = 0;
    size_t i = first_digit;
    while (i < body_.size() && i < first_digit + 3 && IsOctalDigit(body_[i])) {
      value = value * 8 + static_cast<uint32_t>(body_[i++] - '0');
    }
    next = i;
    // Above \377 CPython gives str the code point and truncates it for bytes.
    if (bytes_) {
      out_ += static_cast<char>(value & 0xFF);
    } else {
      AppendCodePoint(value, out_);
    }
  }

  bool DecodeHex(size_t start, int digits, const char* truncated, size_t& next) {
    uint32_t value = 0;
    size_t i = start + 2;
    for (int n = 0; n < digits; ++n, ++i) {
      int digit = i < body_.size() ? HexDigitValue(body_[i]) : -1;
      if (digit < 0) return FailUnicode(start, i, truncated);
      value = value * 16 + static_cast<uint32_t>(digit);
    }
    if (value > 0x10FFFF) return FailUnicode(start, i, "illegal Unicode character");
    AppendCodePoint(value, out_);
    next = i;
    return true;
  }

  bool DecodeBytesHex(size_t start, size_t& next) {
    size_t i = start + 2;
    int high = i < body_.size() ? HexDigitValue(body_[i]) : -1;
    int low = i + 1 < body_.size() ? HexDigitValue(body_[i + 1]) : -1;
    if (high < 0 || low < 0) {
      return Fail(start, "(value error) invalid \\x escape at position " + std::to_string(start));
    }
    out_ += static_cast<char>(high * 16 + low);
    next = i + 2;
    return true;
  }

  bool DecodeName(size_t start, size_t& next) {
    size_t open = start + 2;
    if (open >= body_.size() || body_[open] != '{') {
      return FailUnicode(start, std::min(open, body_.size()), "malformed \\N character escape");
    }
    size_t close = body_.find('}', open + 1);
    if (close == std::string_view::npos) {
      return FailUnicode(start, body_.size(), "malformed \\N character escape");
    }
    if (close == open + 1) return FailUnicode(start, close, "malformed \\N character escape");
    const UnicodeNameTable& names = UnicodeNameTable::System();
    if (!names.loaded()) {
      return FailUnicode(start, close + 1,
                         "\\N escapes not supported (" + names.load_error() + ")");
    }
    std::optional<char32_t> code_point = names.Find(body_.substr(open + 1, close - open - 1));
    if (!code_point) return FailUnicode(start, close + 1, "unknown Unicode character name");
    AppendCodePoint(*code_point, out_);
    next = close + 1;
    return true;
  }

  // CPython's UnicodeDecodeError text; `end` is exclusive.
  bool FailUnicode(size_t start, size_t end, const std::string& reason) {
    std::string_view chunk = body_.substr(chunk_start_);
    size_t first = RewrittenPosition(chunk, start - chunk_start_);
    size_t last = RewrittenPosition(chunk, end - chunk_start_) - 1;
    return Fail(start, "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                           std::to_string(first) + "-" + std::to_string(last) + ": " + reason);
  }

  bool Fail(size_t offset, std::string message) {
    if (error_ != nullptr) {
      error_->message = std::move(message);
      error_->offset = static_cast<uint32_t>(offset);
    }
    return false;
  }

  std::string_view body_;
  bool bytes_;
  bool fstring_;
  std::string& out_;
  LiteralError* error_;
  size_t chunk_start_ = 0;
};

bool CheckAscii(std::string_view body, LiteralError* error) {
  auto it = std::find_if(body.begin(), body.end(), [](char c) { return !IsAscii(c); });
  if (it == body.end()) return true;
  if (error != nullptr) {
    error->message = "bytes can only contain ASCII literal characters";
    error->offset = static_cast<uint32_t>(it - body.begin());
  }
  return false;
}

// Raw f-string text: only doubled braces change.
void UndoubleBraces(std::string_view body, std::string& out) {
  size_t i = 0;
  while (i < body.size()) {
    size_t brace = body.find_first_of("{}", i);
    if (brace == std::string_view::npos) brace = body.size();
    out.append(body.data() + i, brace - i);
    if (brace == body.size()) break;
    out += body[brace];
    i = brace + 1;
    if (i < body.size() && body[i] == body[brace]) ++i;
  }
}

std::string_view WithoutUnderscores(std::string_view text, std::string& buffer) {
  if (text.find('_') == std::string_view::npos) return text;
  buffer.reserve(text.size());
  for (char c : text) {
    if (c != '_') buffer += c;
  }
  return buffer;
}

// from_chars leaves the value alone when it is out of range; CPython's float()
// gives inf for overflow and 0.0 for underflow, told apart here by the decimal
// magnitude of the leading significant digit.
bool Overflows(std::string_view literal) {
  size_t e = literal.find_first_of("eE");
  int64_t exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = literal.substr(e + 1);
    bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    for (char c : digits) exponent = std::min<int64_t>(exponent * 10 + (c - '0'), int64_t{1} << 40);
    if (negative) exponent = -exponent;
  }
  std::string_view mantissa = literal.substr(0, e);
  size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : mantissa.substr(dot + 1);
  size_t first_whole = whole.find_first_not_of('0');
  if (first_whole != std::string_view::npos) {
    return exponent + static_cast<int64_t>(whole.size() - first_whole) > 0;
  }
  size_t first_fraction = fraction.find_first_not_of('0');
  if (first_fraction == std::string_view::npos) return false;
  return exponent - static_cast<int64_t>(first_fraction) > 0;
}

// `literal` has no underscores, sign or suffix; from_chars rounds correctly,
// as CPython's dtoa does, and ignores the locale.
double ParseFloat(std::string_view literal) {
  double value = 0;
  auto [end, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
  if (ec == std::errc::result_out_of_range) {
    return Overflows(literal) ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return ec == std::errc() ? value : 0.0;
}

int RadixOf(std::string_view literal) {
  if (literal.size() < 2 || literal[0] != '0') return 10;
  switch (literal[1] | 0x20) {
    case 'x':
      return 16;
    case 'o':
      return 8;
    case 'b':
      return 2;
    default:
      return 10;
  }
}

// Arbitrary-size conversion of a power-of-two radix: the number is kept as
// base-1e9 limbs (least significant first) and fed a few digits at a time.
std::string PowerOfTwoToDecimal(std::string_view digits, int radix) {
  constexpr uint64_t kLimbBase = 1'000'000'000;
  const int bits_per_digit = radix == 16 ? 4 : radix == 8 ? 3 : 1;
  const int digits_per_step = 28 / bits_per_digit;  // keeps limb * multiplier in 64 bits
  std::vector<uint32_t> limbs;
  limbs.reserve(digits.size() * bits_per_digit / 29 + 2);
  size_t i = 0;
  while (i < digits.size()) {
    uint64_t chunk = 0;
    int shift = 0;
    for (int n = 0; n < digits_per_step && i < digits.size(); ++n, ++i) {
      chunk =
          (chunk << bits_per_digit) | static_cast<uint64_t>(std::max(0, HexDigitValue(digits[i])));
      shift += bits_per_digit;
    }
    uint64_t carry = chunk;
    for (uint32_t& limb : limbs) {
      uint64_t value = (static_cast<uint64_t>(limb) << shift) + carry;
      limb = static_cast<uint32_t>(value % kLimbBase);
      carry = value / kLimbBase;
    }
    for (; carry != 0; carry /= kLimbBase)
      limbs.push_back(static_cast<uint32_t>(carry % kLimbBase));
  }
  if (limbs.empty()) return "0";
  std::string decimal = std::to_string(limbs.back());
  for (size_t k = limbs.size() - 1; k-- > 0;) {
    std::string part = std::to_string(limbs[k]);
    decimal.append(9 - part.size(), '0');
    decimal += part;
  }
  return decimal;
}

}  // namespace

namespace {

// Whether the body holds an escape (or, in an f-string, a doubled brace).
// A plain loop: find_first_of with a set calls memchr once per character.
bool NeedsDecoding(std::string_view body, bool raw, bool fstring) {
  if (!fstring) return !raw && body.find('\\') != std::string_view::npos;
  for (char c : body) {
    if (c == '{' || c == '}' || (!raw && c == '\\')) return true;
  }
  return false;
}

}  // namespace

bool DecodeStringValue(std::string_view body, bool raw, bool bytes, LiteralContext context,
                       std::string& buffer, std::string_view& value, LiteralError* error) {
  buffer.clear();
  value = {};
  if (bytes && !CheckAscii(body, error)) return false;
  bool fstring = context == LiteralContext::kFStringMiddle;
  if (!NeedsDecoding(body, raw, fstring)) {
    value = body;
    return true;
  }
  if (raw) {
    UndoubleBraces(body, buffer);
    value = buffer;
    return true;
  }
  buffer.reserve(body.size());
  bool ok = EscapeDecoder(body, bytes, context, buffer, error).Run();
  value = buffer;
  return ok;
}

bool DecodeStringBody(std::string_view body, bool raw, bool bytes, LiteralContext context,
                      std::string& out, LiteralError* error) {
  std::string_view value;
  bool ok = DecodeStringValue(body, raw, bytes, context, out, value, error);
  if (value.data() != out.data()) out.assign(value);
  return ok;
}

ConstantValue ParseNumber(std::string_view token_text, Arena& arena) {
  std::string buffer;
  std::string_view literal = WithoutUnderscores(token_text, buffer);
  ConstantValue value;
  if (!literal.empty() && (literal.back() == 'j' || literal.back() == 'J')) {
    value.kind = ConstantKind::kComplex;
    value.number = ParseFloat(literal.substr(0, literal.size() - 1));
    return value;
  }
  if (RadixOf(literal) != 10 || literal.find_first_of(".eE") == std::string_view::npos) {
    value.kind = ConstantKind::kInt;
    value.text = literal.data() == token_text.data() ? literal : arena.CopyString(literal);
    return value;
  }
  value.kind = ConstantKind::kFloat;
  value.number = ParseFloat(literal);
  return value;
}

std::string IntLiteralToDecimal(std::string_view literal) {
  std::string buffer;
  literal = WithoutUnderscores(literal, buffer);
  int radix = RadixOf(literal);
  std::string_view digits = radix == 10 ? literal : literal.substr(2);
  digits.remove_prefix(std::min(digits.find_first_not_of('0'), digits.size()));
  if (digits.empty()) return "0";
  if (radix == 10) return std::string(digits);
  const size_t bits_per_digit = radix == 16 ? 4 : radix == 8 ? 3 : 1;
  if (digits.size() * bits_per_digit > 64) return PowerOfTwoToDecimal(digits, radix);
  uint64_t value = 0;
  for (char c : digits)
    value =
        value * static_cast<uint64_t>(radix) + static_cast<uint64_t>(std::max(0, HexDigitValue(c)));
  char text[24];
  auto [end, ec] = std::to_chars(text, text + sizeof(text), value);
  return std::string(text, end);
}

}  // namespace dsaudit::python
