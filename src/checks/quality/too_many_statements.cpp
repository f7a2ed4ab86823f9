// PLR0915: a function with more than 50 statements (ruff's pylint
// max-statements).
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

constexpr uint32_t kMaxStatements = 50;

const RuleInfo kRule = {
    .code = "PLR0915",
    .name = "too-many-statements",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds functions with more than 50 statements, counted as pylint counts them "
            "(nested blocks included, `return` not). Remediation effort grows by one minute per "
            "statement above the limit.",
    .why = "A 200-line `main()` or `train()` that loads data, cleans it, engineers features, "
           "trains, evaluates and plots cannot be tested or reused piece by piece; it is the "
           "notebook cell pasted into a function.",
    .example = "```python\ndef run():\n    df = pd.read_csv(...)\n    df = df.dropna()\n    # ... "
               "60 more statements of cleaning, training and plotting\n```",
    .instead = "```python\ndef run():\n    df = load()\n    features = build_features(df)\n    "
               "model = train(features)\n    report(model, features)\n```",
};

uint32_t Count(const CheckContext& context, std::span<python::Stmt* const> body);

uint32_t IfCount(const CheckContext& context, const python::If& statement) {
  uint32_t count = 1 + Count(context, statement.body);
  const python::If* current = &statement;
  while (const python::If* elif = quality::ElifOf(context, *current)) {
    count += 1 + Count(context, elif->body);
    current = elif;
  }
  if (!current->orelse.empty()) count += 1 + Count(context, current->orelse);
  return count;
}

uint32_t StatementCount(const CheckContext& context, const python::Stmt* statement) {
  switch (statement->kind) {
    case python::NodeKind::kIf:
      return IfCount(context, *static_cast<const python::If*>(statement));
    case python::NodeKind::kFor: {
      const auto* node = static_cast<const python::For*>(statement);
      return Count(context, node->body) + Count(context, node->orelse);
    }
    case python::NodeKind::kAsyncFor: {
      const auto* node = static_cast<const python::AsyncFor*>(statement);
      return Count(context, node->body) + Count(context, node->orelse);
    }
    case python::NodeKind::kWhile: {
      const auto* node = static_cast<const python::While*>(statement);
      return 1 + Count(context, node->body) + Count(context, node->orelse);
    }
    case python::NodeKind::kMatch: {
      uint32_t count = 1;
      for (const python::MatchCase* match_case :
           static_cast<const python::Match*>(statement)->cases) {
        count += 1 + Count(context, match_case->body);
      }
      return count;
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
      uint32_t count = 1 + Count(context, body);
      if (!orelse.empty()) count += 1 + Count(context, orelse);
      // pylint's convention, which ruff keeps: a finally counts twice.
      if (!finalbody.empty()) count += 2 + Count(context, finalbody);
      if (handlers.size() > 1) count += 1;
      for (const python::ExceptHandler* handler : handlers) {
        count += 1 + Count(context, handler->body);
      }
      return count;
    }
    case python::NodeKind::kFunctionDef:
    case python::NodeKind::kAsyncFunctionDef:
      return 1 + Count(context, quality::AsFunction(statement)->body);
    case python::NodeKind::kWith:
      return 1 + Count(context, static_cast<const python::With*>(statement)->body);
    case python::NodeKind::kAsyncWith:
      return 1 + Count(context, static_cast<const python::AsyncWith*>(statement)->body);
    case python::NodeKind::kReturn:
      return 0;
    default:
      return 1;
  }
}

uint32_t Count(const CheckContext& context, std::span<python::Stmt* const> body) {
  uint32_t count = 0;
  for (const python::Stmt* statement : body) count += StatementCount(context, statement);
  return count;
}

void CheckFunction(const python::Node& node, CheckContext& context) {
  std::optional<quality::FunctionView> function = quality::AsFunction(&node);
  uint32_t statements = Count(context, function->body);
  if (statements <= kMaxStatements) return;
  context.Report(Diagnostic{
      .rule = &kRule,
      .pos = function->name_pos,
      .message = fmt::format("Too many statements ({} > {})", statements, kMaxStatements),
      .effort_minutes = kRule.effort_minutes + (statements - kMaxStatements)});
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckFunction});

}  // namespace dsaudit::checks
