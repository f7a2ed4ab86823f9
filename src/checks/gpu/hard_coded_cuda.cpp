// DS407: .cuda() / "cuda" devices with no device choice anywhere in the file.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS407",
    .name = "hard-coded-cuda",
    .area = Area::kPortability,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for `.cuda()`, `.to(\"cuda\")`, `torch.device(\"cuda\")` and "
            "`device=\"cuda\"` in a file that never checks `torch.cuda.is_available()` (or "
            "`torch.backends.mps.is_available()`, `torch.accelerator`).",
    .why = "The code crashes on every machine without an NVIDIA GPU: laptops, CI runners, CPU "
           "inference servers, Apple silicon; and the device cannot be chosen without editing "
           "the code.",
    .example = "```python\nmodel = Net().cuda()\nbatch = batch.to(\"cuda\")\n```",
    .instead = "```python\ndevice = torch.device(\"cuda\" if torch.cuda.is_available() else "
               "\"cpu\")\nmodel = Net().to(device)\nbatch = batch.to(device)\n```",
};

bool IsCudaString(const py::Node* expr) {
  const auto* constant = py::DynCast<py::Constant>(expr);
  return constant != nullptr && constant->value.kind == py::ConstantKind::kStr &&
         (constant->value.text == "cuda" || constant->value.text.starts_with("cuda:"));
}

bool HardCodes(const semantic::SemanticModel& model, const py::Call& call) {
  std::string_view method = ds::MethodName(call);
  if (method == "cuda" && !ds::IsImportName(model, ds::Receiver(call))) return true;
  if (method == "to" && !call.args.empty() && IsCudaString(call.args[0])) return true;
  if (model.Matches(call.func, "torch.device") && !call.args.empty() &&
      IsCudaString(call.args[0])) {
    return true;
  }
  const py::Keyword* device = ds::FindKeyword(call, "device");
  return device != nullptr && IsCudaString(device->value);
}

bool ChoosesDevice(const CheckContext& context) {
  for (std::string_view probe : {"torch.cuda.is_available", "torch.backends.mps.is_available",
                                 "torch.cuda.device_count", "torch.accelerator"}) {
    if (ds::FileMentions(context, probe)) return true;
  }
  return false;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (!HardCodes(model, call) || ChoosesDevice(context)) return;
  context.Report(kRule, call,
                 "Hard-coded CUDA device without a `torch.cuda.is_available()` fallback; the code "
                 "fails without a GPU");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
