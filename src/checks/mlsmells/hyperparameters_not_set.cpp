// DS211: learners constructed with every hyperparameter left to its default.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS211",
    .name = "hyperparameters-not-set",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Checks for learners built with no argument at all: scikit-learn estimators "
            "(`RandomForestClassifier()`, `KMeans()`, `SVC()`, ...), XGBoost and LightGBM models, "
            "and PyTorch optimisers given only the parameters (`torch.optim.Adam(model.parameters())`) "
            "(the *hyperparameter not explicitly set* smell of Zhang et al.).",
    .why = "Defaults change between library versions (scikit-learn changed `n_estimators`, "
           "`solver`, `n_init` and `max_features`), so the same script trains a different model "
           "after an upgrade; and defaults are rarely right for the data at hand. Explicit values "
           "also document what was tuned.",
    .example = "```python\nmodel = RandomForestClassifier()\noptimizer = "
               "torch.optim.Adam(model.parameters())\n```",
    .instead = "```python\nmodel = RandomForestClassifier(n_estimators=300, max_depth=12, "
               "min_samples_leaf=2, random_state=0)\noptimizer = "
               "torch.optim.Adam(model.parameters(), lr=3e-4, weight_decay=1e-5)\n```",
};

constexpr std::string_view kEstimatorModules[] = {
    "sklearn.ensemble", "sklearn.linear_model", "sklearn.svm", "sklearn.tree",
    "sklearn.neighbors", "sklearn.cluster", "sklearn.neural_network", "sklearn.decomposition"};

bool IsEstimator(const semantic::QualifiedName& name) {
  std::string_view last = name.LastSegment();
  if (last.empty() || last[0] < 'A' || last[0] > 'Z') return false;
  for (std::string_view module : kEstimatorModules) {
    if (name.StartsWith(module)) return true;
  }
  return name.StartsWith("xgboost") || name.StartsWith("lightgbm") || name.StartsWith("catboost");
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  bool sklearn = model.ImportsModule("sklearn") || model.ImportsModule("xgboost") ||
                 model.ImportsModule("lightgbm") || model.ImportsModule("catboost");
  bool torch = model.ImportsModule("torch");
  if (!sklearn && !torch) return;
  const auto& call = static_cast<const py::Call&>(node);
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name) return;
  if (sklearn && call.args.empty() && call.keywords.empty() && IsEstimator(*name)) {
    context.Report(kRule, call,
                   fmt::format("`{}()` relies on default hyperparameters; set them explicitly",
                               name->LastSegment()));
    return;
  }
  if (torch && name->StartsWith("torch.optim") && call.args.size() == 1 &&
      call.keywords.empty()) {
    std::string_view last = name->LastSegment();
    if (last.empty() || last[0] < 'A' || last[0] > 'Z' || last == "Optimizer") return;
    context.Report(kRule, call,
                   fmt::format("`{}` relies on the default learning rate; set `lr=` explicitly",
                               last));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
