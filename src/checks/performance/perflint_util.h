// Ruff's light type inference (ruff_python_semantic::analyze::typing) and
// the other semantic queries the perflint rules share, over our model.
#pragma once

#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::perflint {

// The binding a Name reads when that binding replaced no earlier binding of
// the name in its scope (ruff's only_binding), or kNoId.
semantic::BindingId OnlyBinding(const semantic::SemanticModel& model, const python::Node* name);
// Ruff gives a module-level `__all__` its own binding kind (Export): no
// type, no value.
bool IsExport(const semantic::Binding& binding);
// Ruff's notion of a used binding: a new binding inherits the references of
// the one it shadows, so a name read before its rebinding counts as used.
bool IsUsedAsRuff(const semantic::SemanticModel& model, semantic::BindingId id);
// The value a binding was assigned (`x = v`, `x: T = v`, `(x := v)`,
// `with v as x`), looking through tuple unpacking; nullptr if none.
const python::Expr* BindingValue(const semantic::SemanticModel& model, semantic::BindingId id);
// Whether ruff's typing analysis considers the binding a list / a dict.
bool IsList(const semantic::SemanticModel& model, semantic::BindingId id);
bool IsDict(const semantic::SemanticModel& model, semantic::BindingId id);
// Structural equality ignoring contexts and positions (ruff's ComparableExpr).
bool ExprEqual(const python::Node* a, const python::Node* b);
// Whether any Name in the expression has the id.
bool MentionsName(const python::Node* expr, std::string_view id);
// The nearest statement containing the statement (Module when none).
const python::Node* ParentStatement(const semantic::SemanticModel& model, const python::Node* node);
bool EndsBefore(const python::Position& a, const python::Position& b);

}  // namespace dsaudit::checks::perflint
