// Python source as the tokenizer sees it: decoded to UTF-8 with LF newlines.
//
// CPython decodes the file (BOM, PEP 263 coding declaration, default UTF-8)
// and translates CRLF and lone CR to LF before tokenizing; every column it
// reports is a UTF-8 byte offset into that translated text. We do the same so
// positions compare with CPython directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/python/syntax_error.h"

namespace dsaudit::python {

class SourceText {
 public:
  // Decodes raw file bytes. On a decoding problem (invalid UTF-8, unknown
  // encoding, NUL byte) `error()` is set, and text() holds what could be
  // decoded so callers can still report positions.
  static SourceText FromBytes(std::string_view bytes);
  // Text that is already UTF-8 (notebook cells, tests); newlines normalised.
  static SourceText FromUtf8(std::string_view utf8);

  std::string_view text() const { return text_; }
  // The declared or detected encoding, lower-case as written ("utf-8" default).
  const std::string& encoding() const { return encoding_; }
  bool had_bom() const { return had_bom_; }
  const std::optional<SyntaxError>& error() const { return error_; }

  // 1-based line count; a final line without newline counts.
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // Byte offset of the start of a 1-based line.
  uint32_t line_start(uint32_t line) const { return line_starts_[line - 1]; }
  // The text of a 1-based line without its newline.
  std::string_view line(uint32_t line) const;
  // 1-based line containing a byte offset.
  uint32_t LineOf(uint32_t offset) const;

 private:
  void IndexLines();

  std::string text_;
  std::string encoding_ = "utf-8";
  bool had_bom_ = false;
  std::optional<SyntaxError> error_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace dsaudit::python
