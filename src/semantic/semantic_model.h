// The semantic model of one Python module: scopes, bindings, references and
// qualified names, resolved with Python's own rules (in the manner of ruff's
// ruff_python_semantic). Checks match on this, never on raw spelling.
//
// Resolution follows CPython's symbol table: LEGB lookup; class scopes are
// invisible from nested functions, lambdas and comprehensions; a name bound
// anywhere in a function is local in all of it; global/nonlocal redirect
// bindings; walrus targets in comprehensions bind in the enclosing function.
// Function and lambda bodies are resolved after the code around them (as
// ruff defers them), so a function may read module names defined later.
// Reads at module and class level see the bindings made so far in walk
// order (one path through if/else, as ruff does).
//
// The model points into the AST: it must not outlive the ParsedModule.
// Building writes everything; afterwards every method is const and the model
// may be queried from several threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "frontend/python/ast.h"
#include "frontend/python/parser.h"
#include "semantic/binding.h"
#include "semantic/flat_map.h"
#include "semantic/qualified_name.h"
#include "semantic/scope.h"

namespace dsaudit::semantic {

// Whether `path` names a package's __init__.py (by its name alone).
inline bool IsPackageInit(std::string_view path) {
  return path == "__init__.py" || path.ends_with("/__init__.py");
}

struct BuildOptions {
  // An __init__.py: the module global __path__ exists.
  bool module_is_package = false;
  // The module sits in a package (its directory holds an __init__.py), so a
  // relative import names something; outside one (stdin without a name, a
  // loose script) ruff cannot resolve it, and neither does
  // ResolveQualifiedName.
  bool in_package = true;
};

// Bit flags describing where a node sits (SemanticModel::NodeFlags).
namespace node_flags {
inline constexpr uint16_t kInLoop = 1 << 0;          // a for/while body of the same function
inline constexpr uint16_t kInMainGuard = 1 << 1;     // under if __name__ == "__main__":
inline constexpr uint16_t kInTypeChecking = 1 << 2;  // under if TYPE_CHECKING:
inline constexpr uint16_t kInTry = 1 << 3;           // a try body of the same function
inline constexpr uint16_t kInExceptHandler = 1 << 4;
inline constexpr uint16_t kInAnnotation = 1 << 5;
inline constexpr uint16_t kInFinally = 1 << 6;
// Where a string is a forward reference: an annotation, or the subscript of
// a typing generic (`Union["Frame", None]`), `cast("T", x)`, a TypeVar bound.
inline constexpr uint16_t kInTypeDefinition = 1 << 7;
// Inside Literal[...]: strings there are values, not types.
inline constexpr uint16_t kInLiteral = 1 << 8;
// Inside a string parsed as a forward reference: resolved after the module.
inline constexpr uint16_t kInStringAnnotation = 1 << 9;
}  // namespace node_flags

// One imported name: an alias of an import statement.
struct ImportRecord {
  const python::Stmt* statement = nullptr;  // Import or ImportFrom
  const python::Alias* alias = nullptr;
  BindingId binding = kNoId;  // kNoId for `from m import *`
  // The module named in the statement: "a.b" for import a.b / from a.b import c,
  // ".utils" for from .utils import f, "." for from . import x.
  std::string_view module;
  // What the bound name stands for ("a.b.c" for from a.b import c, "m.*" for a star).
  std::string_view qualified_name;
  bool is_from = false;
  bool is_star = false;
};

// An entry of the module-level __all__.
struct Export {
  std::string_view name;
  const python::Node* node = nullptr;  // the string Constant
};

enum class UnusedKind : uint8_t {
  kImport,     // F401: an import never read (not __future__, not `import a as a`)
  kLocal,      // F841: a function local assigned but never read
  kExceptName  // F841: `except E as e` where e is never read
};

struct UnusedBinding {
  BindingId binding = kNoId;
  UnusedKind kind = UnusedKind::kImport;
};

class SemanticModel {
 public:
  static SemanticModel Build(const python::Module& module, const BuildOptions& options = {});

  SemanticModel(SemanticModel&&) noexcept = default;
  SemanticModel& operator=(SemanticModel&&) noexcept = default;

  // --- scopes, bindings, references -------------------------------------
  static constexpr ScopeId kGlobalScope = 0;
  std::span<const Scope> scopes() const { return scopes_; }
  const Scope& scope(ScopeId id) const { return scopes_[id]; }
  // Nested scopes in source order.
  std::span<const ScopeId> ChildScopes(ScopeId id) const;
  // Bindings made in a scope, in source order (including those redirected
  // into it by global/nonlocal; declarations are listed where written).
  std::span<const BindingId> ScopeBindings(ScopeId id) const;
  // The binding of `name` in force at the end of the scope, or kNoId.
  BindingId LookupBinding(ScopeId id, std::string_view name) const;

  std::span<const Binding> bindings() const { return bindings_; }
  const Binding& binding(BindingId id) const { return bindings_[id]; }
  std::span<const Reference> references() const { return references_; }
  const Reference& reference(ReferenceId id) const { return references_[id]; }
  // The references that read a binding, in source order.
  std::span<const ReferenceId> BindingReferences(BindingId id) const;
  bool IsUsed(BindingId id) const { return !BindingReferences(id).empty(); }

  // --- nodes ---------------------------------------------------------------
  // The scope a node is evaluated in (kNoId for nodes outside the tree).
  // A parameter belongs to its function; its default and annotation do not.
  ScopeId ScopeOf(const python::Node* node) const;
  const python::Node* Parent(const python::Node* node) const;
  // The nearest statement containing the node (the node itself if a statement).
  const python::Stmt* EnclosingStatement(const python::Node* node) const;
  // The nearest enclosing FunctionDef/AsyncFunctionDef (lambdas and
  // comprehensions are looked through), or nullptr.
  const python::Stmt* EnclosingFunction(const python::Node* node) const;
  const python::ClassDef* EnclosingClass(const python::Node* node) const;
  uint16_t NodeFlags(const python::Node* node) const;
  bool InLoop(const python::Node* node) const { return NodeFlags(node) & node_flags::kInLoop; }
  bool InMainGuard(const python::Node* node) const {
    return NodeFlags(node) & node_flags::kInMainGuard;
  }
  bool InTypeCheckingBlock(const python::Node* node) const {
    return NodeFlags(node) & node_flags::kInTypeChecking;
  }
  // The binding a binding node creates (a Name in Store context, Alias, def,
  // class, Arg, except handler, capture pattern, type parameter), or kNoId.
  BindingId BindingOf(const python::Node* node) const;
  // The reference a Name in Load or Del context makes, or kNoId.
  ReferenceId ReferenceOf(const python::Node* node) const;
  // The binding a Name in Load context reads, or kNoId (builtin, unresolved).
  BindingId ResolveName(const python::Node* name) const;
  // Whether the Name reads a builtin (no binding in the file shadows it).
  bool IsBuiltinReference(const python::Node* name) const;
  static bool IsBuiltin(std::string_view name);

  // --- qualified names ----------------------------------------------------
  // For a Name or Attribute chain whose root resolves to an import or a
  // builtin. A local variable assigned from an import is not followed.
  std::optional<QualifiedName> ResolveQualifiedName(const python::Node* expr) const;
  bool Matches(const python::Node* expr, std::string_view qualified) const;
  // Whether any import in the file names the module or a submodule of it:
  // ImportsModule("sklearn") after `from sklearn.svm import SVC`. The cheap
  // first guard of a check.
  bool ImportsModule(std::string_view module) const;
  std::span<const ImportRecord> imports() const { return imports_; }

  // --- lint candidates ------------------------------------------------------
  // References to names no scope, builtin or star import binds, in source order.
  std::span<const ReferenceId> unresolved_references() const { return unresolved_; }
  // Bindings never read, in source order; names starting with "_" are
  // treated as intentionally unused locals, as ruff's dummy-variable rule.
  std::span<const UnusedBinding> unused_bindings() const { return unused_; }
  // Names listed in assignments to `__all__` at module level (`=`, `+=`,
  // annotated), as ruff reads them: `__all__.append/extend` calls are not
  // bindings and do not count.
  std::span<const Export> exports() const { return exports_; }
  // Whether the module assigns `__all__` at all (an empty list exports nothing).
  bool defines_all() const { return defines_all_; }
  // __all__ entries no module binding defines (ignored with a star import).
  std::span<const Export> undefined_exports() const { return undefined_exports_; }
  bool future_annotations() const { return future_annotations_; }
  // Whether part of the tree was too deeply nested to walk (CPython's
  // compiler rejects such files); nodes below the limit have no model data.
  bool truncated() const { return truncated_; }

 private:
  friend class ModelBuilder;

  SemanticModel() = default;

  enum class Declaration : uint8_t { kNone, kGlobal, kNonlocal };
  // The state of one name in one scope.
  struct NameSlot {
    BindingId current = kNoId;     // the binding in force, kNoId when unbound
    BindingId first = kNoId;       // the first binding of any kind (makes it local)
    BindingId last_bound = kNoId;  // the latest binding that bound a value
    ScopeId nonlocal_target = kNoId;
    Declaration declaration = Declaration::kNone;
    bool used = false;  // some binding of the name in the scope is read
  };
  struct NodeInfo {
    const python::Node* parent = nullptr;
    ScopeId scope = kNoId;
    uint32_t symbol = kNoId;  // BindingId or ReferenceId, by node kind
    uint16_t flags = 0;
  };

  // Names are interned once per occurrence as a SymbolId, so the lookups
  // in each scope of a chain hash and compare integers, not strings.
  using SymbolId = uint32_t;
  // A name never interned: identifiers and decoded strings are valid UTF-8.
  static constexpr std::string_view kNoSymbolName = "\xff";
  static uint64_t NameKey(ScopeId scope, SymbolId symbol) {
    return (uint64_t{scope} << 32) | symbol;
  }
  const NodeInfo* Info(const python::Node* node) const;
  SymbolId FindSymbol(std::string_view name) const;
  const NameSlot* Slot(ScopeId scope, std::string_view name) const;
  const NameSlot* SymbolSlot(ScopeId scope, SymbolId symbol) const;

  std::vector<Scope> scopes_;
  std::vector<Binding> bindings_;
  std::vector<Reference> references_;
  struct SymbolHasher {
    uint64_t operator()(std::string_view name) const { return HashString(name); }
  };
  struct NameKeyHasher {
    uint64_t operator()(uint64_t key) const { return MixHash(key); }
  };
  FlatMap<std::string_view, SymbolId, SymbolHasher, NameEqual> symbols_{kNoSymbolName};
  // (scope, symbol) -> state; the key no scope uses marks empty slots.
  FlatMap<uint64_t, NameSlot, NameKeyHasher> names_{~uint64_t{0}};
  // Indexed by python::Node::node_id; nodes never recorded keep the defaults,
  // which answer every query as "not in the model".
  std::vector<NodeInfo> nodes_;

  // CSR indexes built once at the end: offsets_[id]..offsets_[id + 1].
  std::vector<uint32_t> child_offsets_, child_ids_;
  std::vector<uint32_t> scope_binding_offsets_, scope_binding_ids_;
  std::vector<uint32_t> binding_ref_offsets_, binding_ref_ids_;

  std::vector<ImportRecord> imports_;
  std::vector<std::string_view> imported_modules_;  // sorted, unique
  std::vector<ReferenceId> unresolved_;
  std::vector<UnusedBinding> unused_;
  std::vector<Export> exports_;
  bool defines_all_ = false;
  // The trees parsed out of string annotations ("pd.DataFrame"): their names
  // are references like any other, so the trees live as long as the model.
  std::vector<std::unique_ptr<python::ParsedModule>> string_annotations_;
  std::vector<Export> undefined_exports_;
  bool future_annotations_ = false;
  bool relative_imports_resolve_ = true;
  bool truncated_ = false;
  // Joined qualified names of import bindings.
  Arena strings_;
};

}  // namespace dsaudit::semantic
