// DS216: tiling an array to match shapes before element-wise arithmetic.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS216",
    .name = "broadcasting-not-used",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for `tf.tile`, `np.tile` and `torch.tile` results used as an operand of "
            "element-wise arithmetic, directly or through a variable (the *broadcasting feature "
            "not used* smell of Zhang et al.).",
    .why = "Broadcasting combines arrays of compatible shapes without copying; tiling first "
           "materialises a full-size copy, multiplying memory use and time.",
    .example = "```python\nbias = tf.tile(b, [batch, 1])\nout = x + bias\n```",
    .instead = "```python\nout = x + b  # b of shape (1, n) broadcasts over the batch\n```",
};

bool IsTile(const semantic::SemanticModel& model, const py::Node* expr) {
  const auto* call = py::DynCast<py::Call>(expr);
  return call != nullptr &&
         (model.Matches(call->func, "tensorflow.tile") || model.Matches(call->func, "numpy.tile") ||
          model.Matches(call->func, "torch.tile"));
}

bool IsArithmetic(py::Operator op) {
  return op == py::Operator::kAdd || op == py::Operator::kSub || op == py::Operator::kMult ||
         op == py::Operator::kDiv;
}

const py::Node* TiledOperand(const semantic::SemanticModel& model, const py::Node* operand) {
  if (IsTile(model, operand)) return operand;
  if (py::Isa<py::Name>(operand) && IsTile(model, ds::AssignedValue(model, operand))) {
    return operand;
  }
  return nullptr;
}

void CheckBinOp(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("tensorflow") && !model.ImportsModule("numpy") &&
      !model.ImportsModule("torch")) {
    return;
  }
  const auto& binop = static_cast<const py::BinOp&>(node);
  if (!IsArithmetic(binop.op)) return;
  for (const py::Node* operand : {static_cast<const py::Node*>(binop.left),
                                  static_cast<const py::Node*>(binop.right)}) {
    if (const py::Node* tiled = TiledOperand(model, operand)) {
      context.Report(kRule, *tiled,
                     "Tiled array used in element-wise arithmetic; rely on broadcasting instead "
                     "of copying");
      return;
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kBinOp},
                        .on_node = CheckBinOp});

}  // namespace dsaudit::checks
