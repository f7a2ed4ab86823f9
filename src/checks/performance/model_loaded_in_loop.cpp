// DS307: the same model or file loaded again on every loop iteration.
#include <fmt/format.h>

#include <vector>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/loading.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS307",
    .name = "model-loaded-in-loop",
    .area = Area::kPerformance,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for loops that load a model or read a file (`joblib.load`, `pickle.load`, "
            "`torch.load`, `np.load`, `load_model`, `from_pretrained`, `open(...).read()`) with "
            "arguments that do not depend on the loop: the same thing loaded again each "
            "iteration.",
    .why = "Every iteration pays the full deserialisation (and for GPU models the transfer) "
           "again, and allocates a fresh copy; hoisting the load out of the loop does the same "
           "work once.",
    .example = "```python\nfor text in texts:\n    model = "
               "AutoModel.from_pretrained(\"bert-base-uncased\")\n    embed(model, text)\n```",
    .instead = "```python\nmodel = AutoModel.from_pretrained(\"bert-base-uncased\")\nfor text in "
               "texts:\n    embed(model, text)\n```",
};

// Names the loop (re)binds: its target and everything assigned in its body.
void CollectBound(const py::Node* root, std::vector<std::string_view>& names) {
  ds::Walk(root, [&](const py::Node* node) {
    if (ds::IsScopeNode(node)) return false;
    if (const auto* name = py::DynCast<py::Name>(node)) {
      if (name->ctx == py::ExprContext::kStore) names.push_back(name->id);
    }
    return true;
  });
}

bool DependsOn(const py::Call& call, const std::vector<std::string_view>& bound) {
  bool depends = false;
  auto visit = [&](const py::Node* node) {
    if (depends) return false;
    if (const auto* name = py::DynCast<py::Name>(node)) {
      for (std::string_view id : bound) depends = depends || id == name->id;
    }
    return !depends;
  };
  // open(path).read(): the path is in the receiver's call.
  if (const auto* opened = py::DynCast<py::Call>(ds::Receiver(call))) ds::Walk(opened, visit);
  for (const py::Expr* argument : call.args) ds::Walk(argument, visit);
  for (const py::Keyword* keyword : call.keywords) ds::Walk(keyword->value, visit);
  return depends;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  const auto& call = static_cast<const py::Call&>(node);
  if (!model.InLoop(&call)) return;
  std::string_view loader = loading::LoaderName(model, call);
  if (loader.empty()) return;
  const py::Stmt* loop = ds::EnclosingLoop(model, &call);
  if (loop == nullptr) return;
  std::vector<std::string_view> bound;
  CollectBound(loop, bound);
  if (DependsOn(call, bound)) return;
  context.Report(kRule, call,
                 fmt::format("`{}` inside a loop loads the same thing every iteration; load it "
                             "once before the loop",
                             loader));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
