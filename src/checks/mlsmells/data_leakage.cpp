// DS221: preprocessing fitted on the whole data set before the train/test split.
#include <fmt/format.h>

#include <vector>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS221",
    .name = "data-leakage",
    .area = Area::kCodeQuality,
    .severity = Severity::kCritical,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Checks for scikit-learn transformers (scalers, encoders, imputers, feature "
            "selectors, PCA, vectorisers) fitted with `fit`/`fit_transform` before "
            "`train_test_split` in the same function or module, outside a `Pipeline` (the *data "
            "leakage* smell of Zhang et al.).",
    .why = "Statistics learned from the whole data set (means, vocabularies, selected features) "
           "include the test rows, so the test score measures a model that has seen the test "
           "data: it overestimates real performance, sometimes grossly.",
    .example = "```python\nX = StandardScaler().fit_transform(X)\nX_train, X_test, y_train, y_test "
               "= train_test_split(X, y, random_state=0)\n```",
    .instead = "```python\nX_train, X_test, y_train, y_test = train_test_split(X, y, "
               "random_state=0)\nmodel = make_pipeline(StandardScaler(), "
               "LogisticRegression()).fit(X_train, y_train)\n```",
};

constexpr std::string_view kTransformerModules[] = {
    "sklearn.preprocessing", "sklearn.feature_selection", "sklearn.decomposition",
    "sklearn.impute", "sklearn.feature_extraction"};

bool IsTransformer(const semantic::SemanticModel& model, const py::Node* expr, int depth = 0) {
  if (depth > 3 || expr == nullptr) return false;
  if (const auto* call = py::DynCast<py::Call>(expr)) {
    std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call->func);
    if (!name) return false;
    for (std::string_view module : kTransformerModules) {
      if (name->StartsWith(module)) return true;
    }
    return false;
  }
  if (py::Isa<py::Name>(expr)) return IsTransformer(model, ds::AssignedValue(model, expr), depth + 1);
  return false;
}

struct Facts {
  std::vector<const py::Call*> fits;
  const py::Call* split = nullptr;
};

void Collect(const semantic::SemanticModel& model, std::span<py::Stmt* const> body, Facts& facts) {
  ds::WalkBody(body, [&](const py::Node* node) {
    if (ds::IsScopeNode(node)) return false;
    const auto* call = py::DynCast<py::Call>(node);
    if (call == nullptr) return true;
    if (facts.split == nullptr &&
        model.Matches(call->func, "sklearn.model_selection.train_test_split")) {
      facts.split = call;
    }
    std::string_view method = ds::MethodName(*call);
    if (facts.split == nullptr && (method == "fit" || method == "fit_transform") &&
        !call->args.empty() && IsTransformer(model, ds::Receiver(*call))) {
      facts.fits.push_back(call);
    }
    return true;
  });
}

void CheckBody(CheckContext& context, std::span<py::Stmt* const> body) {
  Facts facts;
  Collect(context.model(), body, facts);
  if (facts.split == nullptr) return;
  for (const py::Call* fit : facts.fits) {
    context.Report(kRule, *fit,
                   fmt::format("`{}` on the data before `train_test_split`; the test set leaks "
                               "into preprocessing (fit on the training split, or use a Pipeline)",
                               ds::MethodName(*fit)));
  }
}

void CheckFile(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("sklearn")) return;
  CheckBody(context, context.module().body);
  ds::Walk(&context.module(), [&](const py::Node* node) {
    if (const auto* function = py::DynCast<py::FunctionDef>(node)) CheckBody(context, function->body);
    if (const auto* function = py::DynCast<py::AsyncFunctionDef>(node)) {
      CheckBody(context, function->body);
    }
    return true;
  });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckFile});

}  // namespace dsaudit::checks
