// Builds a SemanticModel in one walk over the tree plus a queue of deferred
// function, lambda and lazily evaluated bodies (as ruff's Checker does).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::semantic {

class ModelBuilder {
 public:
  ModelBuilder(SemanticModel& model, const BuildOptions& options);
  void Run(const python::Module& module);

 private:
  using Node = python::Node;
  using NameSlot = SemanticModel::NameSlot;
  using SymbolId = SemanticModel::SymbolId;

  // A body evaluated later than the code around it.
  struct Deferred {
    enum class Kind : uint8_t { kFunction, kLambda, kExpr, kStringAnnotation };
    Kind kind;
    Node* node;          // the def, Lambda, or expression
    const Node* parent;  // parent of node (for kExpr)
    const Node* statement;
    ScopeId scope;  // the scope the body runs in
    uint16_t flags;
  };

  // --- walking ---
  void Visit(Node* node);
  void VisitChildren(Node* node);
  void VisitBody(std::span<python::Stmt*> body);
  void VisitStatement(Node* node);
  void VisitExpression(Node* node);
  void VisitName(python::Name* name);
  template <class Def>
  void VisitFunction(Def* def);
  template <class Def>
  void BindDeclaredGlobals(Def* def);
  void VisitClass(python::ClassDef* def);
  void VisitLambda(python::Lambda* lambda);
  void VisitComprehension(Node* node, std::span<python::Comprehension*> generators,
                          std::initializer_list<python::Expr*> elements);
  void VisitTry(std::span<python::Stmt*> body, std::span<python::ExceptHandler*> handlers,
                std::span<python::Stmt*> orelse, std::span<python::Stmt*> finalbody);
  void VisitIf(python::If* node);
  void VisitLoop(python::Expr* target, python::Expr* iter, std::span<python::Stmt*> body,
                 std::span<python::Stmt*> orelse);
  void VisitImport(python::Import* node);
  void VisitImportFrom(python::ImportFrom* node);
  void VisitDeclaration(python::Stmt* node, std::span<python::Identifier> names, bool global);
  void VisitAnnotation(python::Expr* annotation);
  void VisitSubscript(python::Subscript* subscript);
  void VisitCall(python::Call* call);
  // A string in a type definition: parsed as the expression it stands for
  // and resolved after the module, as a forward reference is.
  void DeferStringAnnotation(python::Constant* constant);
  void VisitStringAnnotation(python::Constant* constant);
  void VisitStore(python::Expr* target, BindingKind kind);
  void VisitArguments(python::Arguments* args, ScopeId function_scope, bool annotations);
  ScopeId PushTypeParams(Node* owner, std::span<python::TypeParam*> params);
  void RunDeferred();
  void BindParameters(python::Arguments* args);
  void CloseOpenScope();

  // --- recording ---
  void Record(const Node* node, uint32_t symbol = kNoId);
  void RecordIn(const Node* node, ScopeId scope);
  SemanticModel::NodeInfo& InfoFor(const Node* node);
  void SetSymbol(const Node* node, uint32_t symbol);
  ScopeId NewScope(ScopeKind kind, const Node* node);
  // The name's symbol, interned on first sight.
  SymbolId SymbolFor(std::string_view name);
  NameSlot& SlotFor(ScopeId scope, SymbolId symbol);
  BindingId Bind(BindingKind kind, std::string_view name, const Node* node, python::Position pos,
                 uint16_t flags = 0);
  void AddBinding(const Binding& binding, SymbolId symbol);
  void Unbind(BindingId id);
  ReferenceId Resolve(std::string_view name, const Node* node, uint16_t flags);
  void ResolveOutsideScopes(Reference& ref, SymbolId symbol);
  uint16_t ContextBindingFlags() const;
  uint16_t ContextReferenceFlags() const;
  std::string_view Intern(std::string_view a, std::string_view b, std::string_view c = {});
  bool IsTypeCheckingTest(const python::Expr* test) const;
  void CollectExports(const python::Expr* value, int depth = 0);
  void NoteModuleAllStatement(Node* node);

  // --- finishing ---
  void Finish();
  void ResolveExports();
  void FinishUnresolved();
  void BuildIndexes();
  void FindUnused();

  SemanticModel& m_;
  BuildOptions options_;
  ScopeId scope_ = 0;
  const Node* parent_ = nullptr;
  const Node* statement_ = nullptr;
  uint16_t flags_ = 0;
  int branch_depth_ = 0;
  BindingKind store_kind_ = BindingKind::kAssignment;
  uint16_t store_flags_ = 0;
  // The function-like scope being walked: names read in it before they are
  // bound are flagged kUnboundLocal when it closes (Python's compile-time
  // rule); they stay resolved in source order, as ruff resolves them.
  ScopeId open_scope_ = kNoId;
  int depth_ = 0;
  struct PendingReference {
    ReferenceId reference;
    SymbolId symbol;
  };
  std::vector<PendingReference> pending_;
  std::vector<Deferred> deferred_;
  // By BindingId and by SymbolId: what the model's public records lack.
  std::vector<SymbolId> binding_symbols_;
  // Whether each symbol names a builtin; looked up on first need only.
  enum class Builtin : uint8_t { kUnknown, kNo, kYes };
  std::vector<Builtin> symbol_builtin_;
  std::string scratch_;
  // Where each scope's first `from m import *` is: ruff walks module and
  // class bodies in order, so only names read after it may come from it.
  std::unordered_map<ScopeId, python::Position> star_import_at_;
  // The Annotated[...] subscript tuple being visited: only its first element
  // is a type, the rest is runtime metadata.
  const python::Node* annotated_arguments_ = nullptr;
  // Ids for nodes parsed out of strings, after the module's own.
  uint32_t next_node_id_ = 0;
};

}  // namespace dsaudit::semantic
