// DS306: models or files loaded inside a Flask/FastAPI request handler.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/loading.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS306",
    .name = "model-loaded-in-request-handler",
    .area = Area::kPerformance,
    .severity = Severity::kCritical,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Checks for Flask and FastAPI route functions (`@app.route`, `@app.get`, "
            "`@router.post`, `@bp.route`, ...) that load a model or a file on every request: "
            "`joblib.load`, `pickle.load`, `torch.load`, `np.load`, `load_model`, "
            "`from_pretrained`, `open(...).read()`.",
    .why = "Loading a model takes from hundreds of milliseconds to minutes and allocates its "
           "whole size again on every request: latency explodes, memory churns, and a few "
           "concurrent requests exhaust the server (or the GPU).",
    .example = "```python\n@app.post(\"/predict\")\ndef predict(item: Item):\n    model = "
               "joblib.load(\"model.joblib\")\n    return model.predict([item.features])\n```",
    .instead = "```python\nmodel = joblib.load(\"model.joblib\")  # once, at start-up\n\n"
               "@app.post(\"/predict\")\ndef predict(item: Item):\n    return "
               "model.predict([item.features])\n```",
};

constexpr std::string_view kRouteMethods[] = {"route", "get",    "post",    "put",      "delete",
                                              "patch", "head",   "options", "api_route", "websocket"};

bool IsRouteDecorator(const py::Node* decorator) {
  const auto* call = py::DynCast<py::Call>(decorator);
  if (call == nullptr) return false;
  std::string_view method = ds::MethodName(*call);
  for (std::string_view route : kRouteMethods) {
    if (method == route) return !call->args.empty() || ds::HasKeyword(*call, "path");
  }
  return false;
}

bool IsRouteHandler(const py::Stmt* function) {
  std::span<py::Expr* const> decorators;
  if (const auto* def = py::DynCast<py::FunctionDef>(function)) decorators = def->decorator_list;
  if (const auto* def = py::DynCast<py::AsyncFunctionDef>(function)) decorators = def->decorator_list;
  for (const py::Expr* decorator : decorators) {
    if (IsRouteDecorator(decorator)) return true;
  }
  return false;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("flask") && !model.ImportsModule("fastapi")) return;
  const auto& call = static_cast<const py::Call&>(node);
  std::string_view loader = loading::LoaderName(model, call);
  if (loader.empty()) return;
  const py::Stmt* function = model.EnclosingFunction(&call);
  if (function == nullptr || !IsRouteHandler(function)) return;
  context.Report(kRule, call,
                 fmt::format("`{}` in a request handler loads on every request; load once at "
                             "start-up",
                             loader));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
