// DS212: Keras models built in a loop without clearing the session.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS212",
    .name = "memory-not-freed",
    .area = Area::kGpu,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for Keras models (`Sequential`, `Model`, `models.clone_model`) created inside "
            "a loop whose body never calls `keras.backend.clear_session()` (the *memory not "
            "freed* smell of Zhang et al.). Tensors kept with their autograd graph in PyTorch "
            "loops are DS402.",
    .why = "Every model built adds its layers to Keras' global graph state; in a "
           "hyper-parameter search or cross-validation loop memory grows with each iteration "
           "until the process (or the GPU) runs out, and training gets slower as the graph grows.",
    .example = "```python\nfor units in (32, 64, 128):\n    model = "
               "tf.keras.Sequential([tf.keras.layers.Dense(units)])\n    model.fit(X, y)\n```",
    .instead = "```python\nfor units in (32, 64, 128):\n    tf.keras.backend.clear_session()\n    "
               "model = tf.keras.Sequential([tf.keras.layers.Dense(units)])\n    model.fit(X, y)\n```",
};

bool IsModelConstructor(const semantic::SemanticModel& model, const py::Call& call) {
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name || !(name->StartsWith("tensorflow") || name->StartsWith("keras"))) return false;
  std::string_view last = name->LastSegment();
  return last == "Sequential" || last == "Model" || last == "clone_model";
}

bool ClearsSession(const semantic::SemanticModel& model, std::span<py::Stmt* const> body) {
  bool found = false;
  ds::WalkBody(body, [&](const py::Node* node) {
    if (found) return false;
    if (const auto* call = py::DynCast<py::Call>(node)) {
      std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call->func);
      if (name && name->LastSegment() == "clear_session") found = true;
      if (!name && ds::MethodName(*call) == "clear_session") found = true;
    }
    return !found;
  });
  return found;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("tensorflow") && !model.ImportsModule("keras")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (!IsModelConstructor(model, call)) return;
  const py::Stmt* loop = ds::EnclosingLoop(model, &call);
  if (loop == nullptr || ClearsSession(model, ds::LoopBody(*loop))) return;
  context.Report(kRule, call,
                 "Keras model built in a loop without `clear_session()`; memory grows with "
                 "every iteration");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
