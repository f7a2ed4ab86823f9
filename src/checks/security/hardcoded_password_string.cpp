// S105: a string literal assigned to, or compared with, a password-like name.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S105",
    .name = "hardcoded-password-string",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds string literals assigned to names that look like passwords, tokens or secrets "
            "(`password`, `passwd`, `pwd`, `token`, `secret`, as a whole name or an `_`-separated "
            "part of one), and such names compared with a string literal.",
    .why = "A secret in the source is a secret in every clone, fork, backup and CI log of the "
           "repository, and in its history for ever. Rotating it means a code change. Notebooks "
           "and training scripts are shared widely, which makes them a common leak.",
    .example = "```python\nDB_PASSWORD = \"s3cr3t-Pa55\"\n\nif token == \"abc123\":\n    ...\n```",
    .instead = "```python\nimport os\n\nDB_PASSWORD = os.environ[\"DB_PASSWORD\"]\n```\n\nRead "
               "secrets from the environment, a secrets manager or an untracked config file.",
};

std::string Message(std::string_view name) {
  return fmt::format("Possible hardcoded password assigned to: \"{}\"", name);
}

bool NonEmptyString(const python::Node* expr) {
  std::optional<std::string_view> text = security::StringLiteral(expr);
  return text && !text->empty();
}

void CheckAssignment(const python::Expr* value, std::span<python::Expr* const> targets,
                     CheckContext& context) {
  if (!NonEmptyString(value)) return;
  for (const python::Expr* target : targets) {
    if (std::optional<std::string_view> name = security::PasswordTarget(target)) {
      context.Report(kRule, *value, Message(*name));
      return;
    }
  }
}

void CheckPasswordString(const python::Node& node, CheckContext& context) {
  if (const auto* assign = python::DynCast<python::Assign>(&node)) {
    CheckAssignment(assign->value, assign->targets, context);
    return;
  }
  if (const auto* annotated = python::DynCast<python::AnnAssign>(&node)) {
    if (annotated->value == nullptr) return;
    python::Expr* target = annotated->target;
    CheckAssignment(annotated->value, std::span<python::Expr* const>(&target, 1), context);
    return;
  }
  const auto& compare = static_cast<const python::Compare&>(node);
  for (const python::Expr* comparator : compare.comparators) {
    if (!NonEmptyString(comparator)) continue;
    std::optional<std::string_view> name = security::PasswordTarget(compare.left);
    if (!name) continue;
    context.Report(kRule, *comparator, Message(*name));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAssign, python::NodeKind::kAnnAssign,
                                       python::NodeKind::kCompare},
                        .on_node = CheckPasswordString});

}  // namespace dsaudit::checks
