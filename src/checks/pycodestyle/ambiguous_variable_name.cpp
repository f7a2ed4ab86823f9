// E741: variables named `l`, `O` or `I`.
#include <fmt/format.h>

#include <string_view>

#include "checks/check_context.h"
#include "checks/pycodestyle/pycodestyle_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E741",
    .name = "ambiguous-variable-name",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for variables, parameters and exception names spelled `l`, `O` or `I`.",
    .why = "In many fonts these letters look like the digits `1` and `0` or like each other, so "
           "`l[0] + I` is easy to misread, and a search for the name finds every letter.",
    .example = "```python\nfor l in lines:\n    total += len(l)\n```",
    .instead = "```python\nfor line in lines:\n    total += len(line)\n```",
};

bool IsAmbiguous(std::string_view name) { return name == "l" || name == "I" || name == "O"; }

void ReportName(CheckContext& context, std::string_view name, const python::Position& pos) {
  if (IsAmbiguous(name)) context.Report(kRule, pos, fmt::format("Ambiguous variable name: `{}`", name));
}

// `global l, x`: the names are identifiers without positions; find their tokens.
void CheckDeclaration(const python::Node& node, CheckContext& context) {
  uint32_t begin = context.Offset(node.pos.line, node.pos.col);
  uint32_t end = context.Offset(node.pos.end_line, node.pos.end_col);
  std::string_view text = context.source().text();
  uint32_t at = begin;
  while (const python::Token* token =
             pycodestyle::FindToken(context, python::TokenKind::kName, at, end)) {
    ReportName(context, token->Text(text),
               {token->line, token->col, token->end_line, token->end_col});
    at = token->end;
  }
}

void CheckNode(const python::Node& node, CheckContext& context) {
  switch (node.kind) {
    case python::NodeKind::kName: {
      const auto& name = static_cast<const python::Name&>(node);
      if (name.ctx == python::ExprContext::kStore) ReportName(context, name.id, name.pos);
      return;
    }
    case python::NodeKind::kArg: {
      const auto& arg = static_cast<const python::Arg&>(node);
      python::Position pos = arg.pos;
      pos.end_line = pos.line;
      pos.end_col = pos.col + static_cast<uint32_t>(arg.arg.size());
      ReportName(context, arg.arg, pos);
      return;
    }
    case python::NodeKind::kExceptHandler: {
      const auto& handler = static_cast<const python::ExceptHandler&>(node);
      if (!handler.name.empty()) ReportName(context, handler.name, handler.name_pos);
      return;
    }
    case python::NodeKind::kGlobal:
    case python::NodeKind::kNonlocal:
      CheckDeclaration(node, context);
      return;
    default:
      return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kName, python::NodeKind::kArg,
                                       python::NodeKind::kExceptHandler,
                                       python::NodeKind::kGlobal, python::NodeKind::kNonlocal},
                        .on_node = CheckNode});

}  // namespace dsaudit::checks
