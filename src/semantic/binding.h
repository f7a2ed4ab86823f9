// Bindings (a name bound in a scope) and references (a name read), the two
// record types of the semantic model. Both are plain values in the model's
// vectors and point into the AST of the ParsedModule the model was built from.
#pragma once

#include <cstdint>
#include <string_view>

#include "frontend/python/ast.h"

namespace dsaudit::semantic {

using ScopeId = uint32_t;
using BindingId = uint32_t;
using ReferenceId = uint32_t;
inline constexpr uint32_t kNoId = ~uint32_t{0};

enum class BindingKind : uint8_t {
  kAssignment,           // x = ..., including tuple/list/starred unpacking targets
  kAugmentedAssignment,  // x += ...
  kAnnotatedAssignment,  // x: int = ...
  kAnnotation,           // x: int (declares the name local, binds nothing)
  kNamedExpr,            // (x := ...)
  kForTarget,            // for x in ...
  kWithTarget,           // with ... as x
  kComprehensionTarget,  // [... for x in ...]
  kImport,               // import a.b (binds a), import a.b as c
  kFromImport,           // from a import b [as c], relative too
  kFunctionDefinition,
  kClassDefinition,
  kParameter,
  kGlobal,         // global x (a declaration, recorded where it is written)
  kNonlocal,       // nonlocal x (likewise)
  kExceptHandler,  // except E as x
  kMatchCapture,   // case [x, *rest] / {**rest} / ... as x
  kDeletion,       // del x
  kTypeParam,      // def f[T]
  kTypeAlias,      // type X = ...
};

std::string_view BindingKindName(BindingKind kind);

// Bit flags of Binding::flags.
namespace binding_flags {
inline constexpr uint16_t kUnpacked = 1 << 0;        // a target inside a tuple/list/starred
inline constexpr uint16_t kRedirected = 1 << 1;      // bound via global/nonlocal from another scope
inline constexpr uint16_t kInTypeChecking = 1 << 2;  // under `if TYPE_CHECKING:`
inline constexpr uint16_t kInTry = 1 << 3;           // in a try body (guarded imports)
inline constexpr uint16_t kInExceptHandler = 1 << 4;
inline constexpr uint16_t kInMainGuard = 1 << 5;       // under `if __name__ == "__main__":`
inline constexpr uint16_t kExplicitReexport = 1 << 6;  // import a as a, from m import a as a
inline constexpr uint16_t kFutureImport = 1 << 7;      // from __future__ import ...
inline constexpr uint16_t kConditional = 1 << 8;  // a deletion inside a branch: unbinds nothing
}  // namespace binding_flags

struct Binding {
  std::string_view name;
  // The node that binds: Name (Store), Alias, FunctionDef, AsyncFunctionDef,
  // ClassDef, Arg, ExceptHandler, MatchAs/MatchStar/MatchMapping, TypeVar,
  // ParamSpec, TypeVarTuple, or the Global/Nonlocal/Delete statement.
  const python::Node* node = nullptr;
  // The statement that contains the binding (the Import for an Alias).
  const python::Node* statement = nullptr;
  // Where the name itself is written (a def's name, not its decorators).
  python::Position pos;
  ScopeId scope = kNoId;
  BindingKind kind = BindingKind::kAssignment;
  uint16_t flags = 0;
  // The binding of the same name in the same scope that this one replaced.
  BindingId shadowed = kNoId;
  // Imports only: the dotted name the binding stands for ("pandas",
  // "sklearn.model_selection.train_test_split", ".utils.f").
  std::string_view qualified_name;

  bool Is(uint16_t flag) const { return (flags & flag) != 0; }
  bool IsImport() const { return kind == BindingKind::kImport || kind == BindingKind::kFromImport; }
};

// Bit flags of Reference::flags.
namespace reference_flags {
inline constexpr uint16_t kBuiltin = 1 << 0;          // resolved to a builtin (binding is kNoId)
inline constexpr uint16_t kUnresolved = 1 << 1;       // F821 candidate
inline constexpr uint16_t kUnboundLocal = 1 << 2;     // local name read where it is not bound
inline constexpr uint16_t kAnnotation = 1 << 3;       // inside an annotation
inline constexpr uint16_t kExport = 1 << 4;           // a string in the module's __all__
inline constexpr uint16_t kAugmented = 1 << 5;        // the read half of x += ...
inline constexpr uint16_t kDeletion = 1 << 6;         // del x
inline constexpr uint16_t kDeclaration = 1 << 7;      // global x / nonlocal x
inline constexpr uint16_t kImplicit = 1 << 8;         // __class__, __module__, __qualname__
inline constexpr uint16_t kMaybeStarImport = 1 << 9;  // unresolved, but a star import may define it
inline constexpr uint16_t kInTypeChecking = 1 << 10;
inline constexpr uint16_t kForwardReference = 1 << 11;  // in a string annotation
}  // namespace reference_flags

struct Reference {
  std::string_view name;
  // A Name (Load or Del), the Constant string of an __all__ entry, or a
  // Global/Nonlocal statement.
  const python::Node* node = nullptr;
  python::Position pos;
  ScopeId scope = kNoId;      // where the name is read
  BindingId binding = kNoId;  // what it reads; kNoId for builtins and unresolved names
  uint16_t flags = 0;

  bool Is(uint16_t flag) const { return (flags & flag) != 0; }
};

}  // namespace dsaudit::semantic
