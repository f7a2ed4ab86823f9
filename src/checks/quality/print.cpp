// T201: a call of the builtin print.
#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "T201",
    .name = "print",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds calls of the builtin `print` that write to standard output or standard error "
            "(no `file=` argument, or `file=None`, `sys.stdout`, `sys.stderr`).",
    .why = "Prints left over from notebook exploration cannot be filtered by level, carry no "
           "timestamp or module name, disappear in batch jobs and clutter the output of "
           "libraries that import the module. Use `logging` for diagnostics and return values "
           "for results.",
    .example = "```python\nprint(\"accuracy\", accuracy_score(y_test, y_pred))\n```",
    .instead = "```python\nlogger = logging.getLogger(__name__)\nlogger.info(\"accuracy %.3f\", "
               "accuracy_score(y_test, y_pred))\n```",
};

void CheckCall(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  const semantic::SemanticModel& model = context.model();
  if (!quality::IsBuiltin(model, call.func, "print")) return;
  for (const python::Keyword* keyword : call.keywords) {
    if (keyword->arg != "file") continue;
    const auto* constant = python::DynCast<python::Constant>(keyword->value);
    if (constant != nullptr && constant->value.kind == python::ConstantKind::kNone) break;
    if (model.Matches(keyword->value, "sys.stdout") || model.Matches(keyword->value, "sys.stderr")) {
      break;
    }
    return;
  }
  context.Report(kRule, *call.func, "`print` found");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
