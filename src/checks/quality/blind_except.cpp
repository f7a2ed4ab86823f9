// BLE001: `except Exception:` / `except BaseException:` that neither
// re-raises nor logs the exception.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "BLE001",
    .name = "blind-except",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds `except` clauses that catch `Exception` or `BaseException` and then neither "
            "re-raise the exception nor log it with its traceback.",
    .why = "A blind `except` turns every bug in the `try` block (a typo, a wrong column name, a "
           "CUDA out-of-memory error) into the same silent fallback. In a training script this "
           "usually means a run that finishes with wrong results instead of failing loudly; "
           "`BaseException` even swallows `KeyboardInterrupt`.",
    .example = "```python\ntry:\n    df = pd.read_parquet(path)\nexcept Exception:\n    df = "
               "pd.DataFrame()\n```",
    .instead = "```python\ntry:\n    df = pd.read_parquet(path)\nexcept FileNotFoundError:\n    "
               "df = pd.DataFrame()\n```\n\nCatching broadly is fine where the handler re-raises "
               "(`raise`, `raise X from e`) or logs the traceback (`logger.exception(...)`, "
               "`logging.error(..., exc_info=True)`).",
};

// The builtin Exception/BaseException the clause names (also inside tuples).
const python::Expr* BlindType(const semantic::SemanticModel& model, const python::Expr* type,
                              std::string_view& name) {
  if (const auto* tuple = python::DynCast<python::Tuple>(type)) {
    for (const python::Expr* element : tuple->elts) {
      if (const python::Expr* found = BlindType(model, element, name)) return found;
    }
    return nullptr;
  }
  for (std::string_view candidate : {"BaseException", "Exception"}) {
    if (quality::IsBuiltin(model, type, candidate)) {
      name = candidate;
      return type;
    }
  }
  return nullptr;
}

bool IsName(const python::Expr* expr, std::string_view name) {
  const auto* node = python::DynCast<python::Name>(expr);
  return node != nullptr && !name.empty() && node->id == name;
}

bool IsLoggerMethod(std::string_view name) {
  return name == "debug" || name == "info" || name == "warn" || name == "warning" ||
         name == "error" || name == "critical" || name == "log" || name == "exception";
}

// ruff's Truthiness: only a literal that is falsy disables exc_info.
bool IsFalsyLiteral(const semantic::SemanticModel& model, const python::Expr* expr) {
  if (const auto* constant = python::DynCast<python::Constant>(expr)) {
    const python::ConstantValue& value = constant->value;
    switch (value.kind) {
      case python::ConstantKind::kNone:
      case python::ConstantKind::kFalse:
        return true;
      case python::ConstantKind::kInt:
        return value.text.find_first_not_of("0xXoObB_") == std::string_view::npos;
      case python::ConstantKind::kFloat:
      case python::ConstantKind::kComplex:
        return value.number == 0;
      case python::ConstantKind::kStr:
      case python::ConstantKind::kBytes:
        return value.text.empty();
      default:
        return false;
    }
  }
  if (const auto* list = python::DynCast<python::List>(expr)) return list->elts.empty();
  if (const auto* tuple = python::DynCast<python::Tuple>(expr)) return tuple->elts.empty();
  if (const auto* set = python::DynCast<python::Set>(expr)) return set->elts.empty();
  if (const auto* dict = python::DynCast<python::Dict>(expr)) return dict->keys.empty();
  if (const auto* call = python::DynCast<python::Call>(expr)) {
    // `dict()`, `list()` ... of builtins with no arguments are falsy.
    if (!call->args.empty() || !call->keywords.empty()) return false;
    for (std::string_view builtin : {"bool", "int", "float", "complex", "str", "bytes", "list",
                                     "tuple", "set", "frozenset", "dict"}) {
      if (quality::IsBuiltin(model, call->func, builtin)) return true;
    }
  }
  return false;
}

// ruff 0.17 accepts a truthy exc_info on every logger method.
bool ExcInfoEnabled(const semantic::SemanticModel& model, const python::Call& call) {
  for (const python::Keyword* keyword : call.keywords) {
    if (keyword->arg == "exc_info") return !IsFalsyLiteral(model, keyword->value);
  }
  return false;
}

// ruff's logging::is_logger_candidate with default settings.
bool IsLoggerCandidate(const semantic::SemanticModel& model, const python::Attribute& func) {
  if (const auto* inner = python::DynCast<python::Call>(func.value)) {
    return model.Matches(inner->func, "logging.getLogger") ||
           model.Matches(inner->func, "logging.Logger");
  }
  // A relative import outside a package resolves to nothing: judged by name.
  if (std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(func.value)) {
    return *name == "logging" || *name == "flask.current_app.logger";
  }
  // The last segment of a local dotted name: `logger`, `self.log`, `LOGGER`.
  std::string_view tail;
  const python::Expr* value = func.value;
  if (const auto* attribute = python::DynCast<python::Attribute>(value)) {
    tail = attribute->attr;
    for (value = attribute->value; const auto* inner = python::DynCast<python::Attribute>(value);) {
      value = inner->value;
    }
    if (!python::Isa<python::Name>(value)) return false;
  } else if (const auto* name = python::DynCast<python::Name>(value)) {
    tail = name->id;
  } else {
    return false;
  }
  return tail.starts_with("log") || tail.ends_with("logger") || tail.ends_with("logging") ||
         tail.starts_with("LOG") || tail.ends_with("LOGGER") || tail.ends_with("LOGGING");
}

bool LogsException(const semantic::SemanticModel& model, const python::Call& call) {
  if (const auto* attribute = python::DynCast<python::Attribute>(call.func)) {
    if (!IsLoggerCandidate(model, *attribute)) return false;
    if (attribute->attr == "exception") return true;
    return IsLoggerMethod(attribute->attr) && ExcInfoEnabled(model, call);
  }
  if (!python::Isa<python::Name>(call.func)) return false;
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name) return false;
  // `from logging import exception` and friends: exactly `logging.<method>`.
  std::string joined = name->ToString();
  if (!joined.starts_with("logging.") || joined.find('.', 8) != std::string::npos) return false;
  std::string_view method = name->LastSegment();
  if (method == "exception") return true;
  return IsLoggerMethod(method) && ExcInfoEnabled(model, call);
}

// Visits statements of the handler body as ruff's StatementVisitor does:
// nested try statements, functions and classes are not entered.
template <class Visit>
bool AnyStatement(std::span<python::Stmt* const> body, Visit&& visit);

template <class Visit>
bool AnyInStatement(const python::Stmt* statement, Visit&& visit) {
  if (visit(statement)) return true;
  switch (statement->kind) {
    case python::NodeKind::kTry:
    case python::NodeKind::kTryStar:
    case python::NodeKind::kFunctionDef:
    case python::NodeKind::kAsyncFunctionDef:
    case python::NodeKind::kClassDef:
      return false;
    case python::NodeKind::kIf: {
      const auto* node = static_cast<const python::If*>(statement);
      return AnyStatement(node->body, visit) || AnyStatement(node->orelse, visit);
    }
    case python::NodeKind::kFor: {
      const auto* node = static_cast<const python::For*>(statement);
      return AnyStatement(node->body, visit) || AnyStatement(node->orelse, visit);
    }
    case python::NodeKind::kAsyncFor: {
      const auto* node = static_cast<const python::AsyncFor*>(statement);
      return AnyStatement(node->body, visit) || AnyStatement(node->orelse, visit);
    }
    case python::NodeKind::kWhile: {
      const auto* node = static_cast<const python::While*>(statement);
      return AnyStatement(node->body, visit) || AnyStatement(node->orelse, visit);
    }
    case python::NodeKind::kWith:
      return AnyStatement(static_cast<const python::With*>(statement)->body, visit);
    case python::NodeKind::kAsyncWith:
      return AnyStatement(static_cast<const python::AsyncWith*>(statement)->body, visit);
    case python::NodeKind::kMatch:
      for (const python::MatchCase* match_case :
           static_cast<const python::Match*>(statement)->cases) {
        if (AnyStatement(match_case->body, visit)) return true;
      }
      return false;
    default:
      return false;
  }
}

template <class Visit>
bool AnyStatement(std::span<python::Stmt* const> body, Visit&& visit) {
  for (const python::Stmt* statement : body) {
    if (AnyInStatement(statement, visit)) return true;
  }
  return false;
}

void CheckHandler(const python::Node& node, CheckContext& context) {
  const auto& handler = static_cast<const python::ExceptHandler&>(node);
  if (handler.type == nullptr) return;
  const semantic::SemanticModel& model = context.model();
  std::string_view name;
  const python::Expr* blind = BlindType(model, handler.type, name);
  if (blind == nullptr) return;
  bool reraised = AnyStatement(handler.body, [&](const python::Stmt* statement) {
    const auto* raise = python::DynCast<python::Raise>(statement);
    if (raise == nullptr) return false;
    if (raise->exc == nullptr && raise->cause == nullptr) return true;
    return IsName(raise->cause, handler.name) || IsName(raise->exc, handler.name);
  });
  if (reraised) return;
  bool logged = AnyStatement(handler.body, [&](const python::Stmt* statement) {
    const auto* expression = python::DynCast<python::ExprStmt>(statement);
    if (expression == nullptr) return false;
    const auto* call = python::DynCast<python::Call>(expression->value);
    return call != nullptr && LogsException(model, *call);
  });
  if (logged) return;
  context.Report(kRule, *blind, fmt::format("Do not catch blind exception: `{}`", name));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kExceptHandler},
                        .on_node = CheckHandler});

}  // namespace dsaudit::checks
