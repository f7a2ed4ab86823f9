// DS213: PyTorch training without torch.use_deterministic_algorithms(True).
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS213",
    .name = "deterministic-algorithm-not-used",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for PyTorch training code (a file that calls `.backward()`) that never calls "
            "`torch.use_deterministic_algorithms(True)` (the *deterministic algorithm option not "
            "used* smell of Zhang et al.). The finding is placed on the first `.backward()`.",
    .why = "Even with every seed set, several CUDA kernels (scatter, index_add, some "
           "convolutions) are non-deterministic, so two runs of the same script give different "
           "models and a regression cannot be told from noise. The option makes PyTorch use "
           "deterministic kernels or raise where none exists. Turn it off again for speed once "
           "debugging is over.",
    .example = "```python\nloss.backward()\n```",
    .instead = "```python\ntorch.use_deterministic_algorithms(True)\n...\nloss.backward()\n```",
};

void CheckFile(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const py::Call* first_backward = nullptr;
  bool deterministic = false;
  ds::Walk(&context.module(), [&](const py::Node* node) {
    if (deterministic) return false;
    if (const auto* call = py::DynCast<py::Call>(node)) {
      if (model.Matches(call->func, "torch.use_deterministic_algorithms")) deterministic = true;
      if (first_backward == nullptr && ds::MethodName(*call) == "backward") first_backward = call;
    }
    return true;
  });
  if (deterministic || first_backward == nullptr) return;
  context.Report(kRule, *first_backward,
                 "Training without `torch.use_deterministic_algorithms(True)`; runs are not "
                 "reproducible");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckFile});

}  // namespace dsaudit::checks
