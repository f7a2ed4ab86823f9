// F403: `from module import *`.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "F403",
    .name = "undefined-local-with-import-star",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for wildcard imports: `from module import *`.",
    .why = "A star import hides where names come from, may silently replace names defined "
           "earlier (`from numpy import *` replaces the builtins `sum`, `max` and `round`), and "
           "stops linters from finding undefined names.",
    .example = "```python\nfrom numpy import *\n\nx = array([1, 2, 3])\n```",
    .instead = "```python\nimport numpy as np\n\nx = np.array([1, 2, 3])\n```",
};

void CheckImportFrom(const python::Node& node, CheckContext& context) {
  const auto& import = static_cast<const python::ImportFrom&>(node);
  for (const python::Alias* alias : import.names) {
    if (alias->name != "*") continue;
    std::string module(static_cast<size_t>(import.level), '.');
    module += import.module;
    context.Report(kRule, import,
                   fmt::format("`from {} import *` used; unable to detect undefined names", module));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kImportFrom},
                        .on_node = CheckImportFrom});

}  // namespace dsaudit::checks
