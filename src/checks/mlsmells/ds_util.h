// Helpers shared by the data-science checks (mlsmells, performance, gpu):
// call shapes, tree walks, and the light type guesses the checks need
// ("is this a DataFrame?") without a type checker.
#pragma once

#include <span>
#include <string_view>

#include "checks/check_context.h"
#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::ds {

// The keyword argument `name=`, or nullptr.
const python::Keyword* FindKeyword(const python::Call& call, std::string_view name);
bool HasKeyword(const python::Call& call, std::string_view name);
// Whether the call passes `**mapping` (which may hold any keyword).
bool HasDoubleStar(const python::Call& call);
// `attr` of `receiver.attr(...)`, or "" when the callee is not an attribute.
std::string_view MethodName(const python::Call& call);
// `receiver` of `receiver.attr(...)`, or nullptr.
const python::Expr* Receiver(const python::Call& call);
bool IsConstTrue(const python::Node* expr);
bool IsConstFalse(const python::Node* expr);
bool IsString(const python::Node* expr, std::string_view value);
bool IsNameNamed(const python::Node* expr, std::string_view id);

// Calls visit(node) for `root` and every node below it, parents first; the
// walk skips a node's children when visit returns false.
template <class Visit>
void Walk(const python::Node* root, Visit&& visit) {
  if (root == nullptr) return;
  if (!visit(root)) return;
  python::ForEachChild(const_cast<python::Node*>(root),
                       [&](python::Node* child) { Walk(child, visit); });
}
template <class Visit>
void WalkBody(std::span<python::Stmt* const> body, Visit&& visit) {
  for (const python::Stmt* statement : body) Walk(statement, visit);
}
// Whether the node is a def, lambda or class (a walk of a loop body stops there).
bool IsScopeNode(const python::Node* node);

// The nearest for/while loop whose body holds the node, within its function.
const python::Stmt* EnclosingLoop(const semantic::SemanticModel& model, const python::Node* node);
std::span<python::Stmt* const> LoopBody(const python::Stmt& loop);
// Whether any call in the body (not in nested defs) is `<x>.method(...)`.
bool BodyCallsMethod(std::span<python::Stmt* const> body, std::string_view method);
// Whether any call in the body resolves to the qualified name.
bool BodyCalls(const semantic::SemanticModel& model, std::span<python::Stmt* const> body,
               std::string_view qualified);
// Whether the file names the qualified name anywhere (an import of it, or a
// Name/Attribute resolving to it); walks the module only when an import could.
bool FileMentions(const CheckContext& context, std::string_view qualified);

// The value assigned to the binding a Name reads (`x = value`), or nullptr.
const python::Expr* AssignedValue(const semantic::SemanticModel& model, const python::Node* name);
// Light guesses of what an expression holds, following names one assignment back.
bool IsPandasValue(const semantic::SemanticModel& model, const python::Node* expr, int depth = 0);
bool IsNumpyValue(const semantic::SemanticModel& model, const python::Node* expr, int depth = 0);
// Whether the call resolves to something under the module ("pandas" matches pandas.read_csv).
bool CallsInto(const semantic::SemanticModel& model, const python::Call& call,
               std::string_view module);
// Whether a Name reads an import (a module or a class, never a data value).
bool IsImportName(const semantic::SemanticModel& model, const python::Node* expr);

}  // namespace dsaudit::checks::ds
