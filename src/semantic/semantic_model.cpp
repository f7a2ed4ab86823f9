#include "semantic/semantic_model.h"

#include <algorithm>

#include "semantic/builtins.h"
#include "semantic/model_builder.h"

namespace dsaudit::semantic {

using python::Node;
using python::NodeKind;

std::string_view BindingKindName(BindingKind kind) {
  switch (kind) {
    case BindingKind::kAssignment:
      return "assignment";
    case BindingKind::kAugmentedAssignment:
      return "augmented-assignment";
    case BindingKind::kAnnotatedAssignment:
      return "annotated-assignment";
    case BindingKind::kAnnotation:
      return "annotation";
    case BindingKind::kNamedExpr:
      return "named-expr";
    case BindingKind::kForTarget:
      return "for-target";
    case BindingKind::kWithTarget:
      return "with-target";
    case BindingKind::kComprehensionTarget:
      return "comprehension-target";
    case BindingKind::kImport:
      return "import";
    case BindingKind::kFromImport:
      return "from-import";
    case BindingKind::kFunctionDefinition:
      return "function";
    case BindingKind::kClassDefinition:
      return "class";
    case BindingKind::kParameter:
      return "parameter";
    case BindingKind::kGlobal:
      return "global";
    case BindingKind::kNonlocal:
      return "nonlocal";
    case BindingKind::kExceptHandler:
      return "except-handler";
    case BindingKind::kMatchCapture:
      return "match-capture";
    case BindingKind::kDeletion:
      return "deletion";
    case BindingKind::kTypeParam:
      return "type-param";
    case BindingKind::kTypeAlias:
      return "type-alias";
  }
  return "?";
}

std::string_view ScopeKindName(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::kModule:
      return "module";
    case ScopeKind::kClass:
      return "class";
    case ScopeKind::kFunction:
      return "function";
    case ScopeKind::kLambda:
      return "lambda";
    case ScopeKind::kComprehension:
      return "comprehension";
    case ScopeKind::kTypeParams:
      return "type-params";
  }
  return "?";
}

SemanticModel SemanticModel::Build(const python::Module& module, const BuildOptions& options) {
  SemanticModel model;
  ModelBuilder(model, options).Run(module);
  return model;
}

namespace {

template <class Id>
std::span<const Id> Group(const std::vector<uint32_t>& offsets, const std::vector<Id>& ids,
                          uint32_t group) {
  if (group + 1 >= offsets.size()) return {};
  return std::span<const Id>(ids.data() + offsets[group], offsets[group + 1] - offsets[group]);
}

bool IsBindingNode(const Node* node) {
  switch (node->kind) {
    case NodeKind::kName:
      return static_cast<const python::Name*>(node)->ctx == python::ExprContext::kStore;
    case NodeKind::kAlias:
    case NodeKind::kFunctionDef:
    case NodeKind::kAsyncFunctionDef:
    case NodeKind::kClassDef:
    case NodeKind::kArg:
    case NodeKind::kExceptHandler:
    case NodeKind::kMatchAs:
    case NodeKind::kMatchStar:
    case NodeKind::kMatchMapping:
    case NodeKind::kTypeVar:
    case NodeKind::kParamSpec:
    case NodeKind::kTypeVarTuple:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::span<const ScopeId> SemanticModel::ChildScopes(ScopeId id) const {
  return Group(child_offsets_, child_ids_, id);
}

std::span<const BindingId> SemanticModel::ScopeBindings(ScopeId id) const {
  return Group(scope_binding_offsets_, scope_binding_ids_, id);
}

std::span<const ReferenceId> SemanticModel::BindingReferences(BindingId id) const {
  return Group(binding_ref_offsets_, binding_ref_ids_, id);
}

SemanticModel::SymbolId SemanticModel::FindSymbol(std::string_view name) const {
  if (name == kNoSymbolName) return kNoId;
  const SymbolId* symbol = symbols_.Find(name, HashString(name));
  return symbol != nullptr ? *symbol : kNoId;
}

const SemanticModel::NameSlot* SemanticModel::SymbolSlot(ScopeId scope, SymbolId symbol) const {
  uint64_t key = NameKey(scope, symbol);
  return names_.Find(key, MixHash(key));
}

const SemanticModel::NameSlot* SemanticModel::Slot(ScopeId scope, std::string_view name) const {
  SymbolId symbol = FindSymbol(name);
  return symbol != kNoId ? SymbolSlot(scope, symbol) : nullptr;
}

BindingId SemanticModel::LookupBinding(ScopeId id, std::string_view name) const {
  const NameSlot* slot = Slot(id, name);
  return slot != nullptr ? slot->current : kNoId;
}

const SemanticModel::NodeInfo* SemanticModel::Info(const Node* node) const {
  if (node == nullptr || node->node_id >= nodes_.size()) return nullptr;
  return &nodes_[node->node_id];
}

ScopeId SemanticModel::ScopeOf(const Node* node) const {
  const NodeInfo* info = Info(node);
  return info != nullptr ? info->scope : kNoId;
}

const Node* SemanticModel::Parent(const Node* node) const {
  const NodeInfo* info = Info(node);
  return info != nullptr ? info->parent : nullptr;
}

const python::Stmt* SemanticModel::EnclosingStatement(const Node* node) const {
  for (const Node* current = node; current != nullptr; current = Parent(current)) {
    if (python::CategoryOf(current->kind) == python::NodeCategory::kStmt) {
      return static_cast<const python::Stmt*>(current);
    }
  }
  return nullptr;
}

const python::Stmt* SemanticModel::EnclosingFunction(const Node* node) const {
  for (ScopeId s = ScopeOf(node); s != kNoId; s = scopes_[s].parent) {
    if (scopes_[s].kind == ScopeKind::kFunction) {
      return static_cast<const python::Stmt*>(scopes_[s].node);
    }
  }
  return nullptr;
}

const python::ClassDef* SemanticModel::EnclosingClass(const Node* node) const {
  for (ScopeId s = ScopeOf(node); s != kNoId; s = scopes_[s].parent) {
    if (scopes_[s].kind == ScopeKind::kClass) {
      return static_cast<const python::ClassDef*>(scopes_[s].node);
    }
  }
  return nullptr;
}

uint16_t SemanticModel::NodeFlags(const Node* node) const {
  const NodeInfo* info = Info(node);
  return info != nullptr ? info->flags : 0;
}

BindingId SemanticModel::BindingOf(const Node* node) const {
  if (node == nullptr || !IsBindingNode(node)) return kNoId;
  const NodeInfo* info = Info(node);
  return info != nullptr ? info->symbol : kNoId;
}

ReferenceId SemanticModel::ReferenceOf(const Node* node) const {
  const auto* name = python::DynCast<python::Name>(node);
  if (name == nullptr || name->ctx == python::ExprContext::kStore) return kNoId;
  const NodeInfo* info = Info(node);
  return info != nullptr ? info->symbol : kNoId;
}

BindingId SemanticModel::ResolveName(const Node* name) const {
  ReferenceId id = ReferenceOf(name);
  return id != kNoId ? references_[id].binding : kNoId;
}

bool SemanticModel::IsBuiltinReference(const Node* name) const {
  ReferenceId id = ReferenceOf(name);
  return id != kNoId && references_[id].Is(reference_flags::kBuiltin);
}

bool SemanticModel::IsBuiltin(std::string_view name) { return IsPythonBuiltin(name); }

std::optional<QualifiedName> SemanticModel::ResolveQualifiedName(const Node* expr) const {
  std::array<std::string_view, QualifiedName::kMaxMembers> members;
  size_t count = 0;
  const Node* current = expr;
  while (const auto* attribute = python::DynCast<python::Attribute>(current)) {
    if (count == members.size()) return std::nullopt;
    members[count++] = attribute->attr;
    current = attribute->value;
  }
  ReferenceId id = ReferenceOf(current);
  if (id == kNoId) return std::nullopt;
  const Reference& ref = references_[id];
  std::optional<QualifiedName> result;
  if (ref.binding != kNoId) {
    const Binding& binding = bindings_[ref.binding];
    if (!binding.IsImport()) return std::nullopt;
    if (!relative_imports_resolve_ && binding.qualified_name.starts_with('.')) return std::nullopt;
    result.emplace(binding.qualified_name);
  } else if (ref.Is(reference_flags::kBuiltin)) {
    result.emplace("builtins");
    result->AddMember(ref.name);
  } else {
    return std::nullopt;
  }
  while (count > 0) {
    if (!result->AddMember(members[--count])) return std::nullopt;
  }
  return result;
}

bool SemanticModel::Matches(const Node* expr, std::string_view qualified) const {
  std::optional<QualifiedName> name = ResolveQualifiedName(expr);
  return name && *name == qualified;
}

bool SemanticModel::ImportsModule(std::string_view module) const {
  // '.' sorts before every identifier character, so submodules of `module`
  // directly follow it.
  auto it = std::lower_bound(imported_modules_.begin(), imported_modules_.end(), module);
  if (it == imported_modules_.end()) return false;
  if (*it == module) return true;
  return it->size() > module.size() && it->starts_with(module) && (*it)[module.size()] == '.';
}

}  // namespace dsaudit::semantic
