// Scopes of a Python module, as CPython's symbol table builds them.
#pragma once

#include <cstdint>
#include <string_view>

#include "frontend/python/ast.h"
#include "semantic/binding.h"

namespace dsaudit::semantic {

enum class ScopeKind : uint8_t {
  kModule,
  kClass,
  kFunction,
  kLambda,
  kComprehension,  // list/set/dict comprehensions and generator expressions
  kTypeParams,     // PEP 695: the annotation scope of def f[T], class C[T], type X[T]
};

std::string_view ScopeKindName(ScopeKind kind);

// Bit flags of Scope::flags.
namespace scope_flags {
inline constexpr uint8_t kUsesStarImport = 1 << 0;  // from m import * in this scope
inline constexpr uint8_t kUsesLocals = 1 << 1;      // calls the builtin locals()
}  // namespace scope_flags

struct Scope {
  ScopeKind kind = ScopeKind::kModule;
  ScopeId parent = kNoId;
  // Module, ClassDef, FunctionDef, AsyncFunctionDef, Lambda, a comprehension
  // expression, or (kTypeParams) the def, class or TypeAlias declaring them.
  const python::Node* node = nullptr;
  uint8_t flags = 0;

  bool Is(uint8_t flag) const { return (flags & flag) != 0; }
  // Function-like scopes resolve names at compile time: a name bound anywhere
  // in them is local everywhere in them, and class scopes are invisible to them.
  bool IsFunctionLike() const { return kind != ScopeKind::kModule && kind != ScopeKind::kClass; }
};

}  // namespace dsaudit::semantic
