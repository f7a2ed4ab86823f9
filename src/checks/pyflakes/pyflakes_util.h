// Helpers shared by the pyflakes checks: ruff's branches, handled
// exceptions, and usage with references inherited from shadowed bindings.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <utility>

#include "checks/check.h"
#include "checks/check_context.h"

namespace dsaudit::checks::pyflakes {

// The innermost if/try/match clause a node sits in, as ruff's branches: a
// try body and its else are one branch, each handler and the finally one
// each. {nullptr, 0} at the top of the module.
std::pair<const python::Node*, int> BranchOf(const semantic::SemanticModel& model,
                                             const python::Node* node);

// Whether a try body around the node (in the same function) has a handler
// for one of `names` (builtin exception names).
bool InTryHandling(const semantic::SemanticModel& model, const python::Node* node,
                   std::initializer_list<std::string_view> names);

// ruff copies the references of a binding to the binding that replaces it:
// a binding counts as used when it or one it replaced is read.
bool UsedWithInherited(const semantic::SemanticModel& model, semantic::BindingId id);

// Where the bound name is written: `b` of `import a as b`.
python::Position AliasNamePosition(const python::Alias& alias);

// ruff's "parent" of an imported binding: the first line of its `from ...
// import (...)` statement, where a `noqa` suppresses F401/F811 of every name
// in it; 0 for other bindings.
uint32_t ImportFromNoqaLine(const semantic::Binding& binding);

// Removes `removed` aliases of an import (the whole statement when none
// remain). As ruff, a statement alone on its line is deleted with its
// trailing comment.
std::optional<Fix> RemoveImport(const CheckContext& context, const python::Stmt& statement,
                                std::span<const python::Alias* const> removed);

}  // namespace dsaudit::checks::pyflakes
