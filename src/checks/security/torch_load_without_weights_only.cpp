// DS602: torch.load without weights_only=True.
#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS602",
    .name = "torch-load-without-weights-only",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds `torch.load(...)` calls that do not pass `weights_only=True` (the argument "
            "is missing, or set to anything but `True`).",
    .why = "`torch.load` is `pickle.load` underneath: a checkpoint downloaded from a model hub, "
           "a shared drive or a bucket can run code when it is loaded. `weights_only=True` "
           "restricts unpickling to tensors and plain containers. PyTorch 2.6 made it the "
           "default, but code written for older versions, or pinned to them, still loads "
           "everything, and `weights_only=False` turns the protection off explicitly.",
    .example = "```python\nstate = torch.load(\"checkpoints/resnet.pt\", map_location=\"cpu\")\n```",
    .instead = "```python\nstate = torch.load(\"checkpoints/resnet.pt\", map_location=\"cpu\", "
               "weights_only=True)\n```\n\nFor whole-model files, save and load a `state_dict`, "
               "or use `safetensors`.",
};

void CheckTorchLoad(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const python::Call&>(node);
  if (!model.Matches(call.func, "torch.load")) return;
  const python::Keyword* weights_only = security::FindKeyword(call, "weights_only");
  if (weights_only == nullptr) {
    if (security::HasDoubleStarKeywords(call)) return;
    context.Report(kRule, call,
                   "`torch.load` without `weights_only=True` unpickles arbitrary objects; a "
                   "malicious checkpoint runs code");
    return;
  }
  if (security::IsConstTrue(weights_only->value)) return;
  if (!python::Isa<python::Constant>(weights_only->value)) return;  // decided at run time
  context.Report(kRule, *weights_only,
                 "`torch.load` with `weights_only` turned off unpickles arbitrary objects; a "
                 "malicious checkpoint runs code");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckTorchLoad});

}  // namespace dsaudit::checks
