// DS222: only threshold-dependent metrics used to validate a classifier.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS222",
    .name = "threshold-dependent-validation",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Checks for `f1_score`, `precision_score`, `recall_score`, `fbeta_score` and "
            "`accuracy_score` in a file that uses no threshold-independent metric "
            "(`roc_auc_score`, `average_precision_score`, `roc_curve`, "
            "`precision_recall_curve`, `log_loss`, `brier_score_loss`) (the *threshold-dependent "
            "validation* smell of Zhang et al.).",
    .why = "Threshold-dependent metrics judge the model at one arbitrary cut-off (0.5); two "
           "models, or two runs, compare differently at another threshold, and imbalanced "
           "classes make the chosen threshold decisive. Threshold-independent metrics evaluate "
           "the ranking itself; report them alongside.",
    .example = "```python\nprint(f1_score(y_test, model.predict(X_test)))\n```",
    .instead = "```python\nscores = model.predict_proba(X_test)[:, 1]\nprint(roc_auc_score(y_test, "
               "scores), average_precision_score(y_test, scores))\n```",
};

constexpr std::string_view kDependent[] = {"f1_score", "precision_score", "recall_score",
                                           "fbeta_score", "accuracy_score"};
constexpr std::string_view kIndependent[] = {"roc_auc_score",      "average_precision_score",
                                             "roc_curve",          "precision_recall_curve",
                                             "log_loss",           "brier_score_loss",
                                             "auc",                "RocCurveDisplay",
                                             "PrecisionRecallDisplay"};

bool UsesIndependent(const semantic::SemanticModel& model) {
  for (const semantic::ImportRecord& record : model.imports()) {
    std::string_view name = record.qualified_name;
    if (name == "sklearn.metrics" || name == "sklearn") return true;
    if (!name.starts_with("sklearn.metrics.")) continue;
    std::string_view member = name.substr(name.rfind('.') + 1);
    for (std::string_view independent : kIndependent) {
      if (member == independent) return true;
    }
  }
  return false;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("sklearn")) return;
  const auto& call = static_cast<const py::Call&>(node);
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name || !name->StartsWith("sklearn.metrics")) return;
  for (std::string_view dependent : kDependent) {
    if (name->LastSegment() != dependent) continue;
    if (UsesIndependent(model)) return;
    context.Report(kRule, call,
                   fmt::format("Validation with `{}` only, which depends on the decision "
                               "threshold; also report a threshold-independent metric such as "
                               "`roc_auc_score`",
                               dependent));
    return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
