// DS215: log of a tensor with no guard against zero or negative values.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS215",
    .name = "missing-mask-of-invalid-value",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for `tf.math.log(x)` / `tf.log(x)` / `torch.log(x)` where `x` is neither "
            "clipped (`tf.clip_by_value`, `torch.clamp`, `tf.maximum`, ...) nor offset by a "
            "constant epsilon (the *missing the mask of invalid value* smell of Zhang et al.).",
    .why = "A single zero gives `-inf` and a negative value `NaN`; the NaN propagates through the "
           "loss into every weight and training silently diverges, often many steps after the "
           "cause.",
    .example = "```python\nloss = -tf.reduce_sum(y * tf.math.log(probabilities))\n```",
    .instead = "```python\nloss = -tf.reduce_sum(y * tf.math.log(tf.clip_by_value(probabilities, "
               "1e-10, 1.0)))\n```",
};

constexpr std::string_view kLogs[] = {"tensorflow.math.log", "tensorflow.log", "torch.log"};
constexpr std::string_view kGuards[] = {"clip_by_value", "clamp", "clip", "maximum", "clamp_min",
                                        "softmax", "sigmoid", "exp", "softplus", "abs"};

bool IsGuarded(const semantic::SemanticModel& model, const py::Node* argument) {
  if (const auto* binop = py::DynCast<py::BinOp>(argument)) {
    return binop->op == py::Operator::kAdd &&
           (py::Isa<py::Constant>(binop->right) || py::Isa<py::Constant>(binop->left) ||
            py::Isa<py::Name>(binop->right));
  }
  const auto* call = py::DynCast<py::Call>(argument);
  if (call == nullptr) return false;
  std::string_view last;
  if (std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call->func)) {
    last = name->LastSegment();
  } else if (const auto* attribute = py::DynCast<py::Attribute>(call->func)) {
    last = attribute->attr;
  }
  for (std::string_view guard : kGuards) {
    if (last == guard) return true;
  }
  return false;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("tensorflow") && !model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (call.args.empty()) return;
  for (std::string_view log : kLogs) {
    if (!model.Matches(call.func, log)) continue;
    if (IsGuarded(model, call.args[0])) return;
    context.Report(kRule, call,
                   "Logarithm of an unmasked value; clip it (e.g. `clip_by_value(x, 1e-10, 1.0)`) "
                   "so zeros do not produce `-inf`/`NaN`");
    return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
