// PLR0912: a function with more than 12 branches (ruff's pylint
// max-branches).
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

constexpr uint32_t kMaxBranches = 12;

const RuleInfo kRule = {
    .code = "PLR0912",
    .name = "too-many-branches",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds functions with more than 12 branches: each `if`, `elif` and `else`, loop (and "
            "its `else`), `except`, `try`-`else`, `finally` and `match` case counts. Remediation "
            "effort grows by two minutes per branch above the limit.",
    .why = "Branch-heavy functions mix several decisions in one place; every combination needs a "
           "test, and a change to one case easily breaks another. In pipelines they typically "
           "encode per-dataset or per-model special cases that should be configuration.",
    .example = "```python\ndef load(name):\n    if name == \"iris\":\n        ...\n    elif name "
               "== \"wine\":\n        ...\n    # ... a dozen more elif\n```",
    .instead = "```python\nLOADERS = {\"iris\": load_iris, \"wine\": load_wine}\n\ndef "
               "load(name):\n    return LOADERS[name]()\n```",
};

uint32_t Branches(const CheckContext& context, std::span<python::Stmt* const> body);

// An if/elif/else chain: the if, each elif and the else each count once.
uint32_t IfBranches(const CheckContext& context, const python::If& statement) {
  uint32_t branches = 1 + Branches(context, statement.body);
  const python::If* current = &statement;
  while (const python::If* elif = quality::ElifOf(context, *current)) {
    branches += 1 + Branches(context, elif->body);
    current = elif;
  }
  if (!current->orelse.empty()) branches += 1 + Branches(context, current->orelse);
  return branches;
}

uint32_t LoopBranches(const CheckContext& context, std::span<python::Stmt* const> body,
                      std::span<python::Stmt* const> orelse) {
  return 1 + Branches(context, body) + (orelse.empty() ? 0 : 1 + Branches(context, orelse));
}

uint32_t StatementBranches(const CheckContext& context, const python::Stmt* statement) {
  switch (statement->kind) {
    case python::NodeKind::kIf:
      return IfBranches(context, *static_cast<const python::If*>(statement));
    case python::NodeKind::kMatch: {
      uint32_t branches = 0;
      for (const python::MatchCase* match_case :
           static_cast<const python::Match*>(statement)->cases) {
        branches += 1 + Branches(context, match_case->body);
      }
      return branches;
    }
    case python::NodeKind::kWith:
      return Branches(context, static_cast<const python::With*>(statement)->body);
    case python::NodeKind::kAsyncWith:
      return Branches(context, static_cast<const python::AsyncWith*>(statement)->body);
    case python::NodeKind::kFor: {
      const auto* node = static_cast<const python::For*>(statement);
      return LoopBranches(context, node->body, node->orelse);
    }
    case python::NodeKind::kAsyncFor: {
      const auto* node = static_cast<const python::AsyncFor*>(statement);
      return LoopBranches(context, node->body, node->orelse);
    }
    case python::NodeKind::kWhile: {
      const auto* node = static_cast<const python::While*>(statement);
      return LoopBranches(context, node->body, node->orelse);
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
      uint32_t branches = Branches(context, body);
      if (!orelse.empty()) branches += 1 + Branches(context, orelse);
      if (!finalbody.empty()) branches += 1 + Branches(context, finalbody);
      for (const python::ExceptHandler* handler : handlers) {
        branches += 1 + Branches(context, handler->body);
      }
      return branches;
    }
    default:
      return 0;
  }
}

uint32_t Branches(const CheckContext& context, std::span<python::Stmt* const> body) {
  uint32_t branches = 0;
  for (const python::Stmt* statement : body) branches += StatementBranches(context, statement);
  return branches;
}

void CheckFunction(const python::Node& node, CheckContext& context) {
  std::optional<quality::FunctionView> function = quality::AsFunction(&node);
  uint32_t branches = Branches(context, function->body);
  if (branches <= kMaxBranches) return;
  context.Report(Diagnostic{
      .rule = &kRule,
      .pos = function->name_pos,
      .message = fmt::format("Too many branches ({} > {})", branches, kMaxBranches),
      .effort_minutes = kRule.effort_minutes + 2 * (branches - kMaxBranches)});
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckFunction});

}  // namespace dsaudit::checks
