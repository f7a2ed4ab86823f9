// N802: a function name that is not lowercase.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "N802",
    .name = "invalid-function-name",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds function and method names with uppercase letters. Methods marked "
            "`@override`/`@overload`, `visit_*` methods of `ast.NodeVisitor` subclasses, `do_*` "
            "methods of `http.server` handlers and unittest's `setUp`-style names are exempt.",
    .why = "PEP 8 spells functions in `snake_case`; `ComputeLoss()` reads like a class being "
           "instantiated, and mixed conventions make a code base look like several pasted "
           "together.",
    .example = "```python\ndef computeLoss(y_true, y_pred):\n    ...\n```",
    .instead = "```python\ndef compute_loss(y_true, y_pred):\n    ...\n```",
};

// ruff's any_base_class: a base matches, or a class of this file it
// derives from does.
bool HasBaseMatching(const semantic::SemanticModel& model, const python::ClassDef& class_def,
                     std::initializer_list<std::string_view> names,
                     std::vector<const python::ClassDef*>& seen) {
  for (const python::Expr* base : class_def.bases) {
    for (std::string_view name : names) {
      if (model.Matches(base, name)) return true;
    }
    const python::Expr* root = base;
    if (const auto* subscript = python::DynCast<python::Subscript>(root)) root = subscript->value;
    if (!python::Isa<python::Name>(root)) continue;
    semantic::BindingId id = model.ResolveName(root);
    if (id == semantic::kNoId) continue;
    const auto* parent = python::DynCast<python::ClassDef>(model.binding(id).node);
    if (parent == nullptr || std::find(seen.begin(), seen.end(), parent) != seen.end()) continue;
    seen.push_back(parent);
    if (HasBaseMatching(model, *parent, names, seen)) return true;
  }
  return false;
}

bool HasBaseMatching(const semantic::SemanticModel& model, const python::ClassDef& class_def,
                     std::initializer_list<std::string_view> names) {
  std::vector<const python::ClassDef*> seen;
  return HasBaseMatching(model, class_def, names, seen);
}

void CheckFunction(const python::Node& node, CheckContext& context) {
  std::optional<quality::FunctionView> function = quality::AsFunction(&node);
  std::string_view name = function->name;
  if (quality::IsLowercase(name)) return;
  const semantic::SemanticModel& model = context.model();
  if (quality::IsOverride(model, function->decorators) ||
      quality::IsOverload(model, function->decorators)) {
    return;
  }
  if (quality::IsIgnoredName(name)) return;
  const auto* parent_class = python::DynCast<python::ClassDef>(model.Parent(&node));
  if (parent_class != nullptr) {
    if (name.starts_with("visit_") &&
        HasBaseMatching(model, *parent_class, {"ast.NodeVisitor", "ast.NodeTransformer"})) {
      return;
    }
    if (name.starts_with("do_") &&
        HasBaseMatching(model, *parent_class,
                        {"http.server.BaseHTTPRequestHandler", "http.server.CGIHTTPRequestHandler",
                         "http.server.SimpleHTTPRequestHandler"})) {
      return;
    }
  }
  context.Report(kRule, function->name_pos,
                 fmt::format("Function name `{}` should be lowercase", name));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckFunction});

}  // namespace dsaudit::checks
