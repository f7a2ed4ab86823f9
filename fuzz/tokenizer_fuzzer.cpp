// Decoding and tokenizing arbitrary bytes must never crash, hang or read out
// of bounds, and every token must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "frontend/python/lexer.h"
#include "frontend/python/source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dsaudit::python::SourceText source = dsaudit::python::SourceText::FromBytes(bytes);
  dsaudit::python::TokenizedSource tokens = dsaudit::python::Tokenize(source);
  size_t text_size = source.text().size();
  if (tokens.tokens.empty() || tokens.tokens.back().kind != dsaudit::python::TokenKind::kEndMarker) std::abort();
  uint32_t previous_end = 0;
  for (const dsaudit::python::Token& token : tokens.tokens) {
    if (token.start > token.end || token.end > text_size || token.start < previous_end) std::abort();
    previous_end = token.end;
  }
  return 0;
}
