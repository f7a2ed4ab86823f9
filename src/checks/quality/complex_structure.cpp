// C901: a function whose McCabe cyclomatic complexity exceeds the limit
// (ruff's mccabe max-complexity, default 10).
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

constexpr uint32_t kMaxComplexity = 10;

const RuleInfo kRule = {
    .code = "C901",
    .name = "complex-structure",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds functions whose cyclomatic complexity (one plus the number of `if`/`elif`, "
            "loops, `except` clauses, `try`-`else`, `match` cases and nested functions) is above "
            "10. Remediation effort grows by one minute per point above the limit.",
    .why = "Each decision point doubles the paths a reader and a test have to cover. Data "
           "preparation functions that grew one special case at a time become impossible to "
           "test exhaustively, and that is where silent data bugs hide.",
    .example = "```python\ndef clean(df):\n    if ...:\n        ...\n    elif ...:\n        ...\n"
               "    for column in df:\n        if ...:\n            ...\n    # ... ten more "
               "branches\n```",
    .instead = "Split the function into small steps with one responsibility each "
               "(`drop_invalid_rows`, `normalise_units`, ...), replace `if`/`elif` ladders by "
               "lookup tables, and let each step have its own tests.",
};

uint32_t Complexity(const CheckContext& context, std::span<python::Stmt* const> body);

uint32_t IfComplexity(const CheckContext& context, const python::If& statement) {
  uint32_t complexity = 1 + Complexity(context, statement.body);
  // An elif is counted by the recursion; a plain else adds only its body.
  return complexity + Complexity(context, statement.orelse);
}

// ruff's Pattern::is_irrefutable: a capture or wildcard, or an or-pattern containing one.
bool IsIrrefutable(const python::Pattern* pattern) {
  if (const auto* as = python::DynCast<python::MatchAs>(pattern)) {
    return as->pattern == nullptr || IsIrrefutable(as->pattern);
  }
  if (const auto* alternatives = python::DynCast<python::MatchOr>(pattern)) {
    for (const python::Pattern* alternative : alternatives->patterns) {
      if (IsIrrefutable(alternative)) return true;
    }
  }
  return false;
}

uint32_t StatementComplexity(const CheckContext& context, const python::Stmt* statement) {
  switch (statement->kind) {
    case python::NodeKind::kIf:
      return IfComplexity(context, *static_cast<const python::If*>(statement));
    case python::NodeKind::kFor: {
      const auto* node = static_cast<const python::For*>(statement);
      return 1 + Complexity(context, node->body) + Complexity(context, node->orelse);
    }
    case python::NodeKind::kAsyncFor: {
      const auto* node = static_cast<const python::AsyncFor*>(statement);
      return 1 + Complexity(context, node->body) + Complexity(context, node->orelse);
    }
    case python::NodeKind::kWhile: {
      const auto* node = static_cast<const python::While*>(statement);
      return 1 + Complexity(context, node->body) + Complexity(context, node->orelse);
    }
    case python::NodeKind::kWith:
      return Complexity(context, static_cast<const python::With*>(statement)->body);
    case python::NodeKind::kAsyncWith:
      return Complexity(context, static_cast<const python::AsyncWith*>(statement)->body);
    case python::NodeKind::kMatch: {
      const auto* node = static_cast<const python::Match*>(statement);
      uint32_t complexity = 0;
      for (const python::MatchCase* match_case : node->cases) {
        complexity += 1 + Complexity(context, match_case->body);
      }
      if (!node->cases.empty()) {
        const python::MatchCase* last = node->cases.back();
        if (last->guard == nullptr && IsIrrefutable(last->pattern)) complexity -= 1;
      }
      return complexity;
    }
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
      uint32_t complexity = Complexity(context, body) + (orelse.empty() ? 0 : 1) +
                            Complexity(context, orelse) + Complexity(context, finalbody);
      for (const python::ExceptHandler* handler : handlers) {
        complexity += 1 + Complexity(context, handler->body);
      }
      return complexity;
    }
    case python::NodeKind::kFunctionDef:
    case python::NodeKind::kAsyncFunctionDef:
      return 1 + Complexity(context, quality::AsFunction(statement)->body);
    case python::NodeKind::kClassDef:
      return Complexity(context, static_cast<const python::ClassDef*>(statement)->body);
    default:
      return 0;
  }
}

uint32_t Complexity(const CheckContext& context, std::span<python::Stmt* const> body) {
  uint32_t complexity = 0;
  for (const python::Stmt* statement : body) complexity += StatementComplexity(context, statement);
  return complexity;
}

void CheckFunction(const python::Node& node, CheckContext& context) {
  std::optional<quality::FunctionView> function = quality::AsFunction(&node);
  uint32_t complexity = Complexity(context, function->body) + 1;
  if (complexity <= kMaxComplexity) return;
  context.Report(Diagnostic{
      .rule = &kRule,
      .pos = function->name_pos,
      .message = fmt::format("`{}` is too complex ({} > {})", function->name, complexity,
                             kMaxComplexity),
      .effort_minutes = kRule.effort_minutes + (complexity - kMaxComplexity)});
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckFunction});

}  // namespace dsaudit::checks
