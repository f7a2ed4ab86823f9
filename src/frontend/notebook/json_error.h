// Finds where a JSON document goes wrong.
//
// simdjson (3.0 in Debian 12) says what kind of error a document has but not
// where. A broken notebook deserves "line 12, column 5: expected ',' or '}'",
// so on failure the document is walked again by this small checker, which
// only runs on the error path and needs no speed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dsaudit::notebook {

struct JsonSyntaxError {
  size_t offset = 0;  // byte offset of the first byte that is wrong
  std::string what;   // lower-case, no final period
};

// The first syntax or encoding error in `json`, or nullopt when it is valid
// JSON (RFC 8259, UTF-8) nested at most `max_depth` deep.
std::optional<JsonSyntaxError> FindJsonSyntaxError(std::string_view json, int max_depth = 1024);

// Byte offset of the first invalid UTF-8 sequence, or nullopt.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

}  // namespace dsaudit::notebook
