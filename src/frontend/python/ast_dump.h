// CPython 3.11's ast.dump() text for our syntax tree.
//
// The dump is the parser's contract with its oracle: `dsaudit debug ast` and
// `make parity` compare it byte for byte with Python's
// `ast.dump(ast.parse(source), include_attributes=...)`, so every detail of
// Python's repr() of constants is reproduced here.
#pragma once

#include <string>
#include <string_view>

#include "frontend/python/ast.h"

namespace dsaudit::python {

// The text of ast.dump(node, include_attributes=include_attributes).
std::string DumpAst(const Node* node, bool include_attributes);
// The same, appended to `out` so a caller dumping many trees reuses one buffer.
void AppendAstDump(const Node* node, bool include_attributes, std::string& out);

// Python's repr() of a str given as UTF-8 (lone surrogates as 3-byte WTF-8).
void AppendStrRepr(std::string_view utf8, std::string& out);
// Python's repr() of a bytes object.
void AppendBytesRepr(std::string_view bytes, std::string& out);
// Python's repr() of a float ("1e+16", "0.0001", "10.0", "inf").
void AppendFloatRepr(double value, std::string& out);
// Python's repr() of a complex number whose real part is +0.0 ("1j", "1e+16j").
void AppendImaginaryRepr(double imag, std::string& out);

}  // namespace dsaudit::python
