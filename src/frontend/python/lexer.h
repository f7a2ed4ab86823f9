// The Python 3.12 tokenizer.
#pragma once

#include <vector>

#include "frontend/python/source_text.h"
#include "frontend/python/syntax_error.h"
#include "frontend/python/token.h"

namespace dsaudit::python {

struct TokenizedSource {
  // Tokens the parser reads: no comments and no non-logical newlines. Always
  // ends with EndMarker, with Newline and Dedent tokens closing open lines and
  // blocks first, as CPython's tokenizer does.
  std::vector<Token> tokens;
  // Comment tokens, in source order, for noqa comments and token-based checks.
  std::vector<Token> comments;
  // Lexical errors in source order; tokenizing continues after each.
  std::vector<SyntaxError> errors;
};

TokenizedSource Tokenize(const SourceText& source);

}  // namespace dsaudit::python
