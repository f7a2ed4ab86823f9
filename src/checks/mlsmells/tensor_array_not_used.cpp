// DS217: a TensorFlow tensor grown with tf.concat inside a loop.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS217",
    .name = "tensor-array-not-used",
    .area = Area::kPerformance,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Checks for `x = tf.concat([x, ...])` / `tf.stack` inside a loop: a tensor grown one "
            "piece per iteration (the *TensorArray not used* smell of Zhang et al.).",
    .why = "Tensors are immutable: each concatenation copies everything gathered so far "
           "(quadratic time), and inside `tf.function` a Python loop that changes a tensor's "
           "shape fails to trace or retraces every call. `tf.TensorArray` grows in place and "
           "works in graph mode.",
    .example = "```python\nresult = tf.zeros([0, 4])\nfor step in range(n):\n    result = "
               "tf.concat([result, predict(step)], axis=0)\n```",
    .instead = "```python\nparts = tf.TensorArray(tf.float32, size=n)\nfor step in range(n):\n    "
               "parts = parts.write(step, predict(step))\nresult = parts.stack()\n```",
};

void CheckAssign(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("tensorflow")) return;
  const auto& assign = static_cast<const py::Assign&>(node);
  const auto* call = py::DynCast<py::Call>(assign.value);
  if (call == nullptr || assign.targets.size() != 1 || call->args.empty()) return;
  const auto* target = py::DynCast<py::Name>(assign.targets[0]);
  if (target == nullptr) return;
  if (!model.Matches(call->func, "tensorflow.concat") &&
      !model.Matches(call->func, "tensorflow.stack")) {
    return;
  }
  bool grows = false;
  ds::Walk(call->args[0], [&](const py::Node* inner) {
    if (ds::IsNameNamed(inner, target->id)) grows = true;
    return !grows;
  });
  if (!grows || ds::EnclosingLoop(model, &assign) == nullptr) return;
  context.Report(kRule, *call,
                 "Tensor grown with `tf.concat` in a loop; collect the pieces in a "
                 "`tf.TensorArray`");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAssign},
                        .on_node = CheckAssign});

}  // namespace dsaudit::checks
