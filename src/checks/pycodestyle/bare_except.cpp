// E722: `except:` with no exception type.
#include "checks/check_context.h"
#include "checks/pycodestyle/pycodestyle_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E722",
    .name = "bare-except",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for `except:` clauses that name no exception type.",
    .why = "A bare `except:` also catches `KeyboardInterrupt` and `SystemExit`, so a long "
           "training run cannot be stopped with Ctrl-C and a failing job keeps going with "
           "half-initialised state. It hides the error the handler was not written for.",
    .example = "```python\ntry:\n    df = pd.read_csv(path)\nexcept:\n    df = None\n```",
    .instead = "```python\ntry:\n    df = pd.read_csv(path)\nexcept FileNotFoundError:\n    "
               "df = None\n```\n\nA handler that re-raises (`except: cleanup(); raise`) is "
               "not reported.",
};

void CheckHandler(const python::Node& node, CheckContext& context) {
  const auto& handler = static_cast<const python::ExceptHandler&>(node);
  if (handler.type != nullptr) return;
  for (const python::Stmt* statement : handler.body) {
    const auto* raise = python::DynCast<python::Raise>(statement);
    if (raise != nullptr && raise->exc == nullptr) return;
  }
  uint32_t begin = context.Offset(handler.pos.line, handler.pos.col);
  uint32_t end = context.Offset(handler.pos.end_line, handler.pos.end_col);
  const python::Token* keyword =
      pycodestyle::FindToken(context, python::TokenKind::kExcept, begin, end);
  python::Position pos = handler.pos;
  if (keyword != nullptr) pos = {keyword->line, keyword->col, keyword->end_line, keyword->end_col};
  context.Report(kRule, pos, "Do not use bare `except`");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kExceptHandler},
                        .on_node = CheckHandler});

}  // namespace dsaudit::checks
