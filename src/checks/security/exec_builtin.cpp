// S102: calls to the builtin exec.
#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S102",
    .name = "exec-builtin",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds calls to the builtin `exec`.",
    .why = "`exec` runs arbitrary statements. Code that builds Python source from strings (to "
           "load a config, define features or pick a model class) runs whatever ends up in "
           "those strings, and hides the real program from readers, linters and tests.",
    .example = "```python\nexec(f\"model = {config['model']}()\")\n```",
    .instead = "```python\nMODELS = {\"rf\": RandomForestClassifier, \"lr\": LogisticRegression}\n"
               "model = MODELS[config[\"model\"]]()\n```",
};

void CheckExec(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  if (!context.model().Matches(call.func, "builtins.exec")) return;
  context.Report(kRule, *call.func, "Use of `exec` detected");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckExec});

}  // namespace dsaudit::checks
