// Unicode character names for `\N{...}` escapes, resolved as CPython's
// unicodedata does for them: names and aliases case-insensitively, Hangul
// syllables and CJK unified ideographs computed from the name (those
// case-sensitively, as CPython does), named sequences not at all.
//
// The names come from Debian's unicode-data package rather than a table
// compiled into the binary: \N escapes are rare, so the ~2 MB text file is
// read only when the first one appears.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dsaudit::python {

inline constexpr std::string_view kUnicodeDataDirectory = "/usr/share/unicode";

class UnicodeNameTable {
 public:
  // Reads UnicodeData.txt and NameAliases.txt from `directory`. A table that
  // failed to load finds nothing and says why in load_error().
  static UnicodeNameTable Load(std::string_view directory);

  // The table from kUnicodeDataDirectory, loaded once (thread-safely) on the
  // first call.
  static const UnicodeNameTable& System();

  bool loaded() const { return load_error_.empty(); }
  const std::string& load_error() const { return load_error_; }

  // The code point called `name`, as unicodedata.lookup would find it for a
  // \N escape; nullopt for unknown names.
  std::optional<char32_t> Find(std::string_view name) const;

 private:
  struct Entry {
    uint32_t name_offset;
    uint32_t name_length;
    char32_t code_point;
  };

  bool ReadUnicodeData(const std::string& text);
  bool ReadNameAliases(const std::string& text);
  void AddName(std::string_view name, char32_t code_point);
  bool IsUnifiedIdeograph(char32_t code_point) const;
  std::string_view NameOf(const Entry& entry) const {
    return std::string_view(names_).substr(entry.name_offset, entry.name_length);
  }

  std::string load_error_;
  std::string names_;           // every name, upper case, back to back
  std::vector<Entry> entries_;  // sorted by name
  std::vector<std::pair<char32_t, char32_t>> ideograph_ranges_;  // inclusive
};

}  // namespace dsaudit::python
