// Helpers shared by the pycodestyle checks (comparisons, statements).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/check_context.h"

namespace dsaudit::checks::pycodestyle {

// The first token of `kind` starting within [begin, end) of the source.
const python::Token* FindToken(const CheckContext& context, python::TokenKind kind, uint32_t begin,
                               uint32_t end);

// A literal other than None/True/False/...: a number, string or bytes, or a
// tuple of literals (ruff's is_constant && !is_singleton).
bool IsConstantNonSingleton(const python::Expr* expr);
bool IsNoneLiteral(const python::Expr* expr);
// Returns the literal's value for True/False, nullopt for anything else.
std::optional<bool> BooleanLiteral(const python::Expr* expr);

// Replaces comparison operators of `compare`: replacements[i] (when not
// empty) becomes the i-th operator's text, spaced from its operands.
std::optional<Fix> ReplaceComparisonOperators(const CheckContext& context,
                                              const python::Compare& compare,
                                              const std::vector<std::string>& replacements);

// Whether `==` in this file may well be element-wise (numpy, pandas, torch
// ...): there `x == None` and `x is None` differ, so no fix is offered.
bool MayCompareElementwise(const CheckContext& context);

}  // namespace dsaudit::checks::pycodestyle
