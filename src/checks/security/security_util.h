// Small AST and text helpers shared by the security, cloud, monitoring and
// notebook checks: keyword lookup, literal values, ruff's truthiness of an
// expression, and redaction of secrets for messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::security {

// The keyword argument `name` of a call, or nullptr.
const python::Keyword* FindKeyword(const python::Call& call, std::string_view name);

// Whether the call passes `**mapping`, which may hold any keyword.
bool HasDoubleStarKeywords(const python::Call& call);

// Keyword `name`, else the positional argument at `position` (counting only
// the arguments before a `*args`), as ruff's find_argument_value.
const python::Expr* FindArgument(const python::Call& call, std::string_view name,
                                 size_t position);

// The value of a (possibly implicitly concatenated) str literal; nullopt for
// anything else, bytes and f-strings included.
std::optional<std::string_view> StringLiteral(const python::Node* expr);

bool IsConstTrue(const python::Node* expr);
bool IsConstFalse(const python::Node* expr);
bool IsConstNone(const python::Node* expr);

// Ruff's Truthiness: what can be said of bool(expr) without running it.
enum class Truthiness { kTrue, kFalse, kTruthy, kFalsey, kNone, kUnknown };
Truthiness TruthinessOf(const python::Expr* expr, const semantic::SemanticModel& model);
inline bool IsTruthy(Truthiness value) {
  return value == Truthiness::kTrue || value == Truthiness::kTruthy;
}

// bandit's/ruff's password-like names: password, passwd, pwd, token, secret...
bool MatchesPasswordName(std::string_view name);

// The password-like name an assignment target or comparison operand names:
// `password` of `password = ...`, `obj.password`, `d["password"]`.
std::optional<std::string_view> PasswordTarget(const python::Expr* target);

// Whether a password is on the list of the most common passwords (any case).
bool IsWeakPassword(std::string_view value);

// A secret as a message may show it: its first two characters and its
// length, `"hu…" (7 characters)`.
std::string Redact(std::string_view secret);

// The value of the single assignment `name = value` that binds a Name read,
// or nullptr (parameters, imports, unpacking, augmented assignments).
const python::Expr* AssignedValue(const python::Node* name, const semantic::SemanticModel& model);

// The module's top-level `if __name__ == "__main__":` block, or nullptr.
const python::If* FindMainGuard(const python::Module& module);

}  // namespace dsaudit::checks::security
