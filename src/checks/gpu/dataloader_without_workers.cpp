// DS408: DataLoader without num_workers or pin_memory.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS408",
    .name = "dataloader-without-workers",
    .area = Area::kGpu,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `torch.utils.data.DataLoader(...)` calls without `num_workers=` or "
            "without `pin_memory=`.",
    .why = "With the default `num_workers=0` batches are loaded and augmented in the training "
           "process, between GPU steps, so the GPU waits for the CPU; without `pin_memory=True` "
           "every host-to-GPU copy goes through pageable memory and cannot overlap computation.",
    .example = "```python\nloader = DataLoader(dataset, batch_size=64, shuffle=True)\n```",
    .instead = "```python\nloader = DataLoader(dataset, batch_size=64, shuffle=True, "
               "num_workers=4, pin_memory=True, persistent_workers=True)\n```",
};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (ds::HasDoubleStar(call) || !model.Matches(call.func, "torch.utils.data.DataLoader")) return;
  // Positional: DataLoader(dataset, batch_size, shuffle, sampler, batch_sampler, num_workers,
  // collate_fn, pin_memory).
  bool workers = ds::HasKeyword(call, "num_workers") || call.args.size() >= 6;
  bool pinned = ds::HasKeyword(call, "pin_memory") || call.args.size() >= 8;
  if (workers && pinned) return;
  std::string_view missing = !workers && !pinned ? "`num_workers` and `pin_memory`"
                             : !workers          ? "`num_workers`"
                                                 : "`pin_memory`";
  context.Report(kRule, call,
                 fmt::format("DataLoader without {}; the GPU waits for data loading", missing));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
