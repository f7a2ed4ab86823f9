// DS405: .item()/.cpu()/.numpy()/.tolist() on every step of a training loop.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS405",
    .name = "sync-in-training-loop",
    .area = Area::kGpu,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for `.item()`, `.cpu()`, `.numpy()` and `.tolist()` called on every iteration "
            "of a PyTorch training loop (a loop that calls `.backward()`), outside an `if` that "
            "limits it to some steps.",
    .why = "Each of these copies from the GPU to the host and blocks until every queued kernel "
           "has finished, so the CPU cannot queue the next step while the GPU works: the GPU "
           "idles between steps and throughput drops, often by 10-30%.",
    .example = "```python\nfor X, y in loader:\n    loss = step(X, y)\n    running += "
               "loss.item()\n```",
    .instead = "```python\nrunning = torch.zeros((), device=device)\nfor i, (X, y) in "
               "enumerate(loader):\n    loss = step(X, y)\n    running += loss.detach()\n    if i "
               "% 100 == 0:\n        print(running.item() / (i + 1))\n```",
};

bool IsSync(std::string_view method) {
  return method == "item" || method == "cpu" || method == "numpy" || method == "tolist";
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  std::string_view method = ds::MethodName(call);
  if (!IsSync(method) || !call.args.empty() || !model.InLoop(&call)) return;
  // Nested sync calls (x.cpu().numpy()) are one transfer: report the innermost.
  if (const auto* inner = py::DynCast<py::Call>(ds::Receiver(call))) {
    if (IsSync(ds::MethodName(*inner))) return;
  }
  const py::Stmt* loop = ds::EnclosingLoop(model, &call);
  if (loop == nullptr || !ds::BodyCallsMethod(ds::LoopBody(*loop), "backward")) return;
  for (const py::Node* current = model.Parent(&call); current != loop;
       current = model.Parent(current)) {
    if (current == nullptr || py::Isa<py::If>(current) || py::Isa<py::IfExp>(current)) return;
  }
  context.Report(kRule, call,
                 fmt::format("`.{}()` on every training step synchronises with the GPU; "
                             "accumulate on the device and read it every N steps",
                             method));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
