// The Python 3.12 parser: recursive descent with precedence climbing.
#pragma once

#include <memory>
#include <vector>

#include "base/arena.h"
#include "frontend/python/ast.h"
#include "frontend/python/lexer.h"
#include "frontend/python/source_text.h"
#include "frontend/python/syntax_error.h"

namespace dsaudit::python {

struct ParseOptions {
  // Bracket nesting beyond this is "too many nested parentheses" (CPython: 200).
  int max_bracket_depth = 200;
  // Recursion guard for everything else (deep unary chains, nested blocks).
  int max_recursion_depth = 1000;
};

// A parsed file. The tree is always present: on syntax errors the parser
// recovers and keeps parsing, so checks still run on the rest of the file.
struct ParsedModule {
  SourceText source;
  Arena arena;
  Module* module = nullptr;
  std::vector<Token> tokens;
  std::vector<Token> comments;
  // All errors, lexical and syntactic, in source order; the first one matches
  // what CPython's compile() raises (type, message, line, offset).
  std::vector<SyntaxError> errors;
};

// Heap-allocated so that views into `source` and `arena` stay valid.
std::unique_ptr<ParsedModule> Parse(SourceText source, const ParseOptions& options = {});

}  // namespace dsaudit::python
