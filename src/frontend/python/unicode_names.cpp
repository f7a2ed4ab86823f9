#include "frontend/python/unicode_names.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <mutex>

namespace dsaudit::python {
namespace {

// The Jamo short names of Unicode's Hangul syllable algorithm (chapter 3.12),
// in CPython's order: leading consonants, vowels, trailing consonants.
constexpr std::string_view kHangulLeading[] = {"G", "GG", "N", "D",  "DD", "R", "M",
                                               "B", "BB", "S", "SS", "",   "J", "JJ",
                                               "C", "K",  "T", "P",  "H"};
constexpr std::string_view kHangulVowel[] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                             "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                             "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr std::string_view kHangulTrailing[] = {
    "",   "G",  "GG", "GS", "N",  "NJ", "NH", "D",  "L", "LG", "LM", "LB", "LS", "LT",
    "LP", "LH", "M",  "B",  "BS", "S",  "SS", "NG", "J", "C",  "K",  "T",  "P",  "H"};
constexpr char32_t kHangulBase = 0xAC00;

constexpr std::string_view kHangulPrefix = "HANGUL SYLLABLE ";
constexpr std::string_view kIdeographPrefix = "CJK UNIFIED IDEOGRAPH-";

char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// CPython's find_syllable: the longest Jamo name at the start of `text`
// (case-sensitively), the first of equally long ones; -1 when none matches.
template <size_t N>
int MatchJamo(std::string_view& text, const std::string_view (&names)[N]) {
  int found = -1;
  size_t found_length = 0;
  for (size_t i = 0; i < N; ++i) {
    std::string_view name = names[i];
    if (found >= 0 && name.size() <= found_length) continue;
    if (text.substr(0, name.size()) != name) continue;
    found = static_cast<int>(i);
    found_length = name.size();
  }
  if (found >= 0) text.remove_prefix(found_length);
  return found;
}

std::optional<char32_t> FindHangulSyllable(std::string_view jamo) {
  int leading = MatchJamo(jamo, kHangulLeading);
  int vowel = MatchJamo(jamo, kHangulVowel);
  int trailing = MatchJamo(jamo, kHangulTrailing);
  if (leading < 0 || vowel < 0 || trailing < 0 || !jamo.empty()) return std::nullopt;
  constexpr int kVowels = std::size(kHangulVowel);
  constexpr int kTrailings = std::size(kHangulTrailing);
  return kHangulBase + static_cast<char32_t>((leading * kVowels + vowel) * kTrailings + trailing);
}

// CPython accepts exactly four or five upper-case hex digits here.
std::optional<char32_t> ParseIdeographCode(std::string_view hex) {
  if (hex.size() != 4 && hex.size() != 5) return std::nullopt;
  char32_t value = 0;
  for (char c : hex) {
    if (c >= '0' && c <= '9') {
      value = value * 16 + static_cast<char32_t>(c - '0');
    } else if (c >= 'A' && c <= 'F') {
      value = value * 16 + static_cast<char32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

bool ReadFile(const std::string& path, std::string& text) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) return false;
  std::streamoff size = file.tellg();
  if (size < 0) return false;
  text.resize(static_cast<size_t>(size));
  file.seekg(0);
  return static_cast<bool>(file.read(text.data(), size));
}

bool ParseCodePoint(std::string_view hex, char32_t& code_point) {
  uint32_t value = 0;
  auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  if (ec != std::errc() || end != hex.data() + hex.size() || value > 0x10FFFF) return false;
  code_point = value;
  return true;
}

// Calls visit(code point, name) for the first two `;` fields of every data
// line; false if a line is malformed.
template <class Visit>
bool ForEachRecord(std::string_view text, Visit&& visit) {
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    size_t first = line.find(';');
    if (first == std::string_view::npos) return false;
    size_t second = line.find(';', first + 1);
    char32_t code_point = 0;
    if (!ParseCodePoint(line.substr(0, first), code_point)) return false;
    visit(code_point, line.substr(first + 1, second - first - 1));
  }
  return true;
}

}  // namespace

UnicodeNameTable UnicodeNameTable::Load(std::string_view directory) {
  UnicodeNameTable table;
  std::string base(directory);
  for (std::string_view file : {"UnicodeData.txt", "NameAliases.txt"}) {
    std::string path = base + "/" + std::string(file);
    std::string text;
    if (!ReadFile(path, text)) {
      table.load_error_ = "cannot read " + path + "; install Debian's unicode-data package";
      break;
    }
    bool ok = file == "UnicodeData.txt" ? table.ReadUnicodeData(text) : table.ReadNameAliases(text);
    if (!ok) {
      table.load_error_ = "malformed Unicode name data in " + path;
      break;
    }
  }
  if (!table.loaded()) {
    table.names_.clear();
    table.entries_.clear();
    table.ideograph_ranges_.clear();
    return table;
  }
  std::sort(table.entries_.begin(), table.entries_.end(),
            [&table](const Entry& a, const Entry& b) { return table.NameOf(a) < table.NameOf(b); });
  return table;
}

const UnicodeNameTable& UnicodeNameTable::System() {
  static std::once_flag once;
  static UnicodeNameTable* table = nullptr;
  std::call_once(once, [] { table = new UnicodeNameTable(Load(kUnicodeDataDirectory)); });
  return *table;
}

bool UnicodeNameTable::ReadUnicodeData(const std::string& text) {
  entries_.reserve(40000);
  names_.reserve(1 << 20);
  char32_t range_start = 0;
  return ForEachRecord(text, [&](char32_t code_point, std::string_view name) {
    if (!name.starts_with('<')) {
      AddName(name, code_point);
      return;
    }
    // Ideographs are listed as <CJK Ideograph..., First>/<..., Last> pairs;
    // their names are computed, as are Hangul syllables' (fixed by Unicode).
    if (!name.starts_with("<CJK Ideograph")) return;
    if (name.ends_with(", First>")) range_start = code_point;
    if (name.ends_with(", Last>")) ideograph_ranges_.emplace_back(range_start, code_point);
  });
}

bool UnicodeNameTable::ReadNameAliases(const std::string& text) {
  return ForEachRecord(
      text, [&](char32_t code_point, std::string_view alias) { AddName(alias, code_point); });
}

void UnicodeNameTable::AddName(std::string_view name, char32_t code_point) {
  Entry entry{static_cast<uint32_t>(names_.size()), static_cast<uint32_t>(name.size()), code_point};
  for (char c : name) names_ += AsciiUpper(c);
  entries_.push_back(entry);
}

bool UnicodeNameTable::IsUnifiedIdeograph(char32_t code_point) const {
  return std::any_of(ideograph_ranges_.begin(), ideograph_ranges_.end(), [&](const auto& range) {
    return range.first <= code_point && code_point <= range.second;
  });
}

std::optional<char32_t> UnicodeNameTable::Find(std::string_view name) const {
  if (!loaded()) return std::nullopt;
  // Like CPython: these prefixes are case-sensitive, and a name with one of
  // them is never looked up in the table.
  if (name.starts_with(kHangulPrefix)) {
    return FindHangulSyllable(name.substr(kHangulPrefix.size()));
  }
  if (name.starts_with(kIdeographPrefix)) {
    std::optional<char32_t> code_point = ParseIdeographCode(name.substr(kIdeographPrefix.size()));
    if (!code_point || !IsUnifiedIdeograph(*code_point)) return std::nullopt;
    return code_point;
  }
  std::string upper(name);
  for (char& c : upper) c = AsciiUpper(c);
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), upper,
      [this](const Entry& entry, const std::string& key) { return NameOf(entry) < key; });
  if (it == entries_.end() || NameOf(*it) != upper) return std::nullopt;
  return it->code_point;
}

}  // namespace dsaudit::python
