// D101: a public class without a docstring.
#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "D101",
    .name = "undocumented-public-class",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds public module-level classes (no leading underscore, listed in `__all__` when "
            "the module has one) without a docstring.",
    .why = "A class docstring says what an instance represents and how to build one; for "
           "estimators, datasets and configuration objects that is the difference between "
           "reuse and re-implementation.",
    .example = "```python\nclass FeatureStore:\n    def __init__(self, root): ...\n```",
    .instead = "```python\nclass FeatureStore:\n    \"\"\"Versioned feature tables on disk, one "
               "Parquet file per table.\"\"\"\n\n    def __init__(self, root): ...\n```",
};

void CheckDefinitions(CheckContext& context) {
  if (context.path().ends_with(".pyi")) return;
  quality::ForEachDefinition(context, [&](const quality::Definition& definition) {
    if (definition.kind != quality::MemberKind::kClass || !definition.is_public) return;
    const auto* class_def = static_cast<const python::ClassDef*>(definition.node);
    if (quality::HasDocstring(class_def->body)) return;
    context.Report(kRule, class_def->name_pos, "Missing docstring in public class");
  });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckDefinitions});

}  // namespace dsaudit::checks
