#include "frontend/python/source_text.h"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dsaudit::python {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// CPython's valid_utf8(): strict UTF-8 (no overlongs, surrogates or code
// points past U+10FFFF). Returns the sequence length, 0 when invalid.
size_t ValidUtf8Length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  unsigned lead = byte(0);
  size_t expected = 0;
  if (lead < 0x80) return 1;
  if (lead < 0xE0) {
    if (lead < 0xC2) return 0;
    expected = 1;
  } else if (lead < 0xF0) {
    if (lead == 0xE0 && byte(1) < 0xA0) return 0;
    if (lead == 0xED && byte(1) >= 0xA0) return 0;
    expected = 2;
  } else if (lead < 0xF5) {
    if (byte(1) < 0x90 ? lead == 0xF0 : lead == 0xF4) return 0;
    expected = 3;
  } else {
    return 0;
  }
  for (size_t k = 1; k <= expected; ++k) {
    unsigned b = byte(k);
    if (b < 0x80 || b >= 0xC0) return 0;
  }
  return expected + 1;
}

// CRLF and lone CR become LF, as CPython's translate_newlines() does.
std::string TranslateNewlines(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const void* found = std::memchr(in.data() + i, '\r', in.size() - i);
    size_t cr =
        found ? static_cast<size_t>(static_cast<const char*>(found) - in.data()) : in.size();
    out.append(in.data() + i, cr - i);
    if (cr == in.size()) break;
    out.push_back('\n');
    i = cr + 1;
    if (i < in.size() && in[i] == '\n') ++i;
  }
  return out;
}

// CPython's get_normal_name(): canonical spellings for utf-8 and latin-1.
std::string NormalEncodingName(std::string_view name) {
  std::string buf;
  for (size_t i = 0; i < name.size() && i < 12; ++i) {
    char c = name[i];
    buf.push_back(c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  auto is_or_prefix = [&](std::string_view canonical) {
    return buf == canonical ||
           (buf.size() > canonical.size() && buf.compare(0, canonical.size(), canonical) == 0 &&
            buf[canonical.size()] == '-');
  };
  if (is_or_prefix("utf-8")) return "utf-8";
  if (is_or_prefix("latin-1") || is_or_prefix("iso-8859-1") || is_or_prefix("iso-latin-1")) {
    return "iso-8859-1";
  }
  return std::string(name);
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// CPython's get_coding_spec(): the line must be a comment, then the first
// "coding[:=][ \t]*([-\w.]+)" in it names the encoding.
std::optional<std::string> CodingSpec(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i >= line.size() || line[i] != '#') return std::nullopt;
  for (size_t pos = line.find("coding", i); pos != std::string_view::npos;
       pos = line.find("coding", pos + 1)) {
    size_t t = pos + 6;
    if (t >= line.size() || (line[t] != ':' && line[t] != '=')) continue;
    ++t;
    while (t < line.size() && (line[t] == ' ' || line[t] == '\t')) ++t;
    size_t begin = t;
    while (t < line.size() &&
           (IsAsciiAlnum(line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.')) {
      ++t;
    }
    if (t > begin) return NormalEncodingName(line.substr(begin, t - begin));
  }
  return std::nullopt;
}

// Only whitespace and possibly a comment: CPython then also looks at line 2.
bool IsBlankOrComment(std::string_view line) {
  for (char c : line) {
    if (c == '#') return true;
    if (c != ' ' && c != '\t' && c != '\f' && c != '\r') return false;
  }
  return true;
}

struct Declaration {
  std::string encoding;
  uint32_t line = 0;
};

// PEP 263: line 1, or line 2 when line 1 is blank or a comment. Like CPython
// reading a string, a line only counts once its newline is seen.
std::optional<Declaration> FindDeclaration(std::string_view bytes) {
  size_t nl1 = bytes.find_first_of("\r\n");
  if (nl1 == std::string_view::npos) return std::nullopt;
  std::string_view first = bytes.substr(0, nl1);
  if (auto spec = CodingSpec(first)) return Declaration{*spec, 1};
  if (!IsBlankOrComment(first)) return std::nullopt;
  size_t start2 = nl1 + 1;
  if (bytes[nl1] == '\r' && start2 < bytes.size() && bytes[start2] == '\n') ++start2;
  size_t nl2 = bytes.find_first_of("\r\n", start2);
  if (nl2 == std::string_view::npos) return std::nullopt;
  if (auto spec = CodingSpec(bytes.substr(start2, nl2 - start2))) return Declaration{*spec, 2};
  return std::nullopt;
}

// Python codec names that glibc's iconv spells differently.
std::string IconvName(std::string_view python_name) {
  std::string name;
  for (char c : python_name)
    name.push_back(c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  struct Alias {
    std::string_view python;
    std::string_view iconv;
  };
  static constexpr Alias kAliases[] = {
      {"latin", "ISO-8859-1"},
      {"latin1", "ISO-8859-1"},
      {"l1", "ISO-8859-1"},
      {"iso8859-1", "ISO-8859-1"},
      {"u8", "UTF-8"},
      {"utf", "UTF-8"},
      {"utf8", "UTF-8"},
      {"cp65001", "UTF-8"},
      {"us-ascii", "ASCII"},
      {"646", "ASCII"},
      {"windows-1252", "CP1252"},
      {"shift-jis", "SHIFT_JIS"},
      {"sjis", "SHIFT_JIS"},
      {"euc-jp", "EUC-JP"},
      {"gb2312", "GB2312"},
      {"latin-9", "ISO-8859-15"},
      {"latin9", "ISO-8859-15"},
      {"l9", "ISO-8859-15"},
  };
  for (const Alias& alias : kAliases) {
    if (name == alias.python) return std::string(alias.iconv);
  }
  std::transform(name.begin(), name.end(), name.begin(), [](char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  });
  return name;
}

struct Decoded {
  std::string utf8;
  bool ok = true;
  size_t bad_offset = 0;
};

// glibc iconv; stops at the first undecodable byte.
std::optional<Decoded> DecodeWithIconv(std::string_view bytes, const std::string& encoding) {
  iconv_t cd = iconv_open("UTF-8", IconvName(encoding).c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  Decoded result;
  result.utf8.resize(bytes.size() * 4 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* out = result.utf8.data();
  size_t out_left = result.utf8.size();
  while (in_left > 0) {
    size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      size_t used = static_cast<size_t>(out - result.utf8.data());
      result.utf8.resize(result.utf8.size() * 2);
      out = result.utf8.data() + used;
      out_left = result.utf8.size() - used;
      continue;
    }
    result.ok = false;
    result.bad_offset = static_cast<size_t>(in - bytes.data());
    break;
  }
  iconv_close(cd);
  result.utf8.resize(static_cast<size_t>(out - result.utf8.data()));
  return result;
}

// 1-based line and 1-based character column of a byte offset.
std::pair<uint32_t, uint32_t> Position(std::string_view text, size_t offset) {
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  uint32_t column = 1;
  for (size_t i = line_start; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

SyntaxError MakeError(std::string message, std::string_view text, size_t offset) {
  SyntaxError error;
  error.message = std::move(message);
  auto [line, column] = Position(text, offset);
  error.line = line;
  error.column = column;
  return error;
}

// Replaces invalid UTF-8 with U+FFFD so the rest stays tokenizable; returns
// the offset of the first invalid byte in `bytes`, or npos.
size_t RepairUtf8(std::string_view bytes, std::string& out) {
  size_t first_bad = std::string_view::npos;
  out.reserve(bytes.size());
  size_t i = 0;
  while (i < bytes.size()) {
    size_t run = i;
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out.append(bytes.data() + i, run - i);
    i = run;
    if (i >= bytes.size()) break;
    size_t length = ValidUtf8Length(bytes, i);
    if (length == 0) {
      if (first_bad == std::string_view::npos) first_bad = i;
      out.append(kReplacementChar);
      ++i;
      continue;
    }
    out.append(bytes.data() + i, length);
    i += length;
  }
  return first_bad;
}

// Length of the prefix of plain ASCII: no byte >= 0x80, CR or NUL.
size_t PlainAsciiPrefix(const char* data, size_t size) {
  size_t i = 0;
#ifdef __SSE2__
  const __m128i crs = _mm_set1_epi8('\r');
  const __m128i zeros = _mm_setzero_si128();
  for (; i + 16 <= size; i += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i special = _mm_or_si128(_mm_cmpeq_epi8(chunk, crs), _mm_cmpeq_epi8(chunk, zeros));
    // movemask of the chunk itself gives the high bits.
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(chunk, special)));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < size; ++i) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c >= 0x80 || c == '\r' || c == 0) return i;
  }
  return size;
}

// Strict UTF-8 without CR or NUL: text that needs no repair, newline
// translation or NUL error, so it can be used as it is.
bool IsPlainUtf8(std::string_view bytes) {
  size_t i = 0;
  for (;;) {
    i += PlainAsciiPrefix(bytes.data() + i, bytes.size() - i);
    if (i >= bytes.size()) return true;
    if (static_cast<unsigned char>(bytes[i]) < 0x80) return false;  // CR or NUL
    size_t length = ValidUtf8Length(bytes, i);
    if (length == 0) return false;
    i += length;
  }
}

}  // namespace

SourceText SourceText::FromUtf8(std::string_view utf8) {
  SourceText source;
  source.text_ = TranslateNewlines(utf8);
  source.IndexLines();
  return source;
}

SourceText SourceText::FromBytes(std::string_view bytes) {
  SourceText source;
  if (bytes.substr(0, kBom.size()) == kBom) {
    source.had_bom_ = true;
    bytes.remove_prefix(kBom.size());
  }
  std::optional<SyntaxError> error;
  auto set_error = [&](SyntaxError e) {
    if (!error) error = std::move(e);
  };

  std::optional<Declaration> declaration = FindDeclaration(bytes);
  std::string decoded;
  if (declaration) {
    std::string lowered = declaration->encoding;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](char c) {
      return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    source.encoding_ = lowered;
  }
  bool is_utf8 = !declaration || declaration->encoding == "utf-8" ||
                 IconvName(declaration->encoding) == "UTF-8";
  if (declaration && source.had_bom_ && declaration->encoding != "utf-8") {
    SyntaxError e;
    e.message = fmt::format("encoding problem: {} with BOM", declaration->encoding);
    e.line = declaration->line;
    set_error(std::move(e));
  }

  if (is_utf8 && IsPlainUtf8(bytes)) {
    // The common case: nothing to decode, repair or translate.
    source.text_.assign(bytes.data(), bytes.size());
    source.error_ = std::move(error);
    source.IndexLines();
    return source;
  }
  if (is_utf8) {
    size_t bad = RepairUtf8(bytes, decoded);
    if (bad != std::string_view::npos) {
      auto [line, column] = Position(bytes, bad);
      unsigned bad_byte = static_cast<unsigned char>(bytes[bad]);
      SyntaxError e;
      e.line = line;
      e.column = column;
      e.message = declaration
                      ? fmt::format(
                            "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in "
                            "position {}: invalid start byte",
                            bad_byte, column - 1)
                      : fmt::format(
                            "Non-UTF-8 code starting with '\\x{:02x}' on line {}, but no "
                            "encoding declared; see https://peps.python.org/pep-0263/ for details",
                            bad_byte, line);
      set_error(std::move(e));
    }
  } else {
    std::optional<Decoded> result = DecodeWithIconv(bytes, declaration->encoding);
    if (!result) {
      SyntaxError e;
      e.message = fmt::format("unknown encoding: {}", declaration->encoding);
      e.line = declaration->line;
      set_error(std::move(e));
      RepairUtf8(bytes, decoded);
    } else {
      decoded = std::move(result->utf8);
      if (!result->ok) {
        unsigned bad_byte = static_cast<unsigned char>(bytes[result->bad_offset]);
        std::string reason =
            source.encoding_ == "ascii" ? "ordinal not in range(128)" : "invalid start byte";
        set_error(MakeError(fmt::format("'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                                        source.encoding_, bad_byte, result->bad_offset, reason),
                            decoded, decoded.size()));
        // Keep the undecodable tail visible so later positions still exist.
        RepairUtf8(bytes.substr(result->bad_offset), decoded);
      }
    }
  }

  source.text_ = TranslateNewlines(decoded);
  size_t nul = source.text_.find('\0');
  if (nul != std::string::npos) {
    set_error(MakeError("source code cannot contain null bytes", source.text_, nul));
  }
  source.error_ = std::move(error);
  source.IndexLines();
  return source;
}

void SourceText::IndexLines() {
  line_starts_.clear();
  line_starts_.reserve(text_.size() / 24 + 2);
  line_starts_.push_back(0);
  const char* data = text_.data();
  size_t size = text_.size();
  // A newline ending the text starts no line.
  auto add = [&](size_t nl) {
    if (nl + 1 < size) line_starts_.push_back(static_cast<uint32_t>(nl + 1));
  };
  size_t i = 0;
#ifdef __SSE2__
  const __m128i newlines = _mm_set1_epi8('\n');
  for (; i + 16 <= size; i += 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newlines)));
    for (; mask != 0; mask &= mask - 1) add(i + static_cast<size_t>(__builtin_ctz(mask)));
  }
#endif
  for (; i < size; ++i) {
    if (data[i] == '\n') add(i);
  }
}

std::string_view SourceText::line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  std::string_view rest = std::string_view(text_).substr(start);
  size_t nl = rest.find('\n');
  return nl == std::string_view::npos ? rest : rest.substr(0, nl);
}

uint32_t SourceText::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

}  // namespace dsaudit::python
