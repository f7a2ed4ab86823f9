// S110: an `except` clause (bare or catching Exception/BaseException) whose
// whole body is `pass`.
#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S110",
    .name = "try-except-pass",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds `try`/`except`/`pass`: a handler for all exceptions (bare `except:`, "
            "`Exception` or `BaseException`) that does nothing but `pass`.",
    .why = "The error disappears without a trace. When a feature-engineering step or a model "
           "download fails this way, the pipeline carries on with missing data and nobody can "
           "tell from the logs what went wrong.",
    .example = "```python\ntry:\n    model.load_state_dict(torch.load(path))\nexcept "
               "Exception:\n    pass\n```",
    .instead = "```python\ntry:\n    model.load_state_dict(torch.load(path))\nexcept "
               "FileNotFoundError:\n    logger.warning(\"no checkpoint at %s, training from "
               "scratch\", path)\n```\n\nIf ignoring is really intended, catch the specific "
               "exception and say so: `with contextlib.suppress(FileNotFoundError):`.",
};

bool IsUntyped(const semantic::SemanticModel& model, const python::Expr* type) {
  if (type == nullptr) return true;
  auto broad = [&](const python::Expr* expr) {
    return quality::IsBuiltin(model, expr, "Exception") ||
           quality::IsBuiltin(model, expr, "BaseException");
  };
  if (const auto* tuple = python::DynCast<python::Tuple>(type)) {
    for (const python::Expr* element : tuple->elts) {
      if (broad(element)) return true;
    }
    return false;
  }
  return broad(type);
}

void CheckHandler(const python::Node& node, CheckContext& context) {
  const auto& handler = static_cast<const python::ExceptHandler&>(node);
  if (handler.body.size() != 1 || !python::Isa<python::Pass>(handler.body[0])) return;
  if (!IsUntyped(context.model(), handler.type)) return;
  context.Report(kRule, handler, "`try`-`except`-`pass` detected, consider logging the exception");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kExceptHandler},
                        .on_node = CheckHandler});

}  // namespace dsaudit::checks
