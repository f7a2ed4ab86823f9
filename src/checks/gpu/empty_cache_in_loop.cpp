// DS406: torch.cuda.empty_cache() inside a loop.
#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS406",
    .name = "empty-cache-in-loop",
    .area = Area::kGpu,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `torch.cuda.empty_cache()` called inside a loop.",
    .why = "It does not free memory that tensors still use; it only returns PyTorch's cached "
           "blocks to the driver, which the next iteration must then allocate again through slow "
           "`cudaMalloc` calls and a synchronisation. It slows every iteration and fixes no "
           "leak: release references instead (`del`, `.item()`, `.detach()`).",
    .example = "```python\nfor batch in loader:\n    train_step(batch)\n    "
               "torch.cuda.empty_cache()\n```",
    .instead = "```python\nfor batch in loader:\n    train_step(batch)\n```",
};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (!model.InLoop(&call) || !model.Matches(call.func, "torch.cuda.empty_cache")) return;
  context.Report(kRule, call,
                 "`torch.cuda.empty_cache()` in a loop slows every iteration and frees no memory "
                 "in use");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
