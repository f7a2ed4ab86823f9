// S107: a string literal as the default of a password-like parameter.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S107",
    .name = "hardcoded-password-default",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds function parameters named like a password, token or secret whose default "
            "value is a non-empty string literal.",
    .why = "A default credential is used silently whenever a caller forgets to pass one, so the "
           "code keeps working in production with a secret that is public in the repository.",
    .example = "```python\ndef load_table(name, password=\"hunter2\"):\n    ...\n```",
    .instead = "```python\ndef load_table(name, password=None):\n    password = password or "
               "os.environ[\"DB_PASSWORD\"]\n    ...\n```",
};

void CheckParameter(const python::Arg* parameter, const python::Expr* default_value,
                    CheckContext& context) {
  if (default_value == nullptr) return;
  std::optional<std::string_view> value = security::StringLiteral(default_value);
  if (!value || value->empty() || !security::MatchesPasswordName(parameter->arg)) return;
  context.Report(kRule, *default_value,
                 fmt::format("Possible hardcoded password assigned to function default: \"{}\"",
                             parameter->arg));
}

void CheckPasswordDefaults(const python::Node& node, CheckContext& context) {
  const python::Arguments* arguments =
      node.kind == python::NodeKind::kFunctionDef
          ? static_cast<const python::FunctionDef&>(node).args
          : static_cast<const python::AsyncFunctionDef&>(node).args;
  // Defaults belong to the last positional parameters.
  size_t positional = arguments->posonlyargs.size() + arguments->args.size();
  size_t first_default = positional - arguments->defaults.size();
  for (size_t i = first_default; i < positional; ++i) {
    const python::Arg* parameter = i < arguments->posonlyargs.size()
                                       ? arguments->posonlyargs[i]
                                       : arguments->args[i - arguments->posonlyargs.size()];
    CheckParameter(parameter, arguments->defaults[i - first_default], context);
  }
  for (size_t i = 0; i < arguments->kwonlyargs.size() && i < arguments->kw_defaults.size(); ++i) {
    CheckParameter(arguments->kwonlyargs[i], arguments->kw_defaults[i], context);
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckPasswordDefaults});

}  // namespace dsaudit::checks
