// DS210: scaling-sensitive estimators in a file that never scales features.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS210",
    .name = "no-scaling-before-sensitive-operation",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Checks for scikit-learn estimators that depend on the scale of the features (PCA, "
            "SVMs, k-nearest neighbours, k-means, MLPs, SGD and penalised linear models) in a "
            "file that imports no scaler (`StandardScaler`, `MinMaxScaler`, `RobustScaler`, "
            "`MaxAbsScaler`, `Normalizer`, `scale`, ...) (the *no scaling before "
            "scaling-sensitive operation* smell of Zhang et al.).",
    .why = "These methods use distances, dot products or penalties: a feature measured in "
           "thousands dominates one measured in fractions, so the model learns the units, not "
           "the data.",
    .example = "```python\nfrom sklearn.svm import SVC\n\nmodel = SVC().fit(X_train, y_train)\n```",
    .instead = "```python\nfrom sklearn.pipeline import make_pipeline\nfrom sklearn.preprocessing "
               "import StandardScaler\nfrom sklearn.svm import SVC\n\nmodel = "
               "make_pipeline(StandardScaler(), SVC()).fit(X_train, y_train)\n```",
};

constexpr std::string_view kSensitive[] = {
    "sklearn.decomposition.PCA",          "sklearn.decomposition.KernelPCA",
    "sklearn.svm.SVC",                    "sklearn.svm.SVR",
    "sklearn.svm.LinearSVC",              "sklearn.svm.LinearSVR",
    "sklearn.svm.NuSVC",                  "sklearn.neighbors.KNeighborsClassifier",
    "sklearn.neighbors.KNeighborsRegressor", "sklearn.cluster.KMeans",
    "sklearn.cluster.DBSCAN",             "sklearn.neural_network.MLPClassifier",
    "sklearn.neural_network.MLPRegressor", "sklearn.linear_model.SGDClassifier",
    "sklearn.linear_model.SGDRegressor",  "sklearn.linear_model.Ridge",
    "sklearn.linear_model.Lasso",         "sklearn.linear_model.ElasticNet",
    "sklearn.linear_model.LogisticRegression"};

// Whether an import brings a scaler (or a module that may hold one) into the file.
bool ImportsScaler(const semantic::SemanticModel& model) {
  for (const semantic::ImportRecord& record : model.imports()) {
    std::string_view name = record.qualified_name;
    if (name == "sklearn" || name == "sklearn.preprocessing") return true;
    if (!name.starts_with("sklearn.preprocessing.")) continue;
    std::string_view member = name.substr(std::string_view("sklearn.preprocessing.").size());
    if (member.ends_with("Scaler") || member == "Normalizer" || member == "scale" ||
        member == "normalize" || member == "minmax_scale" || member == "robust_scale" ||
        member == "maxabs_scale" || member == "QuantileTransformer" ||
        member == "PowerTransformer" || member == "StandardScaler") {
      return true;
    }
  }
  return false;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("sklearn")) return;
  const auto& call = static_cast<const py::Call&>(node);
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name || !name->StartsWith("sklearn")) return;
  for (std::string_view sensitive : kSensitive) {
    if (*name != sensitive) continue;
    if (ImportsScaler(model)) return;
    context.Report(kRule, call,
                   fmt::format("`{}` is sensitive to feature scale, but no scaler is used; "
                               "scale the features first (e.g. in a Pipeline)",
                               name->LastSegment()));
    return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
