// N801: a class name that is not CapWords.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "N801",
    .name = "invalid-class-name",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds class names that do not follow PEP 8's CapWords convention: after leading "
            "underscores the name must start with an uppercase letter and contain no further "
            "underscores.",
    .why = "Readers tell classes from functions and variables by their spelling; `data_loader()` "
           "and `DataLoader()` promise different things. Consistent names also keep "
           "`from module import *`-free code greppable.",
    .example = "```python\nclass feature_builder:\n    ...\n```",
    .instead = "```python\nclass FeatureBuilder:\n    ...\n```",
};

void CheckClass(const python::Node& node, CheckContext& context) {
  const auto& class_def = static_cast<const python::ClassDef&>(node);
  std::string_view name = class_def.name;
  std::string_view stripped = name.substr(std::min(name.find_first_not_of('_'), name.size()));
  if (quality::StartsUppercase(stripped) && stripped.find('_') == std::string_view::npos) return;
  if (quality::IsIgnoredName(name)) return;
  context.Report(kRule, class_def.name_pos,
                 fmt::format("Class name `{}` should use CapWords convention", name));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kClassDef},
                        .on_node = CheckClass});

}  // namespace dsaudit::checks
