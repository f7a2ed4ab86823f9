// The names Python resolves without a binding in the file: builtins and the
// module attributes every module has.
#pragma once

#include <span>
#include <string_view>

namespace dsaudit::semantic {

// dir(builtins) of CPython 3.11 and 3.12 (the same set), plus the module
// globals __file__, __builtins__, __cached__ and __annotations__, plus
// WindowsError (defined on Windows only, used in platform-guarded code).
bool IsPythonBuiltin(std::string_view name);

// The sorted list behind IsPythonBuiltin.
std::span<const std::string_view> PythonBuiltins();

}  // namespace dsaudit::semantic
