// Test helpers: parse source text, build its model, find nodes and bindings.
// Header-only: only *_test.cpp files include it, and only they may call Parse
// without the library depending on test code.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/python/parser.h"
#include "semantic/scope_dump.h"
#include "semantic/semantic_model.h"

namespace dsaudit::semantic::testing {

class Analyzed {
 public:
  explicit Analyzed(std::string_view source, BuildOptions options = {});

  const SemanticModel& model() const { return model_; }
  const python::ParsedModule& parsed() const { return *parsed_; }

  // The n-th Name node (source order) with this id and context.
  const python::Name* NameNode(std::string_view id, python::ExprContext ctx, size_t n = 0) const;
  const python::Name* Load(std::string_view id, size_t n = 0) const {
    return NameNode(id, python::ExprContext::kLoad, n);
  }
  // The values of expression statements, in source order.
  std::vector<const python::Expr*> ExpressionStatements() const;
  // Bindings named `name`, in source order.
  std::vector<BindingId> BindingsNamed(std::string_view name) const;
  // "name" of each unresolved reference, in source order.
  std::vector<std::string> Unresolved() const;
  // "kind name" of each unused binding, in source order.
  std::vector<std::string> Unused() const;

 private:
  std::vector<const python::Node*> AllNodes() const;

  std::unique_ptr<python::ParsedModule> parsed_;
  SemanticModel model_;
};

namespace detail {

// Iterative: tests feed trees deeper than the stack.
inline void Collect(python::Node* root, std::vector<const python::Node*>& out) {
  std::vector<python::Node*> stack = {root};
  while (!stack.empty()) {
    python::Node* node = stack.back();
    stack.pop_back();
    out.push_back(node);
    python::ForEachChild(node, [&](python::Node* child) { stack.push_back(child); });
  }
}

inline bool Before(const python::Node* a, const python::Node* b) {
  return a->pos.line != b->pos.line ? a->pos.line < b->pos.line : a->pos.col < b->pos.col;
}

}  // namespace detail

inline Analyzed::Analyzed(std::string_view source, BuildOptions options)
    : parsed_(python::Parse(python::SourceText::FromUtf8(source))),
      model_(SemanticModel::Build(*parsed_->module, options)) {}

inline std::vector<const python::Node*> Analyzed::AllNodes() const {
  std::vector<const python::Node*> nodes;
  detail::Collect(parsed_->module, nodes);
  std::stable_sort(nodes.begin(), nodes.end(), detail::Before);
  return nodes;
}

inline const python::Name* Analyzed::NameNode(std::string_view id, python::ExprContext ctx,
                                              size_t n) const {
  for (const python::Node* node : AllNodes()) {
    const auto* name = python::DynCast<python::Name>(node);
    if (name == nullptr || name->id != id || name->ctx != ctx) continue;
    if (n-- == 0) return name;
  }
  return nullptr;
}

inline std::vector<const python::Expr*> Analyzed::ExpressionStatements() const {
  std::vector<const python::Expr*> values;
  for (const python::Node* node : AllNodes()) {
    if (const auto* stmt = python::DynCast<python::ExprStmt>(node)) values.push_back(stmt->value);
  }
  return values;
}

inline std::vector<BindingId> Analyzed::BindingsNamed(std::string_view name) const {
  std::vector<BindingId> ids;
  for (BindingId id = 0; id < model_.bindings().size(); ++id) {
    if (model_.binding(id).name == name) ids.push_back(id);
  }
  std::stable_sort(ids.begin(), ids.end(), [&](BindingId a, BindingId b) {
    const auto& pa = model_.binding(a).pos;
    const auto& pb = model_.binding(b).pos;
    return pa.line != pb.line ? pa.line < pb.line : pa.col < pb.col;
  });
  return ids;
}

inline std::vector<std::string> Analyzed::Unresolved() const {
  std::vector<std::string> names;
  for (ReferenceId id : model_.unresolved_references()) {
    names.emplace_back(model_.reference(id).name);
  }
  return names;
}

inline std::vector<std::string> Analyzed::Unused() const {
  std::vector<std::string> entries;
  for (const UnusedBinding& unused : model_.unused_bindings()) {
    entries.push_back(std::string(UnusedKindName(unused.kind)) + " " +
                      std::string(model_.binding(unused.binding).name));
  }
  return entries;
}

}  // namespace dsaudit::semantic::testing
