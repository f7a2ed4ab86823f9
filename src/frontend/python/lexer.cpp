// A port of the behaviour of CPython 3.12's Parser/tokenizer.c, written for
// speed: one pass over the text, a character-class table, no allocation per
// token. Error messages and positions follow CPython so our first error can be
// compared with compile(); unlike CPython we keep going after an error.
#include "frontend/python/lexer.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dsaudit::python {
namespace {

// CPython's limits (MAXLEVEL, MAXINDENT, MAXFSTRINGLEVEL, MAX_EXPR_NESTING).
constexpr size_t kMaxBracketDepth = 200;
constexpr size_t kMaxIndent = 100;
constexpr size_t kMaxFStringNesting = 150;
constexpr int kMaxFieldNesting = 3;
constexpr uint32_t kTabSize = 8;
// CPython stops at the first error; we go on, but binary garbage could give
// one error per byte, so later ones are dropped.
constexpr size_t kMaxErrors = 1000;

enum CharFlag : uint8_t {
  kIdentStart = 1,  // a-z A-Z _ and every byte >= 0x80
  kIdentChar = 2,   // kIdentStart and 0-9
  kDigit = 4,
  kHexDigit = 8,
  kOperator = 16,  // starts an operator or bracket
  kSpace = 32,     // ' ', '\t' and '\f' between tokens
};

constexpr std::array<uint8_t, 256> MakeCharTable() {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    uint8_t flags = 0;
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    bool digit = c >= '0' && c <= '9';
    if (letter) flags |= kIdentStart | kIdentChar;
    if (digit) flags |= kIdentChar | kDigit | kHexDigit;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) flags |= kHexDigit;
    table[c] = flags;
  }
  for (char c : std::string_view("()[]{}:,;+-*/|&<>=.%~^@!")) {
    table[static_cast<unsigned char>(c)] |= kOperator;
  }
  for (char c : std::string_view(" \t\f")) table[static_cast<unsigned char>(c)] |= kSpace;
  return table;
}

constexpr std::array<uint8_t, 256> kCharTable = MakeCharTable();

inline bool Is(char c, uint8_t flag) {
  return (kCharTable[static_cast<unsigned char>(c)] & flag) != 0;
}

struct KeywordEntry {
  std::string_view text;
  TokenKind kind;
};

constexpr KeywordEntry kTokenSpellings[] = {
#define DSAUDIT_KEYWORD_ENTRY(name, spelling) {spelling, TokenKind::k##name},
    DSAUDIT_PYTHON_TOKENS(DSAUDIT_KEYWORD_ENTRY)
#undef DSAUDIT_KEYWORD_ENTRY
};

// Up to 8 bytes of a name as one little-endian integer, so a keyword
// candidate is checked with one compare instead of a memcmp call.
constexpr uint64_t PackName(std::string_view name) {
  uint64_t packed = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    packed |= static_cast<uint64_t>(static_cast<unsigned char>(name[i])) << (8 * i);
  }
  return packed;
}

// Keywords bucketed by name length and first letter: every bucket holds at
// most three keywords ("if", "in", "is"), compared as packed integers.
struct KeywordTable {
  struct Candidate {
    uint64_t packed = 0;
    TokenKind kind = TokenKind::kName;
  };
  // [length - 2][letter][slot]
  std::array<std::array<std::array<Candidate, 3>, 26>, 7> buckets{};
};

constexpr KeywordTable MakeKeywordTable() {
  KeywordTable table;
  for (size_t i = static_cast<size_t>(TokenKind::kFalse); i <= static_cast<size_t>(TokenKind::kYield); ++i) {
    std::string_view text = kTokenSpellings[i].text;
    int letter = (text[0] | 0x20) - 'a';
    auto& bucket = table.buckets[text.size() - 2][letter];
    size_t slot = 0;
    while (bucket[slot].kind != TokenKind::kName) ++slot;
    bucket[slot] = {PackName(text), kTokenSpellings[i].kind};
  }
  return table;
}

constexpr KeywordTable kKeywordTable = MakeKeywordTable();

// `name` points into text that has at least `readable` bytes from its start.
TokenKind KeywordKind(const char* name, size_t size, size_t readable) {
  if (size < 2 || size > 8) return TokenKind::kName;
  int letter = (name[0] | 0x20) - 'a';
  if (letter < 0 || letter >= 26) return TokenKind::kName;
  const auto& bucket = kKeywordTable.buckets[size - 2][letter];
  if (bucket[0].kind == TokenKind::kName) return TokenKind::kName;
  uint64_t packed = 0;
  if (readable >= 8) {
    std::memcpy(&packed, name, 8);
    if (size < 8) packed &= (uint64_t{1} << (8 * size)) - 1;
  } else {
    packed = PackName(std::string_view(name, size));
  }
  for (const auto& candidate : bucket) {
    if (candidate.kind == TokenKind::kName) break;
    if (candidate.packed == packed) return candidate.kind;
  }
  return TokenKind::kName;
}

// The first of `quote`, backslash or newline in [p, end), or `end`: the
// characters that can end or complicate a string body.
inline const char* FindStringSpecial(const char* p, const char* end, char quote) {
#ifdef __SSE2__
  const __m128i quotes = _mm_set1_epi8(quote);
  const __m128i backslashes = _mm_set1_epi8('\\');
  const __m128i newlines = _mm_set1_epi8('\n');
  while (end - p >= 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(chunk, quotes), _mm_cmpeq_epi8(chunk, backslashes)),
        _mm_cmpeq_epi8(chunk, newlines));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
    if (mask != 0) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < end && *p != quote && *p != '\\' && *p != '\n') ++p;
  return p;
}

// The end of the run of identifier characters (ASCII letters, digits, '_'
// and every byte >= 0x80) at p; sets *non_ascii if the run has such bytes.
// Sixteen bytes at a time: the byte loop's exit was a mispredicted branch
// for nearly every name.
inline const char* IdentifierEnd(const char* p, const char* end, bool* non_ascii) {
#ifdef __SSE2__
  while (end - p >= 16) {
    __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Folding case maps exactly the letters to 'a'..'z'; moving that range to
    // the bottom of the signed bytes makes it one compare.
    __m128i folded = _mm_or_si128(chunk, _mm_set1_epi8(0x20));
    __m128i letter =
        _mm_cmplt_epi8(_mm_sub_epi8(folded, _mm_set1_epi8(static_cast<char>('a' + 128))),
                       _mm_set1_epi8(static_cast<char>(-128 + 26)));
    __m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(chunk, _mm_set1_epi8(static_cast<char>('0' + 128))),
                                   _mm_set1_epi8(static_cast<char>(-128 + 10)));
    __m128i underscore = _mm_cmpeq_epi8(chunk, _mm_set1_epi8('_'));
    __m128i high = _mm_cmplt_epi8(chunk, _mm_setzero_si128());
    __m128i ident = _mm_or_si128(_mm_or_si128(letter, digit), _mm_or_si128(underscore, high));
    unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(ident)) & 0xFFFF;
    unsigned high_bits = static_cast<unsigned>(_mm_movemask_epi8(high));
    if (stop != 0) {
      unsigned length = static_cast<unsigned>(__builtin_ctz(stop));
      if (high_bits & ((1u << length) - 1)) *non_ascii = true;
      return p + length;
    }
    if (high_bits != 0) *non_ascii = true;
    p += 16;
  }
#endif
  // The text ends in a NUL, not an identifier character: no bounds check.
  unsigned all_bits = 0;
  while (Is(*p, kIdentChar)) {
    all_bits |= static_cast<unsigned char>(*p);
    ++p;
  }
  if (all_bits & 0x80) *non_ascii = true;
  return p;
}

bool MatchesOpening(char open, char close) {
  return (open == '(' && close == ')') || (open == '[' && close == ']') ||
         (open == '{' && close == '}');
}

// Unicode identifiers (PEP 3131) by general category: the categories of
// XID_Start / XID_Continue plus CPython's Other_ID_Start / Other_ID_Continue.
bool IsIdStart(int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      return cp == '_' || cp == 0x1885 || cp == 0x1886 || cp == 0x2118 || cp == 0x212E ||
             cp == 0x309B || cp == 0x309C;
  }
}

bool IsIdContinue(int32_t cp) {
  if (IsIdStart(cp)) return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA;
  }
}

// Python's str.isprintable() for one code point.
bool IsPrintable(int32_t cp) {
  if (cp == ' ') return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
      return false;
    default:
      return true;
  }
}

struct Bracket {
  char ch;
  bool fstring_field;  // the '{' opening an f-string replacement field
  uint32_t line;
  uint32_t col;  // byte column
  uint32_t line_start;
};

struct FString {
  char quote;
  uint8_t quote_size;
  bool raw;
  bool in_format_spec = false;
  uint32_t bracket_base;  // bracket depth outside the f-string
  int field_depth = 0;    // open replacement fields, for MAX_EXPR_NESTING
  uint32_t start;
  uint32_t line;
  uint32_t line_start;
};

class Lexer {
 public:
  explicit Lexer(const SourceText& source)
      : text_(source.text().data()), size_(static_cast<uint32_t>(source.text().size())) {
    out_.tokens.reserve(size_ / 5 + 16);
    indents_.push_back(0);
    alt_indents_.push_back(0);
  }

  TokenizedSource Run();

 private:
  char At(uint32_t pos) const { return pos < size_ ? text_[pos] : '\0'; }
  bool AtEnd() const { return pos_ >= size_; }
  uint32_t Col(uint32_t pos) const { return pos - line_start_; }
  bool InsideFString() const { return !fstrings_.empty(); }

  void NewLine(uint32_t next_line_start) {
    ++line_;
    line_start_ = next_line_start;
  }

  // Inlined everywhere: a call costs as much as the push itself.
  [[gnu::always_inline]] void Push(TokenKind kind, uint32_t start, uint32_t start_line,
                                   uint32_t start_col) {
    out_.tokens.push_back(Token{kind, false, start, pos_, start_line, start_col, line_, Col(pos_)});
  }
  // A token on the current line ending at pos_.
  [[gnu::always_inline]] void PushHere(TokenKind kind, uint32_t start) {
    Push(kind, start, line_, Col(start));
  }

  // The run of ' ' at pos: most indentation is nothing else.
  uint32_t CountSpaces(uint32_t pos) const {
    constexpr uint64_t kEightSpaces = 0x2020202020202020ull;
    const char* p = text_ + pos;
    const char* end = text_ + size_;
    for (uint64_t word; end - p >= 8; p += 8) {
      std::memcpy(&word, p, 8);
      if (word != kEightSpaces) break;
    }
    while (*p == ' ') ++p;  // stops at the terminating NUL
    return static_cast<uint32_t>(p - (text_ + pos));
  }
  uint32_t CharColumn(uint32_t line_start, uint32_t pos);
  // Records an error unless kMaxErrors were already recorded.
  bool AddError(SyntaxError error);
  // CPython's syntaxerror(): the offset counts the characters before `cur`.
  void ErrorAtCursor(std::string message, uint32_t line, uint32_t line_start, uint32_t cur,
                     const char* type = "SyntaxError");
  // CPython's errors with a known 0-based column: the offset is 1-based.
  void ErrorAtColumn(std::string message, uint32_t line, uint32_t line_start, uint32_t pos,
                     const char* type = "SyntaxError");

  void LineStart();
  void ApplyIndentation(uint32_t col, uint32_t alt_col, uint32_t first_pos);
  bool ContinuationLine(uint32_t backslash);
  void LexRegular();
  void LexNameOrPrefixedString();
  void LexIdentifier(uint32_t start);
  bool VerifyIdentifier(uint32_t start, uint32_t end);
  void LexNumber(uint32_t start);
  void LexString(uint32_t start, uint32_t quote_pos);
  void LexFStringStart(uint32_t start, uint32_t quote_pos);
  void LexFStringMiddle();
  void EndFStringField();
  void LexNewline();
  void LexOperator();
  // Returns false past the nesting limit, where nothing is pushed.
  bool OpenBracket(char c, uint32_t start);
  void CloseBracket(char c, uint32_t start);
  void SkipNumberTail();
  void Finish();

  // Number scanning helpers mirroring CPython's tok_decimal_tail() and
  // verify_end_of_number(); both report and return false on error.
  bool DecimalTail(uint32_t start);
  bool VerifyEndOfNumber(uint32_t start, const char* kind);
  void NumberError(uint32_t start, std::string message, uint32_t cur);

  const char* text_;
  uint32_t size_;
  uint32_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t line_start_ = 0;

  bool at_line_start_ = true;
  bool blank_line_ = false;
  bool line_has_tokens_ = false;
  bool fstring_middle_mode_ = false;
  bool reported_too_deep_ = false;

  std::vector<uint32_t> indents_;
  std::vector<uint32_t> alt_indents_;
  std::vector<Bracket> brackets_;
  uint32_t overflow_brackets_ = 0;  // opened past kMaxBracketDepth
  std::vector<FString> fstrings_;

  uint32_t column_cache_line_start_ = UINT32_MAX;
  uint32_t column_cache_pos_ = 0;
  uint32_t column_cache_chars_ = 0;

  TokenizedSource out_;
};

uint32_t Lexer::CharColumn(uint32_t line_start, uint32_t pos) {
  // Resume from the previous count on the same line, so many errors on one
  // long line stay linear.
  uint32_t end = pos < size_ ? pos : size_;
  uint32_t from = line_start;
  uint32_t chars = 0;
  if (column_cache_line_start_ == line_start && column_cache_pos_ <= end) {
    from = column_cache_pos_;
    chars = column_cache_chars_;
  }
  for (uint32_t i = from; i < end; ++i) {
    chars += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  }
  column_cache_line_start_ = line_start;
  column_cache_pos_ = end;
  column_cache_chars_ = chars;
  // Past the end counts the newline CPython appends to the last line.
  return chars + (pos - end);
}

bool Lexer::AddError(SyntaxError error) {
  if (out_.errors.size() >= kMaxErrors) return false;
  out_.errors.push_back(std::move(error));
  return true;
}

void Lexer::ErrorAtCursor(std::string message, uint32_t line, uint32_t line_start, uint32_t cur,
                          const char* type) {
  if (out_.errors.size() >= kMaxErrors) return;
  SyntaxError error;
  error.type = type;
  error.message = std::move(message);
  error.line = line;
  error.column = CharColumn(line_start, cur);
  error.end_line = line;
  error.end_column = error.column;
  AddError(std::move(error));
}

void Lexer::ErrorAtColumn(std::string message, uint32_t line, uint32_t line_start, uint32_t pos,
                          const char* type) {
  if (out_.errors.size() >= kMaxErrors) return;
  SyntaxError error;
  error.type = type;
  error.message = std::move(message);
  error.line = line;
  error.column = CharColumn(line_start, pos) + 1;
  AddError(std::move(error));
}

TokenizedSource Lexer::Run() {
  for (;;) {
    if (fstring_middle_mode_) {
      LexFStringMiddle();
      continue;
    }
    if (at_line_start_) LineStart();
    // The text ends in a NUL (it lives in a std::string), which stops the scan.
    const char* p = text_ + pos_;
    while (Is(*p, kSpace)) ++p;
    pos_ = static_cast<uint32_t>(p - text_);
    if (AtEnd()) break;
    LexRegular();
  }
  Finish();
  return std::move(out_);
}

// tok_continuation_line(): a backslash must be followed by a newline.
bool Lexer::ContinuationLine(uint32_t backslash) {
  uint32_t line = line_;
  uint32_t line_start = line_start_;
  // CPython appends a newline to the last line, so a backslash ending the
  // file is an EOF inside a continued line, reported after the backslash.
  auto unexpected_eof = [&] {
    ErrorAtColumn("unexpected EOF while parsing", line, line_start, backslash + 1);
  };
  pos_ = backslash + 1;
  if (pos_ >= size_) {
    unexpected_eof();
    return false;
  }
  if (text_[pos_] != '\n') {
    // CPython reports the column of the character after the backslash.
    ErrorAtColumn("unexpected character after line continuation character", line_, line_start_, pos_);
    PushHere(TokenKind::kError, backslash);
    return false;
  }
  ++pos_;
  NewLine(pos_);
  if (pos_ >= size_) {
    unexpected_eof();
    return false;
  }
  return true;
}

// Indentation of a new physical line (the atbol block of tok_get_normal_mode).
void Lexer::LineStart() {
  at_line_start_ = false;
  line_has_tokens_ = false;
  uint32_t col = 0;
  uint32_t alt_col = 0;
  uint32_t cont_line_col = 0;
  for (;;) {
    uint32_t spaces = CountSpaces(pos_);
    col += spaces;
    alt_col += spaces;
    pos_ += spaces;
    if (pos_ >= size_) break;
    char c = text_[pos_];
    if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      alt_col = alt_col + 1;
    } else if (c == '\f') {
      col = alt_col = 0;
    } else if (c == '\\') {
      // Indentation cannot be split over lines: the first backslash decides
      // (CPython's cont_line_col, where 0 means "not yet").
      if (cont_line_col == 0) cont_line_col = col;
      if (!ContinuationLine(pos_)) break;
      continue;
    } else {
      break;
    }
    ++pos_;
  }
  if (pos_ >= size_) return;  // Finish() closes the blocks
  char c = text_[pos_];
  blank_line_ = c == '#' || c == '\n';
  if (blank_line_ || !brackets_.empty() || overflow_brackets_ > 0) return;
  if (cont_line_col != 0) col = alt_col = cont_line_col;
  ApplyIndentation(col, alt_col, pos_);
}

void Lexer::ApplyIndentation(uint32_t col, uint32_t alt_col, uint32_t first_pos) {
  auto tab_error = [&] {
    ErrorAtColumn("inconsistent use of tabs and spaces in indentation", line_, line_start_,
                  line_start_, "TabError");
  };
  if (col == indents_.back()) {
    if (alt_col != alt_indents_.back()) tab_error();
    return;
  }
  if (col > indents_.back()) {
    if (indents_.size() >= kMaxIndent) {
      ErrorAtColumn("too many levels of indentation", line_, line_start_, line_start_,
                    "IndentationError");
      return;
    }
    if (alt_col <= alt_indents_.back()) tab_error();
    indents_.push_back(col);
    alt_indents_.push_back(alt_col);
    // After a bad continuation the whitespace may already be behind a token.
    uint32_t indent_start = line_start_;
    if (!out_.tokens.empty() && out_.tokens.back().end > indent_start) indent_start = out_.tokens.back().end;
    Push(TokenKind::kIndent, indent_start, line_, Col(indent_start));
    return;
  }
  while (indents_.size() > 1 && col < indents_.back()) {
    indents_.pop_back();
    alt_indents_.pop_back();
    out_.tokens.push_back(Token{TokenKind::kDedent, false, first_pos, first_pos, line_,
                                Col(first_pos), line_, Col(first_pos)});
  }
  if (col != indents_.back()) {
    // CPython points just past the end of the offending line.
    uint32_t end = first_pos;
    while (end < size_ && text_[end] != '\n') ++end;
    ++end;  // past the (possibly implicit) newline
    ErrorAtCursor("unindent does not match any outer indentation level", line_, line_start_, end,
                  "IndentationError");
    return;
  }
  if (alt_col != alt_indents_.back()) tab_error();
}

void Lexer::LexRegular() {
  uint32_t start = pos_;
  char c = text_[pos_];
  if (Is(c, kIdentStart)) {
    LexNameOrPrefixedString();
    line_has_tokens_ = true;
    return;
  }
  if (Is(c, kDigit) || (c == '.' && Is(At(pos_ + 1), kDigit))) {
    LexNumber(start);
    line_has_tokens_ = true;
    return;
  }
  switch (c) {
    case '\n':
      LexNewline();
      return;
    case '#': {
      const void* nl = std::memchr(text_ + pos_, '\n', size_ - pos_);
      pos_ = nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - text_) : size_;
      out_.comments.push_back(
          Token{TokenKind::kComment, false, start, pos_, line_, Col(start), line_, Col(pos_)});
      return;
    }
    case '"':
    case '\'':
      LexString(start, start);
      line_has_tokens_ = true;
      return;
    case '\\':
      ContinuationLine(start);
      return;
    default:
      break;
  }
  line_has_tokens_ = true;
  if (Is(c, kOperator)) {
    LexOperator();
    return;
  }
  // Any other ASCII character: '$', '?', '`' or a control character.
  ++pos_;
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
    ErrorAtCursor(fmt::format("invalid non-printable character U+{:04X}", static_cast<unsigned>(c)),
                  line_, line_start_, pos_);
  } else {
    ErrorAtColumn("invalid syntax", line_, line_start_, start);
  }
  PushHere(TokenKind::kError, start);
}

void Lexer::LexNewline() {
  uint32_t start = pos_;
  bool logical = !blank_line_ && brackets_.empty() && overflow_brackets_ == 0;
  ++pos_;
  if (logical) PushHere(TokenKind::kNewline, start);
  NewLine(pos_);
  at_line_start_ = true;
}

void Lexer::LexNameOrPrefixedString() {
  uint32_t start = pos_;
  bool non_ascii = false;
  const char* p = IdentifierEnd(text_ + start, text_ + size_, &non_ascii);
  uint32_t end = static_cast<uint32_t>(p - text_);
  char next = *p;
  if ((next == '"' || next == '\'') && end - start <= 2) {
    // The prefixes CPython accepts: r u b f and br rb fr rf, any case.
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false, valid = true;
    for (uint32_t i = start; i < end && valid; ++i) {
      char p = static_cast<char>(text_[i] | 0x20);
      if (p == 'b' && !(saw_b || saw_u || saw_f)) {
        saw_b = true;
      } else if (p == 'u' && !(saw_b || saw_u || saw_r || saw_f)) {
        saw_u = true;
      } else if (p == 'r' && !(saw_r || saw_u)) {
        saw_r = true;
      } else if (p == 'f' && !(saw_f || saw_b || saw_u)) {
        saw_f = true;
      } else {
        valid = false;
      }
    }
    if (valid) {
      if (saw_f) {
        LexFStringStart(start, end);
      } else {
        LexString(start, end);
      }
      return;
    }
  }
  pos_ = end;
  if (non_ascii && !VerifyIdentifier(start, end)) {
    PushHere(TokenKind::kError, start);
    return;
  }
  if (non_ascii) {
    PushHere(TokenKind::kName, start);
    out_.tokens.back().non_ascii = true;
    return;
  }
  PushHere(KeywordKind(text_ + start, end - start, size_ - start), start);
}

bool Lexer::VerifyIdentifier(uint32_t start, uint32_t end) {
  uint32_t i = start;
  bool first = true;
  while (i < end) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_ + i), end - i, &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    bool ok = first ? IsIdStart(cp) : IsIdContinue(cp);
    first = false;
    i += static_cast<uint32_t>(n);
    if (ok) continue;
    // CPython reports the character after the invalid one as the cursor.
    if (IsPrintable(cp)) {
      std::string ch(text_ + i - n, static_cast<size_t>(n));
      if (cp == 0xFFFD && n == 1) ch = "\xEF\xBF\xBD";
      ErrorAtCursor(fmt::format("invalid character '{}' (U+{:04X})", ch, static_cast<uint32_t>(cp)),
                    line_, line_start_, i);
    } else {
      ErrorAtCursor(
          fmt::format("invalid non-printable character U+{:04X}", static_cast<uint32_t>(cp)), line_,
          line_start_, i);
    }
    return false;
  }
  return true;
}

void Lexer::NumberError(uint32_t start, std::string message, uint32_t cur) {
  ErrorAtCursor(std::move(message), line_, line_start_, cur);
  SkipNumberTail();
  PushHere(TokenKind::kError, start);
}

// After a bad literal, skip the rest of it so one typo gives one error.
void Lexer::SkipNumberTail() {
  while (pos_ < size_ && Is(text_[pos_], kIdentChar) &&
         static_cast<unsigned char>(text_[pos_]) < 0x80)
    ++pos_;
}

bool Lexer::DecimalTail(uint32_t start) {
  for (;;) {
    while (Is(At(pos_), kDigit)) ++pos_;
    if (At(pos_) != '_') return true;
    ++pos_;
    if (!Is(At(pos_), kDigit)) {
      NumberError(start, "invalid decimal literal", pos_);
      return false;
    }
  }
}

bool Lexer::VerifyEndOfNumber(uint32_t start, const char* kind) {
  char c = At(pos_);
  auto lookahead = [&](std::string_view rest) {
    return pos_ + 1 + rest.size() <= size_ &&
           std::memcmp(text_ + pos_ + 1, rest.data(), rest.size()) == 0;
  };
  bool keyword_follows = false;
  switch (c) {
    case 'a':
      keyword_follows = lookahead("nd");
      break;
    case 'e':
      keyword_follows = lookahead("lse");
      break;
    case 'f':
      keyword_follows = lookahead("or");
      break;
    case 'i': {
      char c2 = At(pos_ + 1);
      keyword_follows = c2 == 'f' || c2 == 'n' || c2 == 's';
      break;
    }
    case 'o':
      keyword_follows = lookahead("r");
      break;
    case 'n':
      keyword_follows = lookahead("ot");
      break;
    default:
      break;
  }
  // "1if x else 2" is only a warning in CPython 3.12.
  if (keyword_follows) return true;
  if (pos_ < size_ && static_cast<unsigned char>(c) < 0x80 && Is(c, kIdentChar)) {
    NumberError(start, fmt::format("invalid {} literal", kind), pos_);
    return false;
  }
  return true;
}

// The NUMBER branch of tok_get_normal_mode, one label per helper block.
void Lexer::LexNumber(uint32_t start) {
  char c = text_[pos_];
  enum class Next { kDone, kFraction, kExponent, kImaginary, kDecimalEnd };
  Next next = Next::kDone;
  if (c == '.') {
    ++pos_;
    next = Next::kFraction;
  } else if (c == '0') {
    ++pos_;
    char k = static_cast<char>(At(pos_) | 0x20);
    if (pos_ < size_ && (k == 'x' || k == 'o' || k == 'b')) {
      ++pos_;
      const char* name = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
      auto is_digit = [k](char d) {
        if (k == 'x') return Is(d, kHexDigit);
        if (k == 'o') return d >= '0' && d <= '7';
        return d == '0' || d == '1';
      };
      for (;;) {
        if (At(pos_) == '_') ++pos_;
        char d = At(pos_);
        if (pos_ >= size_ || !is_digit(d)) {
          if (k != 'x' && Is(d, kDigit) && pos_ < size_) {
            NumberError(start, fmt::format("invalid digit '{}' in {} literal", d, name), pos_ + 1);
          } else {
            NumberError(start, fmt::format("invalid {} literal", name), pos_);
          }
          return;
        }
        while (pos_ < size_ && is_digit(text_[pos_])) ++pos_;
        if (At(pos_) != '_') break;
      }
      if (k != 'x' && Is(At(pos_), kDigit) && pos_ < size_) {
        NumberError(start, fmt::format("invalid digit '{}' in {} literal", At(pos_), name),
                    pos_ + 1);
        return;
      }
      if (!VerifyEndOfNumber(start, name)) return;
      PushHere(TokenKind::kNumber, start);
      return;
    }
    // Zeros, maybe an old-style octal (an error) or a float.
    bool nonzero = false;
    for (;;) {
      if (At(pos_) == '_') {
        ++pos_;
        if (!Is(At(pos_), kDigit)) {
          NumberError(start, "invalid decimal literal", pos_);
          return;
        }
      }
      if (At(pos_) != '0') break;
      ++pos_;
    }
    uint32_t zeros_end = pos_;
    if (Is(At(pos_), kDigit)) {
      nonzero = true;
      if (!DecimalTail(start)) return;
    }
    char d = At(pos_);
    if (d == '.') {
      ++pos_;
      next = Next::kFraction;
    } else if (d == 'e' || d == 'E') {
      next = Next::kExponent;
    } else if (d == 'j' || d == 'J') {
      next = Next::kImaginary;
    } else if (nonzero) {
      SyntaxError error;
      error.message =
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
          "integers";
      // CPython passes this range in bytes, unconverted.
      error.line = line_;
      error.column = start - line_start_ + 1;
      error.end_line = line_;
      error.end_column = zeros_end - line_start_;
      AddError(std::move(error));
      SkipNumberTail();
      PushHere(TokenKind::kError, start);
      return;
    } else {
      next = Next::kDecimalEnd;
    }
  } else {
    if (!DecimalTail(start)) return;
    char d = At(pos_);
    if (d == '.') {
      ++pos_;
      next = Next::kFraction;
    } else if (d == 'e' || d == 'E') {
      next = Next::kExponent;
    } else if (d == 'j' || d == 'J') {
      next = Next::kImaginary;
    } else {
      next = Next::kDecimalEnd;
    }
  }
  if (next == Next::kFraction) {
    if (Is(At(pos_), kDigit) && !DecimalTail(start)) return;
    char d = At(pos_);
    next = (d == 'e' || d == 'E')   ? Next::kExponent
           : (d == 'j' || d == 'J') ? Next::kImaginary
                                    : Next::kDecimalEnd;
  }
  if (next == Next::kExponent) {
    uint32_t e_pos = pos_;
    ++pos_;
    char d = At(pos_);
    if (d == '+' || d == '-') {
      ++pos_;
      if (!Is(At(pos_), kDigit)) {
        NumberError(start, "invalid decimal literal", pos_);
        return;
      }
    } else if (!Is(d, kDigit)) {
      // "1else": the 'e' belongs to a following keyword.
      pos_ = e_pos;
      if (!VerifyEndOfNumber(start, "decimal")) return;
      PushHere(TokenKind::kNumber, start);
      return;
    }
    if (!DecimalTail(start)) return;
    char j = At(pos_);
    next = (j == 'j' || j == 'J') ? Next::kImaginary : Next::kDecimalEnd;
  }
  if (next == Next::kImaginary) {
    ++pos_;
    if (!VerifyEndOfNumber(start, "imaginary")) return;
  } else if (next == Next::kDecimalEnd) {
    if (!VerifyEndOfNumber(start, "decimal")) return;
  }
  PushHere(TokenKind::kNumber, start);
}

// A complete string literal (not an f-string): prefix, quotes and body.
void Lexer::LexString(uint32_t start, uint32_t quote_pos) {
  char quote = text_[quote_pos];
  uint32_t start_line = line_;
  uint32_t start_line_start = line_start_;
  uint32_t start_col = Col(start);
  uint32_t quote_size = 1;
  pos_ = quote_pos + 1;
  if (At(pos_) == quote && At(pos_ + 1) == quote && pos_ + 1 < size_) {
    quote_size = 3;
    pos_ += 2;
  }
  const char* end = text_ + size_;
  const char* p = text_ + pos_;
  for (;;) {
    p = FindStringSpecial(p, end, quote);
    char c = p < end ? *p : '\0';
    if (p >= end || (quote_size == 1 && c == '\n')) {
      pos_ = static_cast<uint32_t>(p - text_);
      // CPython reports the error at the start of the literal.
      uint32_t detected = line_;
      if (pos_ >= size_ && size_ > 0 && text_[size_ - 1] == '\n' && line_start_ == size_)
        --detected;
      bool closes_fstring = InsideFString() && fstrings_.back().quote == quote &&
                            fstrings_.back().quote_size == quote_size;
      std::string message =
          closes_fstring ? "f-string: expecting '}'"
          : quote_size == 3
              ? fmt::format("unterminated triple-quoted string literal (detected at line {})",
                            detected)
              : fmt::format("unterminated string literal (detected at line {})", detected);
      ErrorAtCursor(std::move(message), start_line, start_line_start,
                    start_line_start + start_col + 1);
      Push(TokenKind::kError, start, start_line, start_col);
      if (closes_fstring) {
        // The quote ended the f-string: drop its open fields.
        brackets_.resize(fstrings_.back().bracket_base);
        fstrings_.pop_back();
        fstring_middle_mode_ = false;
      }
      return;
    }
    ++p;
    if (c == quote) {
      // The first run of quote_size quotes closes the literal.
      if (quote_size == 1) break;
      if (end - p >= 2 && p[0] == quote && p[1] == quote) {
        p += 2;
        break;
      }
      continue;
    }
    if (c == '\n') {
      NewLine(static_cast<uint32_t>(p - text_));
    } else if (p < end) {  // a backslash escapes the next character
      if (*p == '\n') NewLine(static_cast<uint32_t>(p + 1 - text_));
      ++p;
    }
  }
  pos_ = static_cast<uint32_t>(p - text_);
  Push(TokenKind::kString, start, start_line, start_col);
}

void Lexer::LexFStringStart(uint32_t start, uint32_t quote_pos) {
  char quote = text_[quote_pos];
  pos_ = quote_pos + 1;
  uint8_t quote_size = 1;
  if (At(pos_) == quote && At(pos_ + 1) == quote && pos_ + 1 < size_) {
    quote_size = 3;
    pos_ += 2;
  }
  if (fstrings_.size() + 1 >= kMaxFStringNesting) {
    ErrorAtCursor("too many nested f-strings", line_, line_start_, pos_);
  }
  bool raw = false;
  for (uint32_t i = start; i < quote_pos; ++i) raw |= (text_[i] | 0x20) == 'r';
  PushHere(TokenKind::kFStringStart, start);
  fstrings_.push_back(FString{quote, quote_size, raw, false,
                              static_cast<uint32_t>(brackets_.size()), 0, start, line_,
                              line_start_});
  fstring_middle_mode_ = true;
}

// Literal text of an f-string (tok_get_fstring_mode), up to a replacement
// field, the end of a format spec or the closing quote. Doubled braces stay in
// the middle's text; the parser decodes them.
void Lexer::LexFStringMiddle() {
  FString& fs = fstrings_.back();
  uint32_t start = pos_;
  uint32_t start_line = line_;
  uint32_t start_col = Col(pos_);
  bool unicode_escape = false;
  auto flush_middle = [&] {
    if (pos_ > start) Push(TokenKind::kFStringMiddle, start, start_line, start_col);
  };
  for (;;) {
    if (pos_ >= size_ || (fs.quote_size == 1 && text_[pos_] == '\n')) {
      if (pos_ < size_ && fs.in_format_spec) {
        // CPython ends the format spec at the newline and lexes on.
        flush_middle();
        fstring_middle_mode_ = false;
        return;
      }
      flush_middle();
      uint32_t detected = line_;
      if (pos_ >= size_ && size_ > 0 && text_[size_ - 1] == '\n' && line_start_ == size_)
        --detected;
      std::string message =
          fs.quote_size == 3
              ? fmt::format("unterminated triple-quoted f-string literal (detected at line {})",
                            detected)
              : fmt::format("unterminated f-string literal (detected at line {})", detected);
      ErrorAtCursor(std::move(message), fs.line, fs.line_start, fs.start + 1);
      // An empty error token tells the parser the f-string ended abnormally.
      PushHere(TokenKind::kError, pos_);
      brackets_.resize(fs.bracket_base);
      fstrings_.pop_back();
      fstring_middle_mode_ = false;
      return;
    }
    char c = text_[pos_];
    if (c == fs.quote) {
      if (fs.quote_size == 1 || (At(pos_ + 1) == c && At(pos_ + 2) == c && pos_ + 2 < size_)) {
        flush_middle();
        if (brackets_.size() > fs.bracket_base) {
          // The quote ended the f-string inside a format spec.
          ErrorAtCursor("f-string: expecting '}'", line_, line_start_, pos_ + 1);
          brackets_.resize(fs.bracket_base);
        }
        uint32_t end_start = pos_;
        pos_ += fs.quote_size;
        PushHere(TokenKind::kFStringEnd, end_start);
        fstrings_.pop_back();
        fstring_middle_mode_ = false;
        return;
      }
      ++pos_;
      continue;
    }
    switch (c) {
      case '\n':
        ++pos_;
        NewLine(pos_);
        continue;
      case '{':
        if (!fs.in_format_spec && At(pos_ + 1) == '{') {
          pos_ += 2;
          continue;
        }
        flush_middle();
        if (fs.field_depth + 1 >= kMaxFieldNesting) {
          ErrorAtCursor("f-string: expressions nested too deeply", line_, line_start_, pos_);
        }
        ++fs.field_depth;
        if (OpenBracket('{', pos_)) brackets_.back().fstring_field = true;
        fstring_middle_mode_ = false;
        return;
      case '}':
        if (unicode_escape) {
          unicode_escape = false;
          ++pos_;
          continue;
        }
        if (!fs.in_format_spec && At(pos_ + 1) == '}') {
          pos_ += 2;
          continue;
        }
        flush_middle();
        if (!fs.in_format_spec) {
          ++pos_;
          ErrorAtCursor("f-string: single '}' is not allowed", line_, line_start_, pos_);
          PushHere(TokenKind::kError, pos_ - 1);
          return;
        }
        EndFStringField();
        return;
      case '\\': {
        ++pos_;
        char n = At(pos_);
        if (pos_ >= size_ || n == '{' || n == '}') continue;
        if (!fs.raw && n == 'N' && At(pos_ + 1) == '{') {
          pos_ += 2;
          unicode_escape = true;
          continue;
        }
        ++pos_;
        if (n == '\n') NewLine(pos_);
        continue;
      }
      default:
        ++pos_;
        continue;
    }
  }
}

// A '}' closing a replacement field: back to the f-string's literal text, or
// to the format spec of an enclosing field of the same f-string.
void Lexer::EndFStringField() {
  uint32_t start = pos_;
  ++pos_;
  brackets_.pop_back();
  PushHere(TokenKind::kRightBrace, start);
  if (fstrings_.empty()) return;
  FString& fs = fstrings_.back();
  --fs.field_depth;
  fs.in_format_spec = brackets_.size() > fs.bracket_base && brackets_.back().fstring_field;
  fstring_middle_mode_ = true;
}

bool Lexer::OpenBracket(char c, uint32_t start) {
  pos_ = start + 1;
  TokenKind kind = c == '('   ? TokenKind::kLeftParen
                   : c == '[' ? TokenKind::kLeftBracket
                              : TokenKind::kLeftBrace;
  if (brackets_.size() >= kMaxBracketDepth || overflow_brackets_ > 0) {
    // Past CPython's limit: keep counting so the closers pair up, report once.
    if (overflow_brackets_ == 0 && !reported_too_deep_) {
      ErrorAtCursor("too many nested parentheses", line_, line_start_, pos_);
      reported_too_deep_ = true;
    }
    ++overflow_brackets_;
    PushHere(TokenKind::kError, start);
    return false;
  }
  brackets_.push_back(Bracket{c, false, line_, Col(start), line_start_});
  PushHere(kind, start);
  return true;
}

void Lexer::CloseBracket(char c, uint32_t start) {
  pos_ = start + 1;
  TokenKind kind = c == ')'   ? TokenKind::kRightParen
                   : c == ']' ? TokenKind::kRightBracket
                              : TokenKind::kRightBrace;
  if (overflow_brackets_ > 0) {
    --overflow_brackets_;
    PushHere(TokenKind::kError, start);
    return;
  }
  uint32_t floor = InsideFString() ? fstrings_.back().bracket_base : 0;
  if (brackets_.size() <= floor) {
    ErrorAtCursor(fmt::format("unmatched '{}'", c), line_, line_start_, pos_);
    PushHere(TokenKind::kError, start);
    return;
  }
  const Bracket& open = brackets_.back();
  if (!MatchesOpening(open.ch, c)) {
    std::string message;
    if (open.fstring_field) {
      message = fmt::format("f-string: unmatched '{}'", c);
    } else if (open.line != line_) {
      message =
          fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                      c, open.ch, open.line);
    } else {
      message = fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'", c,
                            open.ch);
    }
    ErrorAtCursor(std::move(message), line_, line_start_, pos_);
    PushHere(TokenKind::kError, start);
    return;
  }
  if (open.fstring_field) {
    pos_ = start;
    EndFStringField();
    return;
  }
  brackets_.pop_back();
  PushHere(kind, start);
}

void Lexer::LexOperator() {
  uint32_t start = pos_;
  const char* p = text_ + start;
  char c = p[0];
  // The text ends in a NUL, so p[1] is always readable, and p[2] is once p[1]
  // matched an operator character.
  char c2 = p[1];
  TokenKind kind = TokenKind::kError;
  uint32_t length = 1;
  auto one = [&](TokenKind k) { kind = k; };
  auto two = [&](TokenKind k) {
    kind = k;
    length = 2;
  };
  auto three = [&](TokenKind k) {
    kind = k;
    length = 3;
  };
  switch (c) {
    case '(':
    case '[':
    case '{':
      OpenBracket(c, start);
      return;
    case ')':
    case ']':
    case '}':
      CloseBracket(c, start);
      return;
    case ',':
      one(TokenKind::kComma);
      break;
    case '.':
      c2 == '.' && p[2] == '.' ? three(TokenKind::kEllipsis) : one(TokenKind::kDot);
      break;
    case ':':
      // A ':' at the top of a replacement field starts its format spec.
      if (InsideFString() && !brackets_.empty() && brackets_.back().fstring_field &&
          brackets_.size() > fstrings_.back().bracket_base) {
        ++pos_;
        PushHere(TokenKind::kColon, start);
        fstrings_.back().in_format_spec = true;
        fstring_middle_mode_ = true;
        return;
      }
      c2 == '=' ? two(TokenKind::kColonEqual) : one(TokenKind::kColon);
      break;
    case ';':
      one(TokenKind::kSemicolon);
      break;
    case '+':
      c2 == '=' ? two(TokenKind::kPlusEqual) : one(TokenKind::kPlus);
      break;
    case '-':
      c2 == '='   ? two(TokenKind::kMinusEqual)
      : c2 == '>' ? two(TokenKind::kArrow)
                  : one(TokenKind::kMinus);
      break;
    case '*':
      if (c2 == '*') {
        p[2] == '=' ? three(TokenKind::kDoubleStarEqual) : two(TokenKind::kDoubleStar);
      } else {
        c2 == '=' ? two(TokenKind::kStarEqual) : one(TokenKind::kStar);
      }
      break;
    case '/':
      if (c2 == '/') {
        p[2] == '=' ? three(TokenKind::kDoubleSlashEqual) : two(TokenKind::kDoubleSlash);
      } else {
        c2 == '=' ? two(TokenKind::kSlashEqual) : one(TokenKind::kSlash);
      }
      break;
    case '|':
      c2 == '=' ? two(TokenKind::kVBarEqual) : one(TokenKind::kVBar);
      break;
    case '&':
      c2 == '=' ? two(TokenKind::kAmperEqual) : one(TokenKind::kAmper);
      break;
    case '<':
      if (c2 == '<') {
        p[2] == '=' ? three(TokenKind::kLeftShiftEqual) : two(TokenKind::kLeftShift);
      } else {
        c2 == '=' ? two(TokenKind::kLessEqual) : one(TokenKind::kLess);
      }
      break;
    case '>':
      if (c2 == '>') {
        p[2] == '=' ? three(TokenKind::kRightShiftEqual) : two(TokenKind::kRightShift);
      } else {
        c2 == '=' ? two(TokenKind::kGreaterEqual) : one(TokenKind::kGreater);
      }
      break;
    case '=':
      c2 == '=' ? two(TokenKind::kEqEqual) : one(TokenKind::kEqual);
      break;
    case '%':
      c2 == '=' ? two(TokenKind::kPercentEqual) : one(TokenKind::kPercent);
      break;
    case '~':
      one(TokenKind::kTilde);
      break;
    case '^':
      c2 == '=' ? two(TokenKind::kCircumflexEqual) : one(TokenKind::kCircumflex);
      break;
    case '@':
      c2 == '=' ? two(TokenKind::kAtEqual) : one(TokenKind::kAt);
      break;
    case '!':
      c2 == '=' ? two(TokenKind::kNotEqual) : one(TokenKind::kExclamation);
      break;
    default:
      break;
  }
  pos_ = start + length;
  PushHere(kind, start);
}

void Lexer::Finish() {
  // Unclosed f-strings were reported by LexFStringMiddle at EOF.
  if (!brackets_.empty()) {
    const Bracket& open = brackets_.back();
    // CPython reports this column in bytes, not characters.
    SyntaxError error;
    error.message = fmt::format("'{}' was never closed", open.ch);
    error.line = open.line;
    error.column = open.col + 1;
    AddError(std::move(error));
  }
  // CPython appends a newline to a last line that lacks one.
  if (line_start_ < size_) {
    if (line_has_tokens_ && !blank_line_ && brackets_.empty() && overflow_brackets_ == 0) {
      out_.tokens.push_back(Token{TokenKind::kNewline, false, size_, size_, line_, Col(size_),
                                  line_, Col(size_) + 1});
    }
    NewLine(size_);
  }
  while (indents_.size() > 1) {
    indents_.pop_back();
    out_.tokens.push_back(Token{TokenKind::kDedent, false, size_, size_, line_, 0, line_, 0});
  }
  out_.tokens.push_back(Token{TokenKind::kEndMarker, false, size_, size_, line_, 0, line_, 0});
}

}  // namespace

TokenizedSource Tokenize(const SourceText& source) {
  Lexer lexer(source);
  return lexer.Run();
}

}  // namespace dsaudit::python
