// E731: a lambda assigned to a name instead of a def.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E731",
    .name = "lambda-assignment",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for a `lambda` expression assigned to a variable.",
    .why = "A named lambda is a function without the benefits of one: its tracebacks and "
           "profiles say `<lambda>`, it cannot hold a docstring or annotations, and pickling it "
           "(multiprocessing, joblib, Spark) fails.",
    .example = "```python\nnormalize = lambda x: (x - x.mean()) / x.std()\n```",
    .instead = "```python\ndef normalize(x):\n    return (x - x.mean()) / x.std()\n```\n\nAn "
               "annotated class attribute (a dataclass or pydantic field) is not reported.",
};

void Inspect(const python::Stmt& statement, const python::Expr* target, const python::Expr* value,
             bool annotated, CheckContext& context) {
  if (!python::Isa<python::Name>(target) || !python::Isa<python::Lambda>(value)) return;
  if (annotated) {
    semantic::ScopeId scope = context.model().ScopeOf(&statement);
    if (scope != semantic::kNoId &&
        context.model().scope(scope).kind == semantic::ScopeKind::kClass) {
      return;
    }
  }
  context.Report(kRule, statement, "Do not assign a `lambda` expression, use a `def`");
}

void CheckAssignment(const python::Node& node, CheckContext& context) {
  if (const auto* assign = python::DynCast<python::Assign>(&node)) {
    if (assign->targets.size() == 1) {
      Inspect(*assign, assign->targets[0], assign->value, false, context);
    }
    return;
  }
  const auto& annotated = static_cast<const python::AnnAssign&>(node);
  if (annotated.value != nullptr) {
    Inspect(annotated, annotated.target, annotated.value, true, context);
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAssign, python::NodeKind::kAnnAssign},
                        .on_node = CheckAssignment});

}  // namespace dsaudit::checks
