#include "checks/performance/perflint_util.h"

#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks::perflint {

namespace py = python;
using semantic::BindingId;
using semantic::BindingKind;
using semantic::kNoId;

BindingId OnlyBinding(const semantic::SemanticModel& model, const py::Node* name) {
  BindingId id = model.ResolveName(name);
  if (id == kNoId || model.binding(id).shadowed != kNoId) return kNoId;
  return id;
}

namespace {

std::span<py::Expr* const> Elements(const py::Node* node) {
  if (const auto* tuple = py::DynCast<py::Tuple>(node)) return tuple->elts;
  if (const auto* list = py::DynCast<py::List>(node)) return list->elts;
  if (const auto* set = py::DynCast<py::Set>(node)) return set->elts;
  return {};
}

bool IsSequence(const py::Node* node) {
  return py::Isa<py::Tuple>(node) || py::Isa<py::List>(node) || py::Isa<py::Set>(node);
}

// ruff's match_value / match_target: the part of `value` assigned to `bound`.
const py::Expr* MatchValue(const py::Node* bound, const py::Node* target, const py::Expr* value) {
  if (target == bound) return value;
  if (!py::Isa<py::Tuple>(target) && !py::Isa<py::List>(target)) return nullptr;
  if (!IsSequence(value)) return nullptr;
  std::span<py::Expr* const> targets = Elements(target);
  std::span<py::Expr* const> values = Elements(value);
  for (size_t i = 0; i < targets.size() && i < values.size(); ++i) {
    if (targets[i] == bound) return values[i];
    if (IsSequence(targets[i])) {
      if (const py::Expr* found = MatchValue(bound, targets[i], values[i])) return found;
    }
  }
  return nullptr;
}

bool MatchAnnotation(const semantic::SemanticModel& model, const py::Node* annotation,
                     std::string_view builtin, std::string_view typing_name) {
  if (const auto* subscript = py::DynCast<py::Subscript>(annotation)) annotation = subscript->value;
  if (annotation == nullptr) return false;
  std::string qualified_builtin = "builtins." + std::string(builtin);
  if (model.Matches(annotation, qualified_builtin)) return true;
  std::string typing = "typing." + std::string(typing_name);
  std::string extensions = "typing_extensions." + std::string(typing_name);
  return model.Matches(annotation, typing) || model.Matches(annotation, extensions);
}

bool MatchInitializer(const semantic::SemanticModel& model, const py::Expr* value, bool list) {
  if (value == nullptr) return false;
  if (list && (py::Isa<py::List>(value) || py::Isa<py::ListComp>(value))) return true;
  if (!list && (py::Isa<py::Dict>(value) || py::Isa<py::DictComp>(value))) return true;
  if (const auto* call = py::DynCast<py::Call>(value)) {
    return model.Matches(call->func, list ? "builtins.list" : "builtins.dict");
  }
  return false;
}

bool CheckType(const semantic::SemanticModel& model, BindingId id, bool list) {
  const semantic::Binding& binding = model.binding(id);
  if (IsExport(binding)) return false;
  std::string_view builtin = list ? "list" : "dict";
  std::string_view typing_name = list ? "List" : "Dict";
  const py::Node* statement = binding.statement;
  switch (binding.kind) {
    case BindingKind::kAssignment:
    case BindingKind::kAnnotatedAssignment:
    case BindingKind::kAnnotation:
    case BindingKind::kComprehensionTarget:
      if (const auto* annotated = py::DynCast<py::AnnAssign>(statement)) {
        return MatchAnnotation(model, annotated->annotation, builtin, typing_name);
      }
      if (binding.kind == BindingKind::kAnnotation) return false;
      return MatchInitializer(model, BindingValue(model, id), list);
    case BindingKind::kNamedExpr:
    case BindingKind::kWithTarget:
      return MatchInitializer(model, BindingValue(model, id), list);
    case BindingKind::kParameter: {
      const auto* arg = py::DynCast<py::Arg>(binding.node);
      if (arg == nullptr || arg->annotation == nullptr) return false;
      if (!py::Isa<py::FunctionDef>(statement)) return false;
      return MatchAnnotation(model, arg->annotation, builtin, typing_name);
    }
    default:
      return false;
  }
}

}  // namespace

bool IsExport(const semantic::Binding& binding) {
  return binding.scope == semantic::SemanticModel::kGlobalScope && binding.name == "__all__" &&
         (binding.kind == BindingKind::kAssignment ||
          binding.kind == BindingKind::kAugmentedAssignment ||
          binding.kind == BindingKind::kAnnotatedAssignment);
}

bool IsUsedAsRuff(const semantic::SemanticModel& model, BindingId id) {
  for (BindingId current = id; current != kNoId;) {
    if (model.IsUsed(current)) return true;
    BindingId shadowed = model.binding(current).shadowed;
    // Ruff copies the references of the binding a new one shadows, except
    // from deletions.
    if (shadowed == kNoId || model.binding(shadowed).kind == BindingKind::kDeletion) break;
    current = shadowed;
  }
  return false;
}

const py::Expr* BindingValue(const semantic::SemanticModel& model, BindingId id) {
  const semantic::Binding& binding = model.binding(id);
  if (IsExport(binding)) return nullptr;
  const py::Node* statement = binding.statement;
  switch (binding.kind) {
    case BindingKind::kNamedExpr: {
      const py::Node* parent = model.Parent(binding.node);
      const auto* named = py::DynCast<py::NamedExpr>(parent);
      return named == nullptr ? nullptr : MatchValue(binding.node, named->target, named->value);
    }
    case BindingKind::kAssignment:
    case BindingKind::kAnnotatedAssignment:
    case BindingKind::kComprehensionTarget:
      if (const auto* assign = py::DynCast<py::Assign>(statement)) {
        for (const py::Expr* target : assign->targets) {
          if (const py::Expr* value = MatchValue(binding.node, target, assign->value)) return value;
        }
        return nullptr;
      }
      if (const auto* annotated = py::DynCast<py::AnnAssign>(statement)) {
        if (annotated->value == nullptr) return nullptr;
        return MatchValue(binding.node, annotated->target, annotated->value);
      }
      return nullptr;
    case BindingKind::kWithTarget: {
      std::span<py::WithItem* const> items;
      if (const auto* with = py::DynCast<py::With>(statement)) items = with->items;
      if (const auto* with = py::DynCast<py::AsyncWith>(statement)) items = with->items;
      for (const py::WithItem* item : items) {
        if (item->optional_vars == nullptr) continue;
        if (const py::Expr* value =
                MatchValue(binding.node, item->optional_vars, item->context_expr)) {
          return value;
        }
      }
      return nullptr;
    }
    default:
      return nullptr;
  }
}

bool IsList(const semantic::SemanticModel& model, BindingId id) { return CheckType(model, id, true); }

bool IsDict(const semantic::SemanticModel& model, BindingId id) {
  const semantic::Binding& binding = model.binding(id);
  if (binding.kind == BindingKind::kParameter) {
    if (const auto* function = py::DynCast<py::FunctionDef>(binding.statement)) {
      if (function->args->kwarg == binding.node) return true;
    }
  }
  return CheckType(model, id, false);
}

bool ExprEqual(const py::Node* a, const py::Node* b) {
  if (a == nullptr || b == nullptr) return a == b;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case py::NodeKind::kName:
      return static_cast<const py::Name*>(a)->id == static_cast<const py::Name*>(b)->id;
    case py::NodeKind::kConstant: {
      const auto& x = static_cast<const py::Constant*>(a)->value;
      const auto& y = static_cast<const py::Constant*>(b)->value;
      return x.kind == y.kind && x.text == y.text && x.number == y.number;
    }
    case py::NodeKind::kAttribute: {
      const auto* x = static_cast<const py::Attribute*>(a);
      const auto* y = static_cast<const py::Attribute*>(b);
      return x->attr == y->attr && ExprEqual(x->value, y->value);
    }
    case py::NodeKind::kSubscript: {
      const auto* x = static_cast<const py::Subscript*>(a);
      const auto* y = static_cast<const py::Subscript*>(b);
      return ExprEqual(x->value, y->value) && ExprEqual(x->slice, y->slice);
    }
    case py::NodeKind::kTuple:
    case py::NodeKind::kList: {
      std::span<py::Expr* const> x = Elements(a);
      std::span<py::Expr* const> y = Elements(b);
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!ExprEqual(x[i], y[i])) return false;
      }
      return true;
    }
    case py::NodeKind::kStarred:
      return ExprEqual(static_cast<const py::Starred*>(a)->value,
                       static_cast<const py::Starred*>(b)->value);
    case py::NodeKind::kBinOp: {
      const auto* x = static_cast<const py::BinOp*>(a);
      const auto* y = static_cast<const py::BinOp*>(b);
      return x->op == y->op && ExprEqual(x->left, y->left) && ExprEqual(x->right, y->right);
    }
    case py::NodeKind::kUnaryOp: {
      const auto* x = static_cast<const py::UnaryOp*>(a);
      const auto* y = static_cast<const py::UnaryOp*>(b);
      return x->op == y->op && ExprEqual(x->operand, y->operand);
    }
    case py::NodeKind::kCall: {
      const auto* x = static_cast<const py::Call*>(a);
      const auto* y = static_cast<const py::Call*>(b);
      if (!ExprEqual(x->func, y->func) || x->args.size() != y->args.size() ||
          x->keywords.size() != y->keywords.size()) {
        return false;
      }
      for (size_t i = 0; i < x->args.size(); ++i) {
        if (!ExprEqual(x->args[i], y->args[i])) return false;
      }
      for (size_t i = 0; i < x->keywords.size(); ++i) {
        if (x->keywords[i]->arg != y->keywords[i]->arg ||
            !ExprEqual(x->keywords[i]->value, y->keywords[i]->value)) {
          return false;
        }
      }
      return true;
    }
    default:
      return false;
  }
}

bool MentionsName(const py::Node* expr, std::string_view id) {
  bool found = false;
  ds::Walk(expr, [&](const py::Node* node) {
    if (found) return false;
    if (ds::IsNameNamed(node, id)) found = true;
    return !found;
  });
  return found;
}

const py::Node* ParentStatement(const semantic::SemanticModel& model, const py::Node* node) {
  for (const py::Node* current = model.Parent(node); current != nullptr;
       current = model.Parent(current)) {
    py::NodeCategory category = py::CategoryOf(current->kind);
    if (category == py::NodeCategory::kStmt || category == py::NodeCategory::kMod) return current;
  }
  return nullptr;
}

bool EndsBefore(const py::Position& a, const py::Position& b) {
  return a.end_line < b.line || (a.end_line == b.line && a.end_col <= b.col);
}

}  // namespace dsaudit::checks::perflint
