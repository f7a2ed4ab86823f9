// DS214: random splits and randomised estimators without random_state.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS214",
    .name = "randomness-uncontrolled",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for scikit-learn calls that draw random numbers without `random_state=`: "
            "`train_test_split`, shuffling cross-validators (`KFold(shuffle=True)`, "
            "`ShuffleSplit`, ...) and randomised estimators (random forests, boosting, "
            "k-means, MLPs, SGD, ...) (the *randomness uncontrolled* smell of Zhang et al.). "
            "The legacy global NumPy seed is NPY002.",
    .why = "Without a fixed seed every run splits and trains differently: results cannot be "
           "reproduced, compared across experiments or debugged, and a lucky split can pass for "
           "an improvement.",
    .example = "```python\nX_train, X_test, y_train, y_test = train_test_split(X, y)\n```",
    .instead = "```python\nSEED = 42\nX_train, X_test, y_train, y_test = train_test_split(X, y, "
               "random_state=SEED)\n```",
};

constexpr std::string_view kRandomised[] = {
    "sklearn.model_selection.train_test_split",
    "sklearn.model_selection.ShuffleSplit",
    "sklearn.model_selection.StratifiedShuffleSplit",
    "sklearn.model_selection.GroupShuffleSplit",
    "sklearn.ensemble.RandomForestClassifier",
    "sklearn.ensemble.RandomForestRegressor",
    "sklearn.ensemble.ExtraTreesClassifier",
    "sklearn.ensemble.ExtraTreesRegressor",
    "sklearn.ensemble.GradientBoostingClassifier",
    "sklearn.ensemble.GradientBoostingRegressor",
    "sklearn.ensemble.HistGradientBoostingClassifier",
    "sklearn.ensemble.HistGradientBoostingRegressor",
    "sklearn.ensemble.IsolationForest",
    "sklearn.ensemble.BaggingClassifier",
    "sklearn.ensemble.AdaBoostClassifier",
    "sklearn.cluster.KMeans",
    "sklearn.cluster.MiniBatchKMeans",
    "sklearn.neural_network.MLPClassifier",
    "sklearn.neural_network.MLPRegressor",
    "sklearn.linear_model.SGDClassifier",
    "sklearn.linear_model.SGDRegressor",
    "sklearn.tree.DecisionTreeClassifier",
    "sklearn.tree.DecisionTreeRegressor",
    "sklearn.decomposition.TruncatedSVD",
    "sklearn.manifold.TSNE"};

constexpr std::string_view kShufflable[] = {"sklearn.model_selection.KFold",
                                            "sklearn.model_selection.StratifiedKFold",
                                            "sklearn.model_selection.GroupKFold"};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("sklearn")) return;
  const auto& call = static_cast<const py::Call&>(node);
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name || !name->StartsWith("sklearn")) return;
  if (ds::HasKeyword(call, "random_state") || ds::HasDoubleStar(call)) return;
  bool random = false;
  for (std::string_view candidate : kRandomised) random = random || *name == candidate;
  for (std::string_view candidate : kShufflable) {
    if (*name == candidate) {
      const py::Keyword* shuffle = ds::FindKeyword(call, "shuffle");
      random = shuffle != nullptr && !ds::IsConstFalse(shuffle->value);
    }
  }
  if (!random) return;
  context.Report(kRule, call,
                 fmt::format("`{}` draws random numbers without `random_state=`; results are not "
                             "reproducible",
                             name->LastSegment()));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
