// DS703: a broad except whose body does nothing (pass, continue, return None).
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS703",
    .name = "swallowed-exception",
    .area = Area::kMonitoring,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds broad exception handlers (`except:`, `except Exception:`, `except "
            "BaseException:`, or a tuple containing one of them) whose body only consists of "
            "`pass`, `...`, `continue`, `break`, `return` or `return None`: the error "
            "disappears without a trace.\n\nRuff's `S110`/`S112` report only a lone `pass` or "
            "`continue`, and `BLE001` any broad handler that does not re-raise; this check "
            "reports the silent ones in all their forms, as a monitoring problem.",
    .why = "A swallowed exception turns a failure into wrong results: rows silently skipped, a "
           "model trained on half the files, a metric that is `None`. Nobody is alerted, the "
           "logs show nothing, and the cause is found weeks later, if at all.",
    .example = "```python\nfor path in paths:\n    try:\n        frames.append(pd.read_csv(path))"
               "\n    except Exception:\n        continue\n```",
    .instead = "```python\nfor path in paths:\n    try:\n        frames.append(pd.read_csv(path))"
               "\n    except (OSError, pd.errors.ParserError):\n        logger.exception(\"skipping "
               "%s\", path)\n        skipped += 1\n```",
};

std::string_view BroadType(const python::Expr* type, const semantic::SemanticModel& model) {
  if (type == nullptr) return "except:";
  if (model.Matches(type, "builtins.Exception")) return "except Exception:";
  if (model.Matches(type, "builtins.BaseException")) return "except BaseException:";
  if (const auto* tuple = python::DynCast<python::Tuple>(type)) {
    for (const python::Expr* element : tuple->elts) {
      std::string_view broad = BroadType(element, model);
      if (!broad.empty() && element != nullptr) return broad;
    }
  }
  return {};
}

// The statement's silent word, or "" when the statement does something.
std::string_view SilentStatement(const python::Stmt* statement) {
  switch (statement->kind) {
    case python::NodeKind::kPass: return "pass";
    case python::NodeKind::kContinue: return "continue";
    case python::NodeKind::kBreak: return "break";
    case python::NodeKind::kReturn: {
      const python::Expr* value = static_cast<const python::Return*>(statement)->value;
      if (value == nullptr) return "return";
      const auto* constant = python::DynCast<python::Constant>(value);
      if (constant != nullptr && constant->value.kind == python::ConstantKind::kNone) {
        return "return None";
      }
      return {};
    }
    case python::NodeKind::kExprStmt: {
      const auto* constant =
          python::DynCast<python::Constant>(static_cast<const python::ExprStmt*>(statement)->value);
      if (constant != nullptr && constant->value.kind == python::ConstantKind::kEllipsis) {
        return "...";
      }
      return {};
    }
    default:
      return {};
  }
}

void CheckHandler(const python::Node& node, CheckContext& context) {
  const auto& handler = static_cast<const python::ExceptHandler&>(node);
  std::string_view broad = BroadType(handler.type, context.model());
  if (broad.empty() || handler.body.empty()) return;
  std::string_view silent;
  for (const python::Stmt* statement : handler.body) {
    std::string_view word = SilentStatement(statement);
    if (word.empty()) return;
    if (silent.empty() || word != "pass") silent = word;
  }
  python::Position pos = handler.pos;
  pos.end_line = handler.type != nullptr ? handler.type->pos.end_line : pos.line;
  pos.end_col = handler.type != nullptr ? handler.type->pos.end_col : pos.col + 6;
  context.Report(kRule, pos,
                 fmt::format("`{}` swallows the error silently (`{}`): log it or let it "
                             "propagate",
                             broad.substr(0, broad.size() - 1), silent));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kExceptHandler},
                        .on_node = CheckHandler});

}  // namespace dsaudit::checks
