// Helpers shared by the ruff-coded code-quality checks: ruff's notions of
// dummy names, lowercase names, decorators, method kinds, elif chains and
// the definition visibility pydocstyle and flake8-annotations use.
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include "checks/check_context.h"
#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::quality {

// The fields FunctionDef and AsyncFunctionDef share.
struct FunctionView {
  const python::Stmt* node = nullptr;
  std::string_view name;
  const python::Arguments* args = nullptr;
  std::span<python::Stmt* const> body;
  std::span<python::Expr* const> decorators;
  const python::Expr* returns = nullptr;
  python::Position name_pos;
};

// The function a FunctionDef/AsyncFunctionDef node defines, or nullopt.
std::optional<FunctionView> AsFunction(const python::Node* node);

// ruff's default dummy-variable-rgx: `_`, `__`, `_x1` (not `__init__`).
bool IsDummyName(std::string_view name);
// ruff's str::is_lowercase: no uppercase letter (non-ASCII letters must be
// lowercase ones).
bool IsLowercase(std::string_view name);
// Whether the first character is an uppercase letter.
bool StartsUppercase(std::string_view name);
// pep8-naming's default ignore-names (setUp, tearDown, maxDiff, ...).
bool IsIgnoredName(std::string_view name);

// Whether `expr` resolves to the builtin `name` (`Exception`, `builtins.Exception`).
bool IsBuiltin(const semantic::SemanticModel& model, const python::Node* expr,
               std::string_view name);
// Whether `expr` names typing.<member> or typing_extensions.<member>.
bool IsTypingMember(const semantic::SemanticModel& model, const python::Node* expr,
                    std::string_view member);
bool IsOverride(const semantic::SemanticModel& model, std::span<python::Expr* const> decorators);
bool IsOverload(const semantic::SemanticModel& model, std::span<python::Expr* const> decorators);
// ruff's visibility::is_staticmethod / is_classmethod: the bare builtin decorator.
bool HasBuiltinDecorator(const semantic::SemanticModel& model,
                         std::span<python::Expr* const> decorators, std::string_view name);

// ruff's function_type::classify.
enum class FunctionType { kFunction, kMethod, kClassMethod, kStaticMethod, kNewMethod };
FunctionType Classify(const semantic::SemanticModel& model, const FunctionView& function);

// Whether the If's orelse is an `elif` (CPython nests it as a lone If).
const python::If* ElifOf(const CheckContext& context, const python::If& statement);

// Positional, plain and keyword-only parameters (ruff's iter_non_variadic_params).
template <class Visit>
void ForEachNonVariadic(const python::Arguments& args, Visit&& visit) {
  for (python::Arg* arg : args.posonlyargs) visit(*arg);
  for (python::Arg* arg : args.args) visit(*arg);
  for (python::Arg* arg : args.kwonlyargs) visit(*arg);
}
// Each non-variadic parameter with its default (nullptr when none).
void ForEachParameterDefault(
    const python::Arguments& args,
    const std::function<void(const python::Arg&, const python::Expr*)>& visit);

// ruff's analyze::typing helpers, as flake8-bugbear's B006/B008 use them.
bool IsMutableFunc(const semantic::SemanticModel& model, const python::Expr* func);
bool IsMutableExpr(const semantic::SemanticModel& model, const python::Expr* expr);
bool IsImmutableFunc(const semantic::SemanticModel& model, const python::Expr* func);
bool IsImmutableAnnotation(const semantic::SemanticModel& model, const python::Expr* annotation);
// ruff's map_subscript: `list[int]` -> `list`.
const python::Expr* MapSubscript(const python::Expr* expr);

// ruff's docstring: the body's first statement is a plain string literal.
bool HasDocstring(std::span<python::Stmt* const> body);

// The definitions pydocstyle and flake8-annotations visit, with ruff's
// visibility (module stem, parents, __all__, underscores).
enum class MemberKind { kFunction, kNestedFunction, kMethod, kClass, kNestedClass };
struct Definition {
  MemberKind kind = MemberKind::kFunction;
  const python::Stmt* node = nullptr;  // FunctionDef, AsyncFunctionDef or ClassDef
  bool is_public = false;
};
// Visits every def and class of the module in source order.
void ForEachDefinition(const CheckContext& context,
                       const std::function<void(const Definition&)>& visit);
// Whether ruff considers the module public: no part of its path (package
// directories, file stem) starts with `_`, magic names like `__init__` aside.
bool IsPublicModule(std::string_view path);

}  // namespace dsaudit::checks::quality
