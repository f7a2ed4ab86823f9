#include "semantic/model_builder.h"

#include <algorithm>

#include "semantic/builtins.h"

namespace dsaudit::semantic {

using python::Arg;
using python::DynCast;
using python::Expr;
using python::ExprContext;
using python::Isa;
using python::Name;
using python::NodeKind;
using python::Position;
using python::Stmt;

namespace {

// Flags that hold in a body even when it runs later (a def under the main guard).
constexpr uint16_t kPersistentFlags = node_flags::kInMainGuard | node_flags::kInTypeChecking;

// Trees deeper than this are not walked further (SemanticModel::truncated()).
// The parser accepts long operator and call chains that CPython's compiler
// rejects with RecursionError; this keeps our recursion within a small stack.
constexpr int kMaxVisitDepth = 1500;

bool IsStatement(NodeKind kind) {
  return kind >= NodeKind::kFunctionDef && kind <= NodeKind::kContinue;
}

bool IsString(const Expr* expr, std::string_view text) {
  const auto* constant = DynCast<python::Constant>(expr);
  return constant != nullptr && constant->value.kind == python::ConstantKind::kStr &&
         constant->value.text == text;
}

bool IsName(const Expr* expr, std::string_view id) {
  const auto* name = DynCast<Name>(expr);
  return name != nullptr && name->id == id;
}

// if __name__ == "__main__": (either operand order)
bool IsMainGuardTest(const Expr* test) {
  const auto* compare = DynCast<python::Compare>(test);
  if (compare == nullptr || compare->ops.size() != 1 || compare->comparators.size() != 1) {
    return false;
  }
  if (compare->ops[0] != python::CmpOperator::kEq) return false;
  const Expr* left = compare->left;
  const Expr* right = compare->comparators[0];
  return (IsName(left, "__name__") && IsString(right, "__main__")) ||
         (IsString(left, "__main__") && IsName(right, "__name__"));
}

Position NamePosition(Position name_pos, Position fallback) {
  return name_pos.line != 0 ? name_pos : fallback;
}

bool BindsName(BindingKind kind) {
  return kind != BindingKind::kAnnotation && kind != BindingKind::kGlobal &&
         kind != BindingKind::kNonlocal && kind != BindingKind::kDeletion;
}

}  // namespace

ModelBuilder::ModelBuilder(SemanticModel& model, const BuildOptions& options)
    : m_(model), options_(options) {
  m_.relative_imports_resolve_ = options.in_package;
}

void ModelBuilder::Run(const python::Module& module) {
  // ForEachChild takes mutable nodes; the builder only reads the tree.
  auto* root = const_cast<python::Module*>(&module);
  m_.scopes_.push_back(Scope{ScopeKind::kModule, kNoId, root, 0});
  m_.nodes_.assign(root->node_count, SemanticModel::NodeInfo{});
  next_node_id_ = root->node_count;
  // Sized from the node count (in the standard library a quarter of the
  // nodes are references, a ninth bindings) to spare most regrowth.
  size_t nodes = root->node_count;
  m_.references_.reserve(nodes / 4 + 16);
  m_.bindings_.reserve(nodes / 8 + 16);
  binding_symbols_.reserve(nodes / 8 + 16);
  m_.names_.Reserve(nodes / 8);
  m_.symbols_.Reserve(nodes / 16);
  parent_ = root;
  VisitBody(root->body);
  RunDeferred();
  Finish();
}

// ---------------------------------------------------------------------------
// Walking

void ModelBuilder::Visit(Node* node) {
  if (depth_ >= kMaxVisitDepth) {
    m_.truncated_ = true;
    return;
  }
  if (node->kind == NodeKind::kName) {
    VisitName(static_cast<Name*>(node));
    return;
  }
  Record(node);
  const Node* saved_parent = parent_;
  const Node* saved_statement = statement_;
  parent_ = node;
  ++depth_;
  if (IsStatement(node->kind)) {
    statement_ = node;
    VisitStatement(node);
  } else {
    VisitExpression(node);
  }
  --depth_;
  parent_ = saved_parent;
  statement_ = saved_statement;
}

void ModelBuilder::VisitChildren(Node* node) {
  python::ForEachChild(node, [this](Node* child) { Visit(child); });
}

void ModelBuilder::VisitBody(std::span<Stmt*> body) {
  for (Stmt* stmt : body) Visit(stmt);
}

void ModelBuilder::VisitStatement(Node* node) {
  switch (node->kind) {
    case NodeKind::kFunctionDef:
      return VisitFunction(static_cast<python::FunctionDef*>(node));
    case NodeKind::kAsyncFunctionDef:
      return VisitFunction(static_cast<python::AsyncFunctionDef*>(node));
    case NodeKind::kClassDef:
      return VisitClass(static_cast<python::ClassDef*>(node));
    case NodeKind::kAssign: {
      auto* assign = static_cast<python::Assign*>(node);
      Visit(assign->value);
      for (Expr* target : assign->targets) VisitStore(target, BindingKind::kAssignment);
      NoteModuleAllStatement(node);
      return;
    }
    case NodeKind::kAugAssign: {
      auto* assign = static_cast<python::AugAssign*>(node);
      Visit(assign->value);
      if (auto* name = DynCast<Name>(assign->target)) {
        Resolve(name->id, name, reference_flags::kAugmented);
        BindingId id = Bind(BindingKind::kAugmentedAssignment, name->id, name, name->pos);
        Record(name, id);
      } else {
        Visit(assign->target);
      }
      NoteModuleAllStatement(node);
      return;
    }
    case NodeKind::kAnnAssign: {
      auto* assign = static_cast<python::AnnAssign*>(node);
      VisitAnnotation(assign->annotation);
      if (assign->value != nullptr) Visit(assign->value);
      if (auto* name = DynCast<Name>(assign->target)) {
        BindingKind kind =
            assign->value != nullptr ? BindingKind::kAnnotatedAssignment : BindingKind::kAnnotation;
        Record(name, Bind(kind, name->id, name, name->pos));
      } else {
        Visit(assign->target);
      }
      NoteModuleAllStatement(node);
      return;
    }
    case NodeKind::kTypeAlias: {
      auto* alias = static_cast<python::TypeAlias*>(node);
      VisitStore(alias->name, BindingKind::kTypeAlias);
      ScopeId saved = scope_;
      if (!alias->type_params.empty()) PushTypeParams(alias, alias->type_params);
      // The value is evaluated lazily, so it may name things defined later.
      deferred_.push_back({Deferred::Kind::kExpr, alias->value, alias, alias, scope_,
                           static_cast<uint16_t>(flags_ & kPersistentFlags)});
      scope_ = saved;
      return;
    }
    case NodeKind::kFor: {
      auto* loop = static_cast<python::For*>(node);
      return VisitLoop(loop->target, loop->iter, loop->body, loop->orelse);
    }
    case NodeKind::kAsyncFor: {
      auto* loop = static_cast<python::AsyncFor*>(node);
      return VisitLoop(loop->target, loop->iter, loop->body, loop->orelse);
    }
    case NodeKind::kWhile: {
      auto* loop = static_cast<python::While*>(node);
      return VisitLoop(nullptr, loop->test, loop->body, loop->orelse);
    }
    case NodeKind::kIf:
      return VisitIf(static_cast<python::If*>(node));
    case NodeKind::kWith:
    case NodeKind::kAsyncWith: {
      auto items = node->kind == NodeKind::kWith ? static_cast<python::With*>(node)->items
                                                 : static_cast<python::AsyncWith*>(node)->items;
      for (python::WithItem* item : items) {
        Record(item);
        parent_ = item;
        Visit(item->context_expr);
        if (item->optional_vars != nullptr)
          VisitStore(item->optional_vars, BindingKind::kWithTarget);
        parent_ = node;
      }
      VisitBody(node->kind == NodeKind::kWith ? static_cast<python::With*>(node)->body
                                              : static_cast<python::AsyncWith*>(node)->body);
      return;
    }
    case NodeKind::kMatch: {
      auto* match = static_cast<python::Match*>(node);
      Visit(match->subject);
      ++branch_depth_;
      for (python::MatchCase* match_case : match->cases) {
        Record(match_case);
        parent_ = match_case;
        Visit(match_case->pattern);
        if (match_case->guard != nullptr) Visit(match_case->guard);
        VisitBody(match_case->body);
        parent_ = node;
      }
      --branch_depth_;
      return;
    }
    case NodeKind::kTry: {
      auto* stmt = static_cast<python::Try*>(node);
      return VisitTry(stmt->body, stmt->handlers, stmt->orelse, stmt->finalbody);
    }
    case NodeKind::kTryStar: {
      auto* stmt = static_cast<python::TryStar*>(node);
      return VisitTry(stmt->body, stmt->handlers, stmt->orelse, stmt->finalbody);
    }
    case NodeKind::kImport:
      return VisitImport(static_cast<python::Import*>(node));
    case NodeKind::kImportFrom:
      return VisitImportFrom(static_cast<python::ImportFrom*>(node));
    case NodeKind::kGlobal: {
      auto* stmt = static_cast<python::Global*>(node);
      return VisitDeclaration(stmt, stmt->names, true);
    }
    case NodeKind::kNonlocal: {
      auto* stmt = static_cast<python::Nonlocal*>(node);
      return VisitDeclaration(stmt, stmt->names, false);
    }
    case NodeKind::kExprStmt:
      VisitChildren(node);
      NoteModuleAllStatement(node);
      return;
    default:
      VisitChildren(node);
  }
}

void ModelBuilder::VisitExpression(Node* node) {
  switch (node->kind) {
    case NodeKind::kNamedExpr: {
      auto* named = static_cast<python::NamedExpr*>(node);
      Visit(named->value);
      VisitStore(named->target, BindingKind::kNamedExpr);
      return;
    }
    case NodeKind::kLambda:
      return VisitLambda(static_cast<python::Lambda*>(node));
    case NodeKind::kListComp: {
      auto* comp = static_cast<python::ListComp*>(node);
      return VisitComprehension(node, comp->generators, {comp->elt});
    }
    case NodeKind::kSetComp: {
      auto* comp = static_cast<python::SetComp*>(node);
      return VisitComprehension(node, comp->generators, {comp->elt});
    }
    case NodeKind::kGeneratorExp: {
      auto* comp = static_cast<python::GeneratorExp*>(node);
      return VisitComprehension(node, comp->generators, {comp->elt});
    }
    case NodeKind::kDictComp: {
      auto* comp = static_cast<python::DictComp*>(node);
      return VisitComprehension(node, comp->generators, {comp->key, comp->value});
    }
    case NodeKind::kSubscript:
      return VisitSubscript(static_cast<python::Subscript*>(node));
    case NodeKind::kConstant: {
      auto* constant = static_cast<python::Constant*>(node);
      if (constant->value.kind == python::ConstantKind::kStr &&
          (flags_ & node_flags::kInTypeDefinition) && !(flags_ & node_flags::kInLiteral)) {
        DeferStringAnnotation(constant);
      }
      return;
    }
    case NodeKind::kTuple:
      if (node == annotated_arguments_) {
        // Annotated[T, metadata...]: T is a type, the metadata plain values.
        annotated_arguments_ = nullptr;
        auto* tuple = static_cast<python::Tuple*>(node);
        uint16_t saved = flags_;
        for (size_t i = 0; i < tuple->elts.size(); ++i) {
          if (i == 1) {
            flags_ &= static_cast<uint16_t>(
                ~(node_flags::kInTypeDefinition | node_flags::kInAnnotation));
          }
          Visit(tuple->elts[i]);
        }
        flags_ = saved;
        return;
      }
      [[fallthrough]];
    case NodeKind::kList:
    case NodeKind::kStarred: {
      bool store = (node->kind == NodeKind::kTuple &&
                    static_cast<python::Tuple*>(node)->ctx == ExprContext::kStore) ||
                   (node->kind == NodeKind::kList &&
                    static_cast<python::List*>(node)->ctx == ExprContext::kStore) ||
                   (node->kind == NodeKind::kStarred &&
                    static_cast<python::Starred*>(node)->ctx == ExprContext::kStore);
      uint16_t saved = store_flags_;
      if (store) store_flags_ |= binding_flags::kUnpacked;
      VisitChildren(node);
      store_flags_ = saved;
      return;
    }
    case NodeKind::kCall: {
      VisitCall(static_cast<python::Call*>(node));
      auto* func = DynCast<Name>(static_cast<python::Call*>(node)->func);
      // locals() and vars() read every local by name.
      auto* call = static_cast<python::Call*>(node);
      bool reads_locals =
          func != nullptr && (func->id == "locals" || (func->id == "vars" && call->args.empty()));
      if (reads_locals && m_.IsBuiltinReference(func)) {
        m_.scopes_[scope_].flags |= scope_flags::kUsesLocals;
      }
      return;
    }
    case NodeKind::kMatchAs: {
      auto* pattern = static_cast<python::MatchAs*>(node);
      if (pattern->pattern != nullptr) Visit(pattern->pattern);
      if (!pattern->name.empty()) {
        SetSymbol(node, Bind(BindingKind::kMatchCapture, pattern->name, node, node->pos));
      }
      return;
    }
    case NodeKind::kMatchStar: {
      auto* pattern = static_cast<python::MatchStar*>(node);
      if (!pattern->name.empty()) {
        SetSymbol(node, Bind(BindingKind::kMatchCapture, pattern->name, node, node->pos));
      }
      return;
    }
    case NodeKind::kMatchMapping: {
      auto* pattern = static_cast<python::MatchMapping*>(node);
      VisitChildren(node);
      if (!pattern->rest.empty()) {
        SetSymbol(node, Bind(BindingKind::kMatchCapture, pattern->rest, node, node->pos));
      }
      return;
    }
    default:
      VisitChildren(node);
  }
}

void ModelBuilder::VisitName(Name* name) {
  switch (name->ctx) {
    case ExprContext::kLoad:
      Record(name, Resolve(name->id, name, 0));
      return;
    case ExprContext::kStore:
      Record(name, Bind(store_kind_, name->id, name, name->pos, store_flags_));
      return;
    case ExprContext::kDel: {
      ReferenceId id = Resolve(name->id, name, reference_flags::kDeletion);
      Bind(BindingKind::kDeletion, name->id, name, name->pos);
      Record(name, id);
      return;
    }
  }
}

void ModelBuilder::VisitStore(Expr* target, BindingKind kind) {
  BindingKind saved_kind = store_kind_;
  uint16_t saved_flags = store_flags_;
  store_kind_ = kind;
  store_flags_ = 0;
  Visit(target);
  store_kind_ = saved_kind;
  store_flags_ = saved_flags;
}

template <class Def>
void ModelBuilder::VisitFunction(Def* def) {
  for (Expr* decorator : def->decorator_list) Visit(decorator);
  ScopeId outer = scope_;
  // Defaults run where the def is; annotations in its type-parameter scope.
  Record(def->args);
  parent_ = def->args;
  for (Expr* value : def->args->defaults) Visit(value);
  for (Expr* value : def->args->kw_defaults) {
    if (value != nullptr) Visit(value);
  }
  parent_ = def;
  if (!def->type_params.empty()) PushTypeParams(def, def->type_params);
  ScopeId function_scope = NewScope(ScopeKind::kFunction, def);
  VisitArguments(def->args, function_scope, true);
  if (def->returns != nullptr) VisitAnnotation(def->returns);
  scope_ = outer;
  BindDeclaredGlobals(def);
  SetSymbol(def, Bind(BindingKind::kFunctionDefinition, def->name, def,
                      NamePosition(def->name_pos, def->pos)));
  deferred_.push_back({Deferred::Kind::kFunction, def, parent_, def, function_scope,
                       static_cast<uint16_t>(flags_ & kPersistentFlags)});
}

namespace {

// The `global` statements of a body, not those of nested defs and classes.
void CollectGlobalStatements(python::Node* node, std::vector<const python::Global*>& out) {
  python::ForEachChild(node, [&](python::Node* child) {
    if (python::CategoryOf(child->kind) != python::NodeCategory::kStmt &&
        !python::Isa<python::ExceptHandler>(child) && !python::Isa<python::MatchCase>(child)) {
      return;
    }
    if (const auto* global = python::DynCast<python::Global>(child)) {
      out.push_back(global);
    } else if (!python::Isa<python::FunctionDef>(child) &&
               !python::Isa<python::AsyncFunctionDef>(child) &&
               !python::Isa<python::ClassDef>(child)) {
      CollectGlobalStatements(child, out);
    }
  });
}

}  // namespace

// ruff binds the names a function declares `global` in the module scope when
// it meets the def, before the body runs (its Globals::from_body): a name the
// module has not bound yet gets an assignment at the `global` statement, so
// `def pager(): global pager; pager = ...` redefines it (F811) and reads of
// the name elsewhere resolve to it.
template <class Def>
void ModelBuilder::BindDeclaredGlobals(Def* def) {
  std::vector<const python::Global*> globals;
  CollectGlobalStatements(def, globals);
  ScopeId saved_scope = scope_;
  scope_ = SemanticModel::kGlobalScope;
  for (const python::Global* global : globals) {
    for (std::string_view name : global->names) {
      if (SlotFor(scope_, SymbolFor(name)).current == kNoId) {
        Bind(BindingKind::kAssignment, name, global, global->pos);
      }
    }
  }
  scope_ = saved_scope;
}

void ModelBuilder::VisitArguments(python::Arguments* args, ScopeId function_scope,
                                  bool annotations) {
  const Node* saved_parent = parent_;
  auto visit_arg = [&](Arg* arg) {
    if (arg == nullptr) return;
    RecordIn(arg, function_scope);
    if (!annotations || arg->annotation == nullptr) return;
    parent_ = arg;
    VisitAnnotation(arg->annotation);
    parent_ = args;
  };
  parent_ = args;
  for (Arg* arg : args->posonlyargs) visit_arg(arg);
  for (Arg* arg : args->args) visit_arg(arg);
  visit_arg(args->vararg);
  for (Arg* arg : args->kwonlyargs) visit_arg(arg);
  visit_arg(args->kwarg);
  parent_ = saved_parent;
}

void ModelBuilder::VisitClass(python::ClassDef* def) {
  for (Expr* decorator : def->decorator_list) Visit(decorator);
  ScopeId outer = scope_;
  if (!def->type_params.empty()) PushTypeParams(def, def->type_params);
  for (Expr* base : def->bases) Visit(base);
  for (python::Keyword* keyword : def->keywords) Visit(keyword);

  ScopeId class_scope = NewScope(ScopeKind::kClass, def);
  uint16_t saved_flags = flags_;
  int saved_branch = branch_depth_;
  scope_ = class_scope;
  flags_ &= kPersistentFlags;
  branch_depth_ = 0;
  VisitBody(def->body);
  flags_ = saved_flags;
  branch_depth_ = saved_branch;
  scope_ = outer;
  SetSymbol(def, Bind(BindingKind::kClassDefinition, def->name, def,
                      NamePosition(def->name_pos, def->pos)));
}

void ModelBuilder::VisitLambda(python::Lambda* lambda) {
  Record(lambda->args);
  parent_ = lambda->args;
  for (Expr* value : lambda->args->defaults) Visit(value);
  for (Expr* value : lambda->args->kw_defaults) {
    if (value != nullptr) Visit(value);
  }
  parent_ = lambda;
  ScopeId lambda_scope = NewScope(ScopeKind::kLambda, lambda);
  VisitArguments(lambda->args, lambda_scope, false);
  deferred_.push_back({Deferred::Kind::kLambda, lambda, parent_, statement_, lambda_scope,
                       static_cast<uint16_t>(flags_ & kPersistentFlags)});
}

void ModelBuilder::VisitComprehension(Node* node, std::span<python::Comprehension*> generators,
                                      std::initializer_list<Expr*> elements) {
  ScopeId outer = scope_;
  ScopeId comp_scope = NewScope(ScopeKind::kComprehension, node);
  for (size_t i = 0; i < generators.size(); ++i) {
    python::Comprehension* generator = generators[i];
    RecordIn(generator, comp_scope);
    parent_ = generator;
    // The first iterable is evaluated in the enclosing scope, the rest inside.
    scope_ = i == 0 ? outer : comp_scope;
    Visit(generator->iter);
    scope_ = comp_scope;
    VisitStore(generator->target, BindingKind::kComprehensionTarget);
    for (Expr* condition : generator->ifs) Visit(condition);
  }
  parent_ = node;
  for (Expr* element : elements) Visit(element);
  scope_ = outer;
}

void ModelBuilder::VisitTry(std::span<Stmt*> body, std::span<python::ExceptHandler*> handlers,
                            std::span<Stmt*> orelse, std::span<Stmt*> finalbody) {
  const Node* try_node = parent_;
  uint16_t saved_flags = flags_;
  ++branch_depth_;
  flags_ |= node_flags::kInTry;
  VisitBody(body);
  flags_ = saved_flags | node_flags::kInExceptHandler;
  for (python::ExceptHandler* handler : handlers) {
    Record(handler);
    parent_ = handler;
    if (handler->type != nullptr) Visit(handler->type);
    BindingId id = kNoId;
    if (!handler->name.empty()) {
      id = Bind(BindingKind::kExceptHandler, handler->name, handler,
                NamePosition(handler->name_pos, handler->pos));
      SetSymbol(handler, id);
    }
    VisitBody(handler->body);
    // Python deletes the name when the handler ends; like ruff we restore the
    // binding it shadowed, since the handler may not have run.
    if (id != kNoId) Unbind(id);
    parent_ = try_node;
  }
  flags_ = saved_flags;
  VisitBody(orelse);
  --branch_depth_;
  flags_ |= node_flags::kInFinally;
  VisitBody(finalbody);
  flags_ = saved_flags;
}

void ModelBuilder::VisitIf(python::If* node) {
  Visit(node->test);
  uint16_t saved_flags = flags_;
  if (IsMainGuardTest(node->test)) flags_ |= node_flags::kInMainGuard;
  if (IsTypeCheckingTest(node->test)) flags_ |= node_flags::kInTypeChecking;
  ++branch_depth_;
  VisitBody(node->body);
  flags_ = saved_flags;
  VisitBody(node->orelse);
  --branch_depth_;
}

void ModelBuilder::VisitLoop(Expr* target, Expr* iter, std::span<Stmt*> body,
                             std::span<Stmt*> orelse) {
  Visit(iter);
  if (target != nullptr) VisitStore(target, BindingKind::kForTarget);
  uint16_t saved_flags = flags_;
  ++branch_depth_;
  flags_ |= node_flags::kInLoop;
  VisitBody(body);
  flags_ = saved_flags;
  VisitBody(orelse);
  --branch_depth_;
}

void ModelBuilder::VisitImport(python::Import* node) {
  for (python::Alias* alias : node->names) {
    Record(alias);
    std::string_view module = alias->name;
    std::string_view bound = alias->asname;
    std::string_view qualified = module;
    uint16_t flags = 0;
    if (bound.empty()) {
      // import a.b.c binds `a`, which stands for the package a.
      bound = module.substr(0, module.find('.'));
      qualified = bound;
    } else if (bound == module) {
      flags |= binding_flags::kExplicitReexport;
    }
    BindingId id = Bind(BindingKind::kImport, bound, alias, alias->pos, flags);
    m_.bindings_[id].qualified_name = qualified;
    SetSymbol(alias, id);
    m_.imports_.push_back({node, alias, id, module, qualified, false, false});
    m_.imported_modules_.push_back(module);
  }
}

void ModelBuilder::VisitImportFrom(python::ImportFrom* node) {
  scratch_.assign(static_cast<size_t>(std::max(node->level, 0)), '.');
  std::string_view module = Intern(scratch_, node->module);
  bool future = node->level == 0 && node->module == "__future__";
  for (python::Alias* alias : node->names) {
    Record(alias);
    if (alias->name == "*") {
      m_.scopes_[scope_].flags |= scope_flags::kUsesStarImport;
      star_import_at_.try_emplace(scope_, node->pos);
      std::string_view qualified = Intern(module, module.ends_with('.') ? "*" : ".*");
      m_.imports_.push_back({node, alias, kNoId, module, qualified, true, true});
      if (node->level == 0) m_.imported_modules_.push_back(module);
      continue;
    }
    std::string_view qualified =
        module.ends_with('.') ? Intern(module, alias->name) : Intern(module, ".", alias->name);
    std::string_view bound = alias->asname.empty() ? alias->name : alias->asname;
    uint16_t flags = 0;
    if (alias->asname == alias->name) flags |= binding_flags::kExplicitReexport;
    if (future) {
      flags |= binding_flags::kFutureImport;
      if (alias->name == "annotations") m_.future_annotations_ = true;
    }
    BindingId id = Bind(BindingKind::kFromImport, bound, alias, alias->pos, flags);
    m_.bindings_[id].qualified_name = qualified;
    SetSymbol(alias, id);
    m_.imports_.push_back({node, alias, id, module, qualified, true, false});
    if (node->level == 0) {
      m_.imported_modules_.push_back(module);
      m_.imported_modules_.push_back(qualified);
    }
  }
}

void ModelBuilder::VisitDeclaration(Stmt* node, std::span<python::Identifier> names, bool global) {
  if (scope_ == SemanticModel::kGlobalScope) return;  // legal at module level, and a no-op
  for (std::string_view name : names) {
    SymbolId symbol = SymbolFor(name);
    ScopeId target = SemanticModel::kGlobalScope;
    if (!global) {
      // nonlocal names the nearest enclosing function scope that binds it.
      target = kNoId;
      for (ScopeId s = m_.scopes_[scope_].parent; s != kNoId && s != SemanticModel::kGlobalScope;
           s = m_.scopes_[s].parent) {
        if (m_.scopes_[s].kind == ScopeKind::kClass) continue;
        const NameSlot* slot = m_.SymbolSlot(s, symbol);
        if (slot != nullptr && slot->first != kNoId) {
          target = s;
          break;
        }
      }
    }
    NameSlot& slot = SlotFor(scope_, symbol);
    slot.declaration =
        global ? SemanticModel::Declaration::kGlobal : SemanticModel::Declaration::kNonlocal;
    slot.nonlocal_target = target;
    AddBinding({name,
                node,
                node,
                node->pos,
                scope_,
                global ? BindingKind::kGlobal : BindingKind::kNonlocal,
                ContextBindingFlags(),
                kNoId,
                {}},
               symbol);
    // The declaration counts as a use of what it names.
    Reference ref{name, node, node->pos, scope_, kNoId, reference_flags::kDeclaration};
    if (target != kNoId) {
      const NameSlot* target_slot = m_.SymbolSlot(target, symbol);
      if (target_slot != nullptr) ref.binding = target_slot->current;
    }
    m_.references_.push_back(ref);
  }
}

void ModelBuilder::VisitAnnotation(Expr* annotation) {
  if (m_.future_annotations_) {
    // Not evaluated at runtime: resolve it after the module, like a body.
    deferred_.push_back(
        {Deferred::Kind::kExpr, annotation, parent_, statement_, scope_,
         static_cast<uint16_t>((flags_ & kPersistentFlags) | node_flags::kInAnnotation |
                               node_flags::kInTypeDefinition)});
    return;
  }
  uint16_t saved_flags = flags_;
  flags_ |= node_flags::kInAnnotation | node_flags::kInTypeDefinition;
  Visit(annotation);
  flags_ = saved_flags;
}

namespace {

enum class TypeForm : uint8_t { kOther, kGeneric, kLiteral, kAnnotated };

// What a subscripted name is, as far as string forward references go.
TypeForm TypeFormOf(const std::optional<QualifiedName>& name) {
  if (!name) return TypeForm::kOther;
  if (*name == "typing.Literal" || *name == "typing_extensions.Literal") return TypeForm::kLiteral;
  if (*name == "typing.Annotated" || *name == "typing_extensions.Annotated") {
    return TypeForm::kAnnotated;
  }
  if (name->StartsWith("typing") || name->StartsWith("typing_extensions") ||
      name->StartsWith("collections.abc")) {
    return TypeForm::kGeneric;
  }
  for (std::string_view generic :
       {"builtins.list", "builtins.dict", "builtins.set", "builtins.frozenset", "builtins.tuple",
        "builtins.type", "collections.deque", "collections.defaultdict",
        "collections.OrderedDict", "collections.Counter", "collections.ChainMap"}) {
    if (*name == generic) return TypeForm::kGeneric;
  }
  return TypeForm::kOther;
}

}  // namespace

void ModelBuilder::VisitSubscript(python::Subscript* subscript) {
  Visit(subscript->value);
  uint16_t saved = flags_;
  switch (TypeFormOf(m_.ResolveQualifiedName(subscript->value))) {
    case TypeForm::kLiteral:
      flags_ |= node_flags::kInLiteral;
      break;
    case TypeForm::kAnnotated:
      flags_ |= node_flags::kInTypeDefinition;
      if (subscript->slice->kind == NodeKind::kTuple) annotated_arguments_ = subscript->slice;
      break;
    case TypeForm::kGeneric:
      flags_ |= node_flags::kInTypeDefinition;
      break;
    case TypeForm::kOther:
      break;
  }
  Visit(subscript->slice);
  flags_ = saved;
}

void ModelBuilder::VisitCall(python::Call* call) {
  Visit(call->func);
  std::optional<QualifiedName> callee = m_.ResolveQualifiedName(call->func);
  bool cast = callee && (*callee == "typing.cast" || *callee == "typing_extensions.cast");
  bool type_var = callee && (*callee == "typing.TypeVar" || *callee == "typing_extensions.TypeVar");
  uint16_t saved = flags_;
  for (size_t i = 0; i < call->args.size(); ++i) {
    // cast("T", x): the type first; TypeVar("T", "A", "B"): constraints after the name.
    if ((cast && i == 0) || (type_var && i > 0)) flags_ |= node_flags::kInTypeDefinition;
    Visit(call->args[i]);
    flags_ = saved;
  }
  for (python::Keyword* keyword : call->keywords) {
    if (type_var && keyword->arg == "bound") flags_ |= node_flags::kInTypeDefinition;
    Visit(keyword);
    flags_ = saved;
  }
}

void ModelBuilder::DeferStringAnnotation(python::Constant* constant) {
  deferred_.push_back({Deferred::Kind::kStringAnnotation, constant, parent_, statement_, scope_,
                       static_cast<uint16_t>((flags_ & kPersistentFlags) |
                                             node_flags::kInAnnotation |
                                             node_flags::kInTypeDefinition |
                                             node_flags::kInStringAnnotation)});
}

void ModelBuilder::VisitStringAnnotation(python::Constant* constant) {
  std::string_view text = constant->value.text;
  // Parenthesised, as typing evaluates a forward reference: leading spaces
  // and line breaks inside are fine.
  std::string wrapped;
  wrapped.reserve(text.size() + 2);
  wrapped.append("(").append(text).append(")");
  std::unique_ptr<python::ParsedModule> parsed =
      python::Parse(python::SourceText::FromUtf8(wrapped));
  if (!parsed->errors.empty() || parsed->module->body.size() != 1) return;
  auto* statement = DynCast<python::ExprStmt>(parsed->module->body[0]);
  if (statement == nullptr) return;
  // In a plain one-line literal ("pd.DataFrame") each name keeps its own
  // column; elsewhere (escapes, prefixes, concatenation, non-ASCII) the
  // string's position stands for all of them, as ruff places them.
  const python::Position& at = constant->pos;
  bool ascii = std::all_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  uint32_t quote = 0;
  if (ascii && at.line == at.end_line && text.find('\n') == std::string_view::npos) {
    size_t span = at.end_col - at.col;
    if (span == text.size() + 2) quote = 1;
    if (span == text.size() + 6) quote = 3;
  }
  std::vector<Node*> stack = {statement->value};
  while (!stack.empty()) {
    Node* node = stack.back();
    stack.pop_back();
    node->node_id = next_node_id_++;
    if (quote != 0 && node->pos.line == 1 && node->pos.end_line == 1) {
      // Column 0 is the added "(".
      node->pos = {at.line, at.col + quote + node->pos.col - 1, at.line,
                   at.col + quote + node->pos.end_col - 1};
    } else {
      node->pos = at;
    }
    python::ForEachChild(node, [&stack](Node* child) { stack.push_back(child); });
  }
  Expr* expression = statement->value;
  m_.string_annotations_.push_back(std::move(parsed));
  Visit(expression);
}

ScopeId ModelBuilder::PushTypeParams(Node* owner, std::span<python::TypeParam*> params) {
  ScopeId type_scope = NewScope(ScopeKind::kTypeParams, owner);
  scope_ = type_scope;
  const Node* saved_parent = parent_;
  for (python::TypeParam* param : params) {
    Record(param);
    std::string_view name;
    if (auto* var = DynCast<python::TypeVar>(param)) name = var->name;
    if (auto* spec = DynCast<python::ParamSpec>(param)) name = spec->name;
    if (auto* tuple = DynCast<python::TypeVarTuple>(param)) name = tuple->name;
    SetSymbol(param, Bind(BindingKind::kTypeParam, name, param, param->pos));
  }
  for (python::TypeParam* param : params) {
    auto* var = DynCast<python::TypeVar>(param);
    if (var == nullptr || var->bound == nullptr) continue;
    parent_ = param;
    Visit(var->bound);
  }
  parent_ = saved_parent;
  return type_scope;
}

void ModelBuilder::RunDeferred() {
  // Indexing, not iterators: bodies defer their own nested bodies.
  for (size_t i = 0; i < deferred_.size(); ++i) {
    Deferred item = deferred_[i];
    depth_ = 0;
    scope_ = item.scope;
    flags_ = item.flags;
    statement_ = item.statement;
    branch_depth_ = 0;
    switch (item.kind) {
      case Deferred::Kind::kFunction: {
        open_scope_ = item.scope;
        parent_ = item.node;
        if (auto* def = DynCast<python::FunctionDef>(item.node)) {
          BindParameters(def->args);
          VisitBody(def->body);
        } else if (auto* async_def = DynCast<python::AsyncFunctionDef>(item.node)) {
          BindParameters(async_def->args);
          VisitBody(async_def->body);
        }
        CloseOpenScope();
        break;
      }
      case Deferred::Kind::kLambda: {
        auto* lambda = static_cast<python::Lambda*>(item.node);
        open_scope_ = item.scope;
        parent_ = lambda;
        BindParameters(lambda->args);
        Visit(lambda->body);
        CloseOpenScope();
        break;
      }
      case Deferred::Kind::kExpr:
        parent_ = item.parent;
        Visit(item.node);
        break;
      case Deferred::Kind::kStringAnnotation:
        parent_ = item.parent;
        VisitStringAnnotation(static_cast<python::Constant*>(item.node));
        break;
    }
  }
}

void ModelBuilder::BindParameters(python::Arguments* args) {
  auto bind = [this](Arg* arg) {
    if (arg != nullptr) SetSymbol(arg, Bind(BindingKind::kParameter, arg->arg, arg, arg->pos));
  };
  for (Arg* arg : args->posonlyargs) bind(arg);
  for (Arg* arg : args->args) bind(arg);
  bind(args->vararg);
  for (Arg* arg : args->kwonlyargs) bind(arg);
  bind(args->kwarg);
}

void ModelBuilder::CloseOpenScope() {
  for (PendingReference pending : pending_) {
    Reference& ref = m_.references_[pending.reference];
    const NameSlot* slot = m_.SymbolSlot(open_scope_, pending.symbol);
    if (slot == nullptr || slot->first == kNoId ||
        slot->declaration != SemanticModel::Declaration::kNone) {
      continue;
    }
    // Bound later in this function: local everywhere in it, so this read
    // happens before the binding (UnboundLocalError, or a loop's next pass).
    // The reference keeps what the walk resolved it to, as ruff and pyflakes
    // do (they resolve in source order): an enclosing scope's binding, or
    // none (F821), and the later binding stays unread (F841).
    ref.flags |= reference_flags::kUnboundLocal;
  }
  pending_.clear();
  open_scope_ = kNoId;
}

// ---------------------------------------------------------------------------
// Recording

SemanticModel::NodeInfo& ModelBuilder::InfoFor(const Node* node) {
  // Only a tree numbered wrongly (by hand) has ids past Module::node_count.
  if (node->node_id >= m_.nodes_.size()) [[unlikely]] {
    m_.nodes_.resize(node->node_id + 1);
  }
  return m_.nodes_[node->node_id];
}

void ModelBuilder::Record(const Node* node, uint32_t symbol) {
  InfoFor(node) = SemanticModel::NodeInfo{parent_, scope_, symbol, flags_};
}

void ModelBuilder::RecordIn(const Node* node, ScopeId scope) {
  InfoFor(node) = SemanticModel::NodeInfo{parent_, scope, kNoId, flags_};
}

void ModelBuilder::SetSymbol(const Node* node, uint32_t symbol) {
  SemanticModel::NodeInfo& info = InfoFor(node);
  if (info.scope != kNoId) info.symbol = symbol;  // recorded nodes only
}

ScopeId ModelBuilder::NewScope(ScopeKind kind, const Node* node) {
  auto id = static_cast<ScopeId>(m_.scopes_.size());
  m_.scopes_.push_back(Scope{kind, scope_, node, 0});
  return id;
}

ModelBuilder::SymbolId ModelBuilder::SymbolFor(std::string_view name) {
  size_t known = m_.symbols_.size();
  SymbolId& symbol = m_.symbols_.Insert(name, HashString(name));
  if (m_.symbols_.size() != known) {
    symbol = static_cast<SymbolId>(known);
    symbol_builtin_.push_back(Builtin::kUnknown);
  }
  return symbol;
}

ModelBuilder::NameSlot& ModelBuilder::SlotFor(ScopeId scope, SymbolId symbol) {
  uint64_t key = SemanticModel::NameKey(scope, symbol);
  return m_.names_.Insert(key, MixHash(key));
}

uint16_t ModelBuilder::ContextBindingFlags() const {
  uint16_t flags = 0;
  if (flags_ & node_flags::kInTypeChecking) flags |= binding_flags::kInTypeChecking;
  if (flags_ & node_flags::kInTry) flags |= binding_flags::kInTry;
  if (flags_ & node_flags::kInExceptHandler) flags |= binding_flags::kInExceptHandler;
  if (flags_ & node_flags::kInMainGuard) flags |= binding_flags::kInMainGuard;
  return flags;
}

uint16_t ModelBuilder::ContextReferenceFlags() const {
  uint16_t flags = 0;
  if (flags_ & node_flags::kInAnnotation) flags |= reference_flags::kAnnotation;
  if (flags_ & node_flags::kInTypeChecking) flags |= reference_flags::kInTypeChecking;
  if (flags_ & node_flags::kInStringAnnotation) flags |= reference_flags::kForwardReference;
  return flags;
}

BindingId ModelBuilder::Bind(BindingKind kind, std::string_view name, const Node* node,
                             Position pos, uint16_t flags) {
  ScopeId target = scope_;
  if (kind == BindingKind::kNamedExpr) {
    // A walrus in a comprehension binds in the enclosing function or module.
    while (m_.scopes_[target].kind == ScopeKind::kComprehension) target = m_.scopes_[target].parent;
  }
  flags |= ContextBindingFlags();
  SymbolId symbol = SymbolFor(name);
  NameSlot* slot = &SlotFor(target, symbol);
  if (slot->declaration == SemanticModel::Declaration::kGlobal) {
    target = SemanticModel::kGlobalScope;
    flags |= binding_flags::kRedirected;
    slot = &SlotFor(target, symbol);
  } else if (slot->declaration == SemanticModel::Declaration::kNonlocal &&
             slot->nonlocal_target != kNoId) {
    target = slot->nonlocal_target;
    flags |= binding_flags::kRedirected;
    slot = &SlotFor(target, symbol);
  }
  auto id = static_cast<BindingId>(m_.bindings_.size());
  if (kind == BindingKind::kDeletion && branch_depth_ > 0) flags |= binding_flags::kConditional;
  AddBinding({name, node, statement_, pos, target, kind, flags, slot->current, {}}, symbol);
  if (slot->first == kNoId) slot->first = id;  // del x also makes x local
  if (BindsName(kind)) slot->current = slot->last_bound = id;
  if (kind == BindingKind::kDeletion && branch_depth_ == 0) slot->current = kNoId;
  return id;
}

void ModelBuilder::AddBinding(const Binding& binding, SymbolId symbol) {
  m_.bindings_.push_back(binding);
  binding_symbols_.push_back(symbol);
}

void ModelBuilder::Unbind(BindingId id) {
  const Binding& binding = m_.bindings_[id];
  SlotFor(binding.scope, binding_symbols_[id]).current = binding.shadowed;
}

ReferenceId ModelBuilder::Resolve(std::string_view name, const Node* node, uint16_t flags) {
  auto id = static_cast<ReferenceId>(m_.references_.size());
  m_.references_.push_back({name, node, node->pos, scope_, kNoId,
                            static_cast<uint16_t>(flags | ContextReferenceFlags())});
  Reference& ref = m_.references_.back();
  SymbolId symbol = SymbolFor(name);
  bool innermost = true;
  for (ScopeId s = scope_; s != kNoId; s = m_.scopes_[s].parent, innermost = false) {
    const Scope& scope = m_.scopes_[s];
    if (!innermost && scope.kind == ScopeKind::kClass) {
      // Methods see the class through the implicit __class__ cell only.
      if (name == "__class__") {
        ref.flags |= reference_flags::kImplicit;
        return id;
      }
      continue;
    }
    const NameSlot* slot = m_.SymbolSlot(s, symbol);
    if (slot != nullptr) {
      if (slot->declaration == SemanticModel::Declaration::kGlobal) break;
      if (slot->declaration == SemanticModel::Declaration::kNonlocal) continue;
      if (slot->current != kNoId) {
        ref.binding = slot->current;
        return id;
      }
      // Deleted, or an except-handler's name after the handler, or (in a
      // function) annotated only: unbound here, and ruff does not look in
      // outer scopes. A class or module annotation alone lets the read through.
      if (slot->first != kNoId && (scope.IsFunctionLike() || slot->last_bound != kNoId)) {
        ref.flags |= reference_flags::kUnresolved;
        if (scope.IsFunctionLike()) ref.flags |= reference_flags::kUnboundLocal;
        return id;
      }
    }
    if (s == open_scope_) pending_.push_back({id, symbol});
    if (innermost && scope.kind == ScopeKind::kClass &&
        (name == "__module__" || name == "__qualname__")) {
      ref.flags |= reference_flags::kImplicit;
      return id;
    }
  }
  ResolveOutsideScopes(ref, symbol);
  return id;
}

// Global declarations and fall-through end here: the module scope, then builtins.
void ModelBuilder::ResolveOutsideScopes(Reference& ref, SymbolId symbol) {
  const NameSlot* slot = m_.SymbolSlot(SemanticModel::kGlobalScope, symbol);
  if (slot != nullptr && slot->current != kNoId) {
    ref.binding = slot->current;
    return;
  }
  Builtin& builtin = symbol_builtin_[symbol];
  if (builtin == Builtin::kUnknown) {
    bool is_builtin =
        IsPythonBuiltin(ref.name) || (options_.module_is_package && ref.name == "__path__");
    builtin = is_builtin ? Builtin::kYes : Builtin::kNo;
  }
  if (builtin == Builtin::kYes) {
    ref.flags |= reference_flags::kBuiltin;
    return;
  }
  ref.flags |= reference_flags::kUnresolved;
}

std::string_view ModelBuilder::Intern(std::string_view a, std::string_view b, std::string_view c) {
  std::string joined;
  joined.reserve(a.size() + b.size() + c.size());
  joined.append(a).append(b).append(c);
  return m_.strings_.CopyString(joined);
}

bool ModelBuilder::IsTypeCheckingTest(const Expr* test) const {
  if (IsName(test, "TYPE_CHECKING")) return true;
  std::optional<QualifiedName> name = m_.ResolveQualifiedName(test);
  return name && (*name == "typing.TYPE_CHECKING" || *name == "typing_extensions.TYPE_CHECKING");
}

void ModelBuilder::CollectExports(const Expr* value, int depth) {
  if (depth >= kMaxVisitDepth) return;
  if (const auto* binop = DynCast<python::BinOp>(value)) {
    if (binop->op != python::Operator::kAdd) return;
    CollectExports(binop->left, depth + 1);
    CollectExports(binop->right, depth + 1);
    return;
  }
  std::span<Expr* const> elements;
  if (const auto* list = DynCast<python::List>(value)) elements = list->elts;
  if (const auto* tuple = DynCast<python::Tuple>(value)) elements = tuple->elts;
  for (const Expr* element : elements) {
    const auto* constant = DynCast<python::Constant>(element);
    if (constant == nullptr || constant->value.kind != python::ConstantKind::kStr) continue;
    m_.exports_.push_back({constant->value.text, constant});
  }
}

// __all__ = [...], __all__ += [...] and __all__: list[str] = [...] at module
// level (see SemanticModel::exports).
void ModelBuilder::NoteModuleAllStatement(Node* node) {
  if (scope_ != SemanticModel::kGlobalScope) return;
  const Expr* value = nullptr;
  bool targets_all = false;
  if (auto* assign = DynCast<python::Assign>(node)) {
    for (Expr* target : assign->targets) targets_all |= IsName(target, "__all__");
    value = assign->value;
  } else if (auto* augmented = DynCast<python::AugAssign>(node)) {
    targets_all = IsName(augmented->target, "__all__");
    value = augmented->value;
  } else if (auto* annotated = DynCast<python::AnnAssign>(node)) {
    targets_all = annotated->value != nullptr && IsName(annotated->target, "__all__");
    value = annotated->value;
  }
  if (!targets_all) return;
  m_.defines_all_ = true;
  CollectExports(value);
}

}  // namespace dsaudit::semantic
