// S506: yaml.load without a safe loader.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S506",
    .name = "unsafe-yaml-load",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds `yaml.load` calls without a loader, or with a loader other than `SafeLoader` "
            "or `CSafeLoader`.",
    .why = "PyYAML's full loaders build arbitrary Python objects from tags such as "
           "`!!python/object/apply:os.system`, so loading a config, a pipeline definition or a "
           "model card from an untrusted source runs code.",
    .example = "```python\nwith open(\"params.yaml\") as f:\n    params = yaml.load(f, "
               "Loader=yaml.Loader)\n```",
    .instead = "```python\nwith open(\"params.yaml\") as f:\n    params = yaml.safe_load(f)\n```",
};

bool IsSafeLoader(const python::Expr* loader, const semantic::SemanticModel& model) {
  for (std::string_view safe : {"yaml.SafeLoader", "yaml.CSafeLoader", "yaml.loader.SafeLoader",
                                "yaml.loader.CSafeLoader", "yaml.cyaml.CSafeLoader"}) {
    if (model.Matches(loader, safe)) return true;
  }
  return false;
}

void CheckYamlLoad(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("yaml")) return;
  const auto& call = static_cast<const python::Call&>(node);
  if (!model.Matches(call.func, "yaml.load")) return;
  const python::Expr* loader = security::FindArgument(call, "Loader", 1);
  if (loader == nullptr) {
    context.Report(kRule, *call.func,
                   "Probable use of unsafe `yaml.load`. Allows instantiation of arbitrary "
                   "objects. Consider `yaml.safe_load`.");
    return;
  }
  if (IsSafeLoader(loader, model)) return;
  std::string_view name;
  if (const auto* attribute = python::DynCast<python::Attribute>(loader)) name = attribute->attr;
  if (const auto* plain = python::DynCast<python::Name>(loader)) name = plain->id;
  if (name.empty()) {
    context.Report(kRule, *loader,
                   "Probable use of unsafe `yaml.load`. Allows instantiation of arbitrary "
                   "objects. Consider `yaml.safe_load`.");
    return;
  }
  context.Report(kRule, *loader,
                 fmt::format("Probable use of unsafe loader `{}` with `yaml.load`. Allows "
                             "instantiation of arbitrary objects. Consider `yaml.safe_load`.",
                             name));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckYamlLoad});

}  // namespace dsaudit::checks
