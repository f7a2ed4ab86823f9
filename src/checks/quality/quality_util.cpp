#include "checks/quality/quality_util.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <vector>

namespace dsaudit::checks::quality {
namespace {

bool QualifiedIs(const semantic::SemanticModel& model, const python::Node* expr,
                 std::string_view module, std::string_view member) {
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(expr);
  if (!name || name->LastSegment() != member) return false;
  std::string dotted;
  dotted.reserve(module.size() + 1 + member.size());
  dotted.append(module).append(".").append(member);
  return *name == dotted;
}

// ruff's map_callable: `f()` -> `f`.
const python::Node* MapCallable(const python::Node* expr) {
  if (const auto* call = python::DynCast<python::Call>(expr)) return call->func;
  return expr;
}

utf8proc_category_t CategoryAt(std::string_view text, size_t& i) {
  utf8proc_int32_t code = 0;
  utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(&text[i]),
                                             static_cast<utf8proc_ssize_t>(text.size() - i), &code);
  i += length > 0 ? static_cast<size_t>(length) : 1;
  return code < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(code);
}

bool IsAlphabetic(utf8proc_category_t category) {
  switch (category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<FunctionView> AsFunction(const python::Node* node) {
  if (const auto* def = python::DynCast<python::FunctionDef>(node)) {
    return FunctionView{def, def->name, def->args, def->body, def->decorator_list, def->returns,
                        def->name_pos};
  }
  if (const auto* def = python::DynCast<python::AsyncFunctionDef>(node)) {
    return FunctionView{def, def->name, def->args, def->body, def->decorator_list, def->returns,
                        def->name_pos};
  }
  return std::nullopt;
}

bool IsDummyName(std::string_view name) {
  if (name.empty() || name[0] != '_') return false;
  if (name.find_first_not_of('_') == std::string_view::npos) return true;
  // `_+[a-zA-Z0-9_]*[a-zA-Z0-9]`: word characters, ending in a letter or digit.
  unsigned char last = static_cast<unsigned char>(name.back());
  if (!std::isalnum(last)) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool IsLowercase(std::string_view name) {
  for (size_t i = 0; i < name.size();) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') return false;
      ++i;
      continue;
    }
    utf8proc_category_t category = CategoryAt(name, i);
    if (IsAlphabetic(category) && category != UTF8PROC_CATEGORY_LL) return false;
  }
  return true;
}

bool StartsUppercase(std::string_view name) {
  if (name.empty()) return false;
  size_t i = 0;
  return CategoryAt(name, i) == UTF8PROC_CATEGORY_LU;
}

bool IsIgnoredName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "setUp",         "tearDown",      "setUpClass",      "tearDownClass",
      "setUpModule",   "tearDownModule", "asyncSetUp",     "asyncTearDown",
      "setUpTestData", "failureException", "longMessage",  "maxDiff"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

bool IsBuiltin(const semantic::SemanticModel& model, const python::Node* expr,
               std::string_view name) {
  return QualifiedIs(model, expr, "builtins", name);
}

bool IsTypingMember(const semantic::SemanticModel& model, const python::Node* expr,
                    std::string_view member) {
  return QualifiedIs(model, expr, "typing", member) ||
         QualifiedIs(model, expr, "typing_extensions", member);
}

bool IsOverride(const semantic::SemanticModel& model, std::span<python::Expr* const> decorators) {
  return std::any_of(decorators.begin(), decorators.end(), [&](const python::Expr* decorator) {
    return IsTypingMember(model, decorator, "override");
  });
}

bool IsOverload(const semantic::SemanticModel& model, std::span<python::Expr* const> decorators) {
  return std::any_of(decorators.begin(), decorators.end(), [&](const python::Expr* decorator) {
    return IsTypingMember(model, decorator, "overload");
  });
}

bool HasBuiltinDecorator(const semantic::SemanticModel& model,
                         std::span<python::Expr* const> decorators, std::string_view name) {
  return std::any_of(decorators.begin(), decorators.end(), [&](const python::Expr* decorator) {
    return IsBuiltin(model, decorator, name);
  });
}

FunctionType Classify(const semantic::SemanticModel& model, const FunctionView& function) {
  semantic::ScopeId scope = model.ScopeOf(function.node);
  if (scope == semantic::kNoId || model.scope(scope).kind != semantic::ScopeKind::kClass) {
    return FunctionType::kFunction;
  }
  auto any_decorator = [&](std::string_view builtin, std::string_view abc_name) {
    return std::any_of(function.decorators.begin(), function.decorators.end(),
                       [&](const python::Expr* decorator) {
                         const python::Node* callable = MapCallable(decorator);
                         return IsBuiltin(model, callable, builtin) ||
                                QualifiedIs(model, callable, "abc", abc_name);
                       });
  };
  if (any_decorator("staticmethod", "abstractstaticmethod")) return FunctionType::kStaticMethod;
  if (any_decorator("classmethod", "abstractclassmethod")) return FunctionType::kClassMethod;
  if (function.name == "__new__") return FunctionType::kNewMethod;
  if (function.name == "__init_subclass__" || function.name == "__class_getitem__") {
    return FunctionType::kClassMethod;
  }
  return FunctionType::kMethod;
}

const python::If* ElifOf(const CheckContext& context, const python::If& statement) {
  if (statement.orelse.size() != 1) return nullptr;
  const auto* nested = python::DynCast<python::If>(statement.orelse[0]);
  if (nested == nullptr) return nullptr;
  uint32_t offset = context.Offset(nested->pos.line, nested->pos.col);
  std::string_view text = context.source().text();
  if (text.substr(offset, 4) != "elif") return nullptr;
  return nested;
}

void ForEachParameterDefault(
    const python::Arguments& args,
    const std::function<void(const python::Arg&, const python::Expr*)>& visit) {
  // Defaults align with the last positional parameters; kw_defaults one per kwonly.
  size_t positional = args.posonlyargs.size() + args.args.size();
  size_t first_default = positional - std::min(positional, args.defaults.size());
  size_t index = 0;
  auto positional_visit = [&](const python::Arg& arg) {
    const python::Expr* value = index >= first_default ? args.defaults[index - first_default]
                                                       : nullptr;
    ++index;
    visit(arg, value);
  };
  for (python::Arg* arg : args.posonlyargs) positional_visit(*arg);
  for (python::Arg* arg : args.args) positional_visit(*arg);
  for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
    visit(*args.kwonlyargs[i], i < args.kw_defaults.size() ? args.kw_defaults[i] : nullptr);
  }
}

const python::Expr* MapSubscript(const python::Expr* expr) {
  if (const auto* subscript = python::DynCast<python::Subscript>(expr)) return subscript->value;
  return expr;
}

namespace {

// Whether the resolved name is one of `names` ("module.member" each).
bool ResolvesToAny(const semantic::SemanticModel& model, const python::Node* expr,
                   std::initializer_list<std::string_view> names) {
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(expr);
  if (!name) return false;
  std::string_view last = name->LastSegment();
  for (std::string_view candidate : names) {
    if (!candidate.ends_with(last) || candidate.size() <= last.size() ||
        candidate[candidate.size() - last.size() - 1] != '.') {
      continue;
    }
    if (*name == candidate) return true;
  }
  return false;
}

bool IsImmutableGenericType(const semantic::SemanticModel& model, const python::Node* expr) {
  return ResolvesToAny(
      model, expr,
      {"builtins.frozenset", "builtins.tuple", "builtins.frozendict",
       "collections.abc.ByteString", "collections.abc.Collection", "collections.abc.Container",
       "collections.abc.Iterable", "collections.abc.Mapping", "collections.abc.Reversible",
       "collections.abc.Sequence", "collections.abc.Set", "typing.AbstractSet",
       "typing.ByteString", "typing.Callable", "typing.Collection", "typing.Container",
       "typing.FrozenSet", "typing.Iterable", "typing.Literal", "typing.Mapping", "typing.Never",
       "typing.NoReturn", "typing.Reversible", "typing.Sequence", "typing.Tuple"});
}

bool IsImmutableNonGenericType(const semantic::SemanticModel& model, const python::Node* expr) {
  return ResolvesToAny(model, expr,
                       {"collections.abc.Sized", "typing.LiteralString", "typing.Sized",
                        "builtins.bool", "builtins.bytes", "builtins.complex", "builtins.float",
                        "builtins.int", "builtins.object", "builtins.range", "builtins.str"});
}

}  // namespace

bool IsMutableFunc(const semantic::SemanticModel& model, const python::Expr* func) {
  return ResolvesToAny(model, func,
                       {"builtins.dict", "builtins.list", "builtins.set", "collections.Counter",
                        "collections.OrderedDict", "collections.defaultdict",
                        "collections.deque"});
}

bool IsMutableExpr(const semantic::SemanticModel& model, const python::Expr* expr) {
  switch (expr->kind) {
    case python::NodeKind::kList:
    case python::NodeKind::kDict:
    case python::NodeKind::kSet:
    case python::NodeKind::kListComp:
    case python::NodeKind::kDictComp:
    case python::NodeKind::kSetComp:
      return true;
    case python::NodeKind::kCall:
      return IsMutableFunc(model, MapSubscript(static_cast<const python::Call*>(expr)->func));
    default:
      return false;
  }
}

bool IsImmutableFunc(const semantic::SemanticModel& model, const python::Expr* func) {
  return ResolvesToAny(
      model, MapSubscript(func),
      {"datetime.date", "datetime.datetime", "datetime.time", "datetime.timedelta",
       "datetime.timezone", "datetime.tzinfo", "decimal.Decimal", "fractions.Fraction",
       "operator.attrgetter", "operator.itemgetter", "operator.methodcaller", "pathlib.Path",
       "types.MappingProxyType", "re.compile", "builtins.bool", "builtins.bytes",
       "builtins.complex", "builtins.float", "builtins.frozenset", "builtins.int",
       "builtins.range", "builtins.str", "builtins.tuple", "builtins.slice",
       "builtins.frozendict"});
}

bool IsImmutableAnnotation(const semantic::SemanticModel& model, const python::Expr* annotation) {
  switch (annotation->kind) {
    case python::NodeKind::kName:
    case python::NodeKind::kAttribute:
      return IsImmutableNonGenericType(model, annotation) ||
             IsImmutableGenericType(model, annotation);
    case python::NodeKind::kSubscript: {
      const auto* subscript = static_cast<const python::Subscript*>(annotation);
      if (IsImmutableGenericType(model, subscript->value)) return true;
      if (ResolvesToAny(model, subscript->value, {"typing.Union"})) {
        const auto* tuple = python::DynCast<python::Tuple>(subscript->slice);
        if (tuple == nullptr) return false;
        for (const python::Expr* element : tuple->elts) {
          if (!IsImmutableAnnotation(model, element)) return false;
        }
        return true;
      }
      if (ResolvesToAny(model, subscript->value, {"typing.Optional"})) {
        return IsImmutableAnnotation(model, subscript->slice);
      }
      if (ResolvesToAny(model, subscript->value,
                        {"typing.Annotated", "typing_extensions.Annotated"})) {
        const auto* tuple = python::DynCast<python::Tuple>(subscript->slice);
        return tuple != nullptr && !tuple->elts.empty() &&
               IsImmutableAnnotation(model, tuple->elts[0]);
      }
      return false;
    }
    case python::NodeKind::kBinOp: {
      const auto* binop = static_cast<const python::BinOp*>(annotation);
      return binop->op == python::Operator::kBitOr && IsImmutableAnnotation(model, binop->left) &&
             IsImmutableAnnotation(model, binop->right);
    }
    case python::NodeKind::kConstant:
      return static_cast<const python::Constant*>(annotation)->value.kind ==
             python::ConstantKind::kNone;
    default:
      return false;
  }
}

bool HasDocstring(std::span<python::Stmt* const> body) {
  if (body.empty()) return false;
  const auto* statement = python::DynCast<python::ExprStmt>(body[0]);
  if (statement == nullptr) return false;
  const auto* constant = python::DynCast<python::Constant>(statement->value);
  return constant != nullptr && constant->value.kind == python::ConstantKind::kStr;
}

bool IsPublicModule(std::string_view path) {
  // ruff names a module inside a package by its dotted path (`pkg._impl.io`)
  // and calls it private when any part is; outside packages only the file
  // stem counts. Directories starting with `_` are packages in practice.
  auto is_private = [](std::string_view part) {
    if (!part.starts_with('_')) return false;
    return !(part.starts_with("__") && part.ends_with("__"));
  };
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t slash = path.find('/', begin);
    std::string_view part = path.substr(begin, slash == std::string_view::npos ? path.size() - begin
                                                                               : slash - begin);
    if (slash == std::string_view::npos) {
      size_t dot = part.rfind('.');
      if (dot != std::string_view::npos) part = part.substr(0, dot);
      return !is_private(part);
    }
    if (is_private(part)) return false;
    begin = slash + 1;
  }
  return true;
}

namespace {

struct DefinitionWalker {
  const CheckContext& context;
  const std::function<void(const Definition&)>& visit;

  bool Exported(std::string_view name) const {
    const semantic::SemanticModel& model = context.model();
    if (!model.defines_all()) return true;
    std::span<const semantic::Export> exports = model.exports();
    return std::any_of(exports.begin(), exports.end(),
                       [name](const semantic::Export& entry) { return entry.name == name; });
  }

  static bool IsMagic(std::string_view name) {
    return name.starts_with("__") && name.ends_with("__");
  }

  // ruff's method_visibility: setters/deleters are private, magic methods public.
  static bool MethodIsPublic(const FunctionView& function) {
    for (const python::Expr* decorator : function.decorators) {
      const auto* attribute = python::DynCast<python::Attribute>(decorator);
      if (attribute == nullptr || (attribute->attr != "setter" && attribute->attr != "deleter")) {
        continue;
      }
      const auto* base = python::DynCast<python::Name>(attribute->value);
      if (base != nullptr && base->id == function.name) return false;
    }
    return !function.name.starts_with('_') || IsMagic(function.name);
  }

  // `parent`: nullptr for the module.
  void Walk(std::span<python::Stmt* const> body, const Definition* parent, bool parent_public) {
    for (const python::Stmt* statement : body) Statement(statement, parent, parent_public);
  }

  void Statement(const python::Stmt* statement, const Definition* parent, bool parent_public) {
    if (auto function = AsFunction(statement)) {
      Definition definition{.node = statement};
      if (parent == nullptr) {
        definition.kind = MemberKind::kFunction;
        definition.is_public =
            parent_public && Exported(function->name) && !function->name.starts_with('_');
      } else if (parent->kind == MemberKind::kClass || parent->kind == MemberKind::kNestedClass) {
        definition.kind = MemberKind::kMethod;
        definition.is_public = parent_public && MethodIsPublic(*function);
      } else {
        definition.kind = MemberKind::kNestedFunction;
        definition.is_public = false;
      }
      visit(definition);
      Walk(function->body, &definition, definition.is_public);
      return;
    }
    if (const auto* class_def = python::DynCast<python::ClassDef>(statement)) {
      Definition definition{.node = statement};
      bool underscore = class_def->name.starts_with('_');
      if (parent == nullptr) {
        definition.kind = MemberKind::kClass;
        definition.is_public = parent_public && Exported(class_def->name) && !underscore;
      } else {
        definition.kind = MemberKind::kNestedClass;
        bool in_function = parent->kind == MemberKind::kFunction ||
                           parent->kind == MemberKind::kNestedFunction ||
                           parent->kind == MemberKind::kMethod;
        definition.is_public = parent_public && !in_function && !underscore;
      }
      visit(definition);
      Walk(class_def->body, &definition, definition.is_public);
      return;
    }
    Nested(statement, parent, parent_public);
  }

  // Defs inside compound statements belong to the same parent definition.
  void Nested(const python::Stmt* statement, const Definition* parent, bool parent_public) {
    switch (statement->kind) {
      case python::NodeKind::kIf: {
        const auto* node = static_cast<const python::If*>(statement);
        Walk(node->body, parent, parent_public);
        Walk(node->orelse, parent, parent_public);
        break;
      }
      case python::NodeKind::kFor: {
        const auto* node = static_cast<const python::For*>(statement);
        Walk(node->body, parent, parent_public);
        Walk(node->orelse, parent, parent_public);
        break;
      }
      case python::NodeKind::kAsyncFor: {
        const auto* node = static_cast<const python::AsyncFor*>(statement);
        Walk(node->body, parent, parent_public);
        Walk(node->orelse, parent, parent_public);
        break;
      }
      case python::NodeKind::kWhile: {
        const auto* node = static_cast<const python::While*>(statement);
        Walk(node->body, parent, parent_public);
        Walk(node->orelse, parent, parent_public);
        break;
      }
      case python::NodeKind::kWith:
        Walk(static_cast<const python::With*>(statement)->body, parent, parent_public);
        break;
      case python::NodeKind::kAsyncWith:
        Walk(static_cast<const python::AsyncWith*>(statement)->body, parent, parent_public);
        break;
      case python::NodeKind::kTry:
      case python::NodeKind::kTryStar: {
        std::span<python::Stmt* const> body, orelse, finalbody;
        std::span<python::ExceptHandler* const> handlers;
        if (const auto* node = python::DynCast<python::Try>(statement)) {
          body = node->body, orelse = node->orelse, finalbody = node->finalbody;
          handlers = node->handlers;
        } else {
          const auto* star = static_cast<const python::TryStar*>(statement);
          body = star->body, orelse = star->orelse, finalbody = star->finalbody;
          handlers = star->handlers;
        }
        Walk(body, parent, parent_public);
        for (const python::ExceptHandler* handler : handlers) {
          Walk(handler->body, parent, parent_public);
        }
        Walk(orelse, parent, parent_public);
        Walk(finalbody, parent, parent_public);
        break;
      }
      case python::NodeKind::kMatch:
        for (const python::MatchCase* match_case :
             static_cast<const python::Match*>(statement)->cases) {
          Walk(match_case->body, parent, parent_public);
        }
        break;
      default:
        break;
    }
  }
};

}  // namespace

void ForEachDefinition(const CheckContext& context,
                       const std::function<void(const Definition&)>& visit) {
  DefinitionWalker walker{context, visit};
  walker.Walk(context.module().body, nullptr, IsPublicModule(context.path()));
}

}  // namespace dsaudit::checks::quality
