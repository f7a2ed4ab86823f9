// S106: a string literal passed to a password-like keyword argument.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S106",
    .name = "hardcoded-password-func-arg",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds calls that pass a string literal to a keyword argument named like a password, "
            "token or secret (`password=\"...\"`, `api_token=\"...\"`).",
    .why = "Database connections, API clients and experiment trackers are often opened with the "
           "credential written into the call. Whoever reads the repository, a notebook export or "
           "a stack trace can then use it.",
    .example = "```python\nengine = connect(user=\"etl\", password=\"hunter2\")\n```",
    .instead = "```python\nimport os\n\nengine = connect(user=\"etl\", "
               "password=os.environ[\"DB_PASSWORD\"])\n```",
};

void CheckPasswordArgument(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  for (const python::Keyword* keyword : call.keywords) {
    if (keyword->arg.empty()) continue;
    std::optional<std::string_view> value = security::StringLiteral(keyword->value);
    if (!value || value->empty() || !security::MatchesPasswordName(keyword->arg)) continue;
    context.Report(kRule, *keyword,
                   fmt::format("Possible hardcoded password assigned to argument: \"{}\"",
                               keyword->arg));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckPasswordArgument});

}  // namespace dsaudit::checks
