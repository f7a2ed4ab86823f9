// S302: deserialization with marshal.
#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S302",
    .name = "suspicious-marshal-usage",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .fixable = false,
    .what = "Finds calls to `marshal.load` and `marshal.loads`.",
    .why = "`marshal` is CPython's internal format for compiled code. It is not hardened against "
           "malicious input (crafted bytes can crash the interpreter) and its output can be code "
           "objects that are later executed.",
    .example = "```python\nconfig = marshal.loads(blob)\n```",
    .instead = "```python\nconfig = json.loads(blob)\n```",
};

void CheckMarshal(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("marshal")) return;
  const auto& call = static_cast<const python::Call&>(node);
  if (!model.Matches(call.func, "marshal.load") && !model.Matches(call.func, "marshal.loads")) {
    return;
  }
  context.Report(kRule, call, "Deserialization with the `marshal` module is possibly dangerous");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckMarshal});

}  // namespace dsaudit::checks
