#pragma once

#include <cstdint>
#include <string>

namespace dsaudit::python {

// A syntax error as CPython reports it: `type` is the exception class name
// (SyntaxError, IndentationError, TabError), `line` is 1-based and `column`
// is CPython's 1-based character offset (SyntaxError.offset), so our first
// error can be compared with `compile()` directly. `end_*` follow the same
// convention and are 0 when CPython reports none.
struct SyntaxError {
  std::string type = "SyntaxError";
  std::string message;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
};

}  // namespace dsaudit::python
