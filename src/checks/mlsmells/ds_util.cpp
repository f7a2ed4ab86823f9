#include "checks/mlsmells/ds_util.h"

#include <array>

namespace dsaudit::checks::ds {

namespace py = python;

const py::Keyword* FindKeyword(const py::Call& call, std::string_view name) {
  for (const py::Keyword* keyword : call.keywords) {
    if (keyword->arg == name) return keyword;
  }
  return nullptr;
}

bool HasKeyword(const py::Call& call, std::string_view name) {
  return FindKeyword(call, name) != nullptr;
}

bool HasDoubleStar(const py::Call& call) {
  for (const py::Keyword* keyword : call.keywords) {
    if (keyword->arg.empty()) return true;
  }
  return false;
}

std::string_view MethodName(const py::Call& call) {
  const auto* attribute = py::DynCast<py::Attribute>(call.func);
  return attribute == nullptr ? std::string_view() : attribute->attr;
}

const py::Expr* Receiver(const py::Call& call) {
  const auto* attribute = py::DynCast<py::Attribute>(call.func);
  return attribute == nullptr ? nullptr : attribute->value;
}

bool IsConstTrue(const py::Node* expr) {
  const auto* constant = py::DynCast<py::Constant>(expr);
  return constant != nullptr && constant->value.kind == py::ConstantKind::kTrue;
}

bool IsConstFalse(const py::Node* expr) {
  const auto* constant = py::DynCast<py::Constant>(expr);
  return constant != nullptr && constant->value.kind == py::ConstantKind::kFalse;
}

bool IsString(const py::Node* expr, std::string_view value) {
  const auto* constant = py::DynCast<py::Constant>(expr);
  return constant != nullptr && constant->value.kind == py::ConstantKind::kStr &&
         constant->value.text == value;
}

bool IsNameNamed(const py::Node* expr, std::string_view id) {
  const auto* name = py::DynCast<py::Name>(expr);
  return name != nullptr && name->id == id;
}

bool IsScopeNode(const py::Node* node) {
  switch (node->kind) {
    case py::NodeKind::kFunctionDef:
    case py::NodeKind::kAsyncFunctionDef:
    case py::NodeKind::kClassDef:
    case py::NodeKind::kLambda:
      return true;
    default:
      return false;
  }
}

std::span<py::Stmt* const> LoopBody(const py::Stmt& loop) {
  if (const auto* node = py::DynCast<py::For>(&loop)) return node->body;
  if (const auto* node = py::DynCast<py::AsyncFor>(&loop)) return node->body;
  if (const auto* node = py::DynCast<py::While>(&loop)) return node->body;
  return {};
}

namespace {

bool Before(const py::Position& a, const py::Position& b) {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

// Between the first body statement's start and the last one's end: not in
// the loop's iterable or test, nor in its else clause.
bool InBody(const py::Node* node, std::span<py::Stmt* const> body) {
  if (body.empty()) return false;
  const py::Position& last = body.back()->pos;
  return !Before(node->pos, body.front()->pos) &&
         !Before(py::Position{last.end_line, last.end_col, 0, 0}, node->pos);
}

}  // namespace

const py::Stmt* EnclosingLoop(const semantic::SemanticModel& model, const py::Node* node) {
  if (!model.InLoop(node)) return nullptr;
  for (const py::Node* current = model.Parent(node); current != nullptr;
       current = model.Parent(current)) {
    if (IsScopeNode(current)) return nullptr;
    switch (current->kind) {
      case py::NodeKind::kFor:
      case py::NodeKind::kAsyncFor:
      case py::NodeKind::kWhile: {
        const auto* loop = static_cast<const py::Stmt*>(current);
        if (InBody(node, LoopBody(*loop))) return loop;
        break;
      }
      default:
        break;
    }
  }
  return nullptr;
}

bool BodyCallsMethod(std::span<py::Stmt* const> body, std::string_view method) {
  bool found = false;
  WalkBody(body, [&](const py::Node* node) {
    if (found || IsScopeNode(node)) return false;
    if (const auto* call = py::DynCast<py::Call>(node)) {
      if (MethodName(*call) == method) found = true;
    }
    return !found;
  });
  return found;
}

bool BodyCalls(const semantic::SemanticModel& model, std::span<py::Stmt* const> body,
               std::string_view qualified) {
  bool found = false;
  WalkBody(body, [&](const py::Node* node) {
    if (found || IsScopeNode(node)) return false;
    if (const auto* call = py::DynCast<py::Call>(node)) {
      if (model.Matches(call->func, qualified)) found = true;
    }
    return !found;
  });
  return found;
}

bool FileMentions(const CheckContext& context, std::string_view qualified) {
  const semantic::SemanticModel& model = context.model();
  bool could = false;
  for (const semantic::ImportRecord& record : model.imports()) {
    std::string_view name = record.qualified_name;
    if (name == qualified) return true;
    if (qualified.starts_with(name) && qualified.size() > name.size() &&
        qualified[name.size()] == '.') {
      could = true;
    }
  }
  if (!could) return false;
  bool found = false;
  Walk(&context.module(), [&](const py::Node* node) {
    if (found) return false;
    if (py::Isa<py::Attribute>(node) && model.Matches(node, qualified)) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

const py::Expr* AssignedValue(const semantic::SemanticModel& model, const py::Node* name) {
  if (!py::Isa<py::Name>(name)) return nullptr;
  semantic::BindingId id = model.ResolveName(name);
  if (id == semantic::kNoId) return nullptr;
  const semantic::Binding& binding = model.binding(id);
  if (const auto* assign = py::DynCast<py::Assign>(binding.statement)) {
    for (const py::Expr* target : assign->targets) {
      if (target == binding.node) return assign->value;
    }
    return nullptr;
  }
  if (const auto* annotated = py::DynCast<py::AnnAssign>(binding.statement)) {
    if (annotated->target == binding.node) return annotated->value;
  }
  return nullptr;
}

namespace {

// DataFrame/Series attributes that are not themselves pandas objects.
bool IsScalarAttribute(std::string_view attr) {
  static constexpr std::array<std::string_view, 10> kScalar = {
      "values", "shape", "size", "ndim", "dtypes", "dtype", "empty", "name", "columns", "index"};
  for (std::string_view name : kScalar) {
    if (attr == name) return true;
  }
  return false;
}

// Methods of DataFrames and Series that return something else.
bool IsNonFrameMethod(std::string_view method) {
  static constexpr std::array<std::string_view, 12> kOther = {
      "to_numpy", "tolist", "to_list", "to_dict", "to_csv", "to_json", "item",
      "sum",      "mean",   "count",   "nunique", "to_parquet"};
  for (std::string_view name : kOther) {
    if (method == name) return true;
  }
  return false;
}

bool IsFrameName(std::string_view id) {
  return id == "df" || id.starts_with("df_") || id.ends_with("_df") || id == "dataframe";
}

bool AnnotatedAs(const semantic::SemanticModel& model, const py::Node* annotation,
                 std::string_view module) {
  if (annotation == nullptr) return false;
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(annotation);
  return name && name->StartsWith(module);
}

bool IsValueOf(const semantic::SemanticModel& model, const py::Node* expr, int depth,
               std::string_view module, bool (*recurse)(const semantic::SemanticModel&,
                                                        const py::Node*, int)) {
  if (expr == nullptr || depth > 4) return false;
  switch (expr->kind) {
    case py::NodeKind::kCall: {
      const auto* call = static_cast<const py::Call*>(expr);
      if (CallsInto(model, *call, module)) return true;
      const py::Expr* receiver = Receiver(*call);
      return receiver != nullptr && !IsNonFrameMethod(MethodName(*call)) &&
             recurse(model, receiver, depth + 1);
    }
    case py::NodeKind::kSubscript:
      return recurse(model, static_cast<const py::Subscript*>(expr)->value, depth + 1);
    case py::NodeKind::kAttribute: {
      const auto* attribute = static_cast<const py::Attribute*>(expr);
      if (IsScalarAttribute(attribute->attr) || IsImportName(model, attribute->value)) return false;
      return recurse(model, attribute->value, depth + 1);
    }
    case py::NodeKind::kName: {
      semantic::BindingId id = model.ResolveName(expr);
      if (id == semantic::kNoId) return false;
      const semantic::Binding& binding = model.binding(id);
      if (binding.kind == semantic::BindingKind::kParameter) {
        const auto* arg = py::DynCast<py::Arg>(binding.node);
        if (arg != nullptr && AnnotatedAs(model, arg->annotation, module)) return true;
        return module == "pandas" && IsFrameName(binding.name);
      }
      if (const auto* annotated = py::DynCast<py::AnnAssign>(binding.statement)) {
        if (AnnotatedAs(model, annotated->annotation, module)) return true;
      }
      return recurse(model, AssignedValue(model, expr), depth + 1);
    }
    default:
      return false;
  }
}

}  // namespace

bool IsPandasValue(const semantic::SemanticModel& model, const py::Node* expr, int depth) {
  return IsValueOf(model, expr, depth, "pandas", &IsPandasValue);
}

bool IsNumpyValue(const semantic::SemanticModel& model, const py::Node* expr, int depth) {
  if (const auto* binop = py::DynCast<py::BinOp>(expr)) {
    return IsNumpyValue(model, binop->left, depth + 1) ||
           IsNumpyValue(model, binop->right, depth + 1);
  }
  return IsValueOf(model, expr, depth, "numpy", &IsNumpyValue);
}

bool CallsInto(const semantic::SemanticModel& model, const py::Call& call,
               std::string_view module) {
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  return name && name->StartsWith(module);
}

bool IsImportName(const semantic::SemanticModel& model, const py::Node* expr) {
  if (!py::Isa<py::Name>(expr)) return false;
  semantic::BindingId id = model.ResolveName(expr);
  return id != semantic::kNoId && model.binding(id).IsImport();
}

}  // namespace dsaudit::checks::ds
