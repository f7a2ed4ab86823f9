// S307: calls to the builtin eval.
#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S307",
    .name = "suspicious-eval-usage",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds calls to the builtin `eval`.",
    .why = "`eval` runs any expression, including `__import__('os').system(...)`. Data science "
           "code uses it to parse lists and dicts read from CSV cells, config files and request "
           "parameters, which turns those inputs into code.",
    .example = "```python\nlabels = eval(row[\"labels\"])\n```",
    .instead = "```python\nimport ast\n\nlabels = ast.literal_eval(row[\"labels\"])\n```",
};

void CheckEval(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  if (!context.model().Matches(call.func, "builtins.eval")) return;
  context.Report(kRule, call, "Use of possibly insecure function; consider using `ast.literal_eval`");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckEval});

}  // namespace dsaudit::checks
