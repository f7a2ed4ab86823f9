// DS601: a hard-coded password that is also one of the most common
// passwords (the S105/S106/S107 places, with a value from the weak list).
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS601",
    .name = "weak-hardcoded-password",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .fixable = false,
    .what = "Finds hard-coded passwords (where S105, S106 and S107 look: assignments and "
            "comparisons to password-like names, password-like keyword arguments and parameter "
            "defaults) whose value is one of the most common passwords: `123456`, `password`, "
            "`admin`, `qwerty`, `letmein`, `changeme` and the like, in any letter case. Test files "
            "are skipped: their dummy credentials log in to fakes.",
    .why = "A hard-coded password is a leak; a hard-coded *weak* password is also a default "
           "credential that attackers try first, without needing the repository at all. It "
           "usually means a database, dashboard or notebook server left with its factory or "
           "tutorial password.",
    .example = "```python\nconn = psycopg2.connect(host=host, user=\"postgres\", "
               "password=\"admin\")\n```",
    .instead = "```python\nconn = psycopg2.connect(host=host, user=\"etl\", "
               "password=os.environ[\"PGPASSWORD\"])\n```\n\nChange the password on the server "
               "too: it has been public.",
};

void ReportIfWeak(const python::Node* value, std::string_view name, CheckContext& context) {
  std::optional<std::string_view> text = security::StringLiteral(value);
  if (!text || !security::IsWeakPassword(*text)) return;
  context.Report(kRule, *value,
                 fmt::format("weak, commonly used password {} hard-coded for \"{}\"",
                             security::Redact(*text), name));
}

void CheckTargets(const python::Expr* value, std::span<python::Expr* const> targets,
                  CheckContext& context) {
  for (const python::Expr* target : targets) {
    if (std::optional<std::string_view> name = security::PasswordTarget(target)) {
      ReportIfWeak(value, *name, context);
      return;
    }
  }
}

void CheckParameters(const python::Arguments& arguments, CheckContext& context) {
  size_t positional = arguments.posonlyargs.size() + arguments.args.size();
  size_t first_default = positional - arguments.defaults.size();
  for (size_t i = first_default; i < positional; ++i) {
    const python::Arg* parameter = i < arguments.posonlyargs.size()
                                       ? arguments.posonlyargs[i]
                                       : arguments.args[i - arguments.posonlyargs.size()];
    if (security::MatchesPasswordName(parameter->arg)) {
      ReportIfWeak(arguments.defaults[i - first_default], parameter->arg, context);
    }
  }
  for (size_t i = 0; i < arguments.kwonlyargs.size() && i < arguments.kw_defaults.size(); ++i) {
    if (arguments.kw_defaults[i] != nullptr &&
        security::MatchesPasswordName(arguments.kwonlyargs[i]->arg)) {
      ReportIfWeak(arguments.kw_defaults[i], arguments.kwonlyargs[i]->arg, context);
    }
  }
}

void CheckWeakPassword(const python::Node& node, CheckContext& context) {
  // Tests log in to fakes with dummy passwords; S105-S107 still see them.
  if (context.IsTestFile()) return;
  switch (node.kind) {
    case python::NodeKind::kAssign: {
      const auto& assign = static_cast<const python::Assign&>(node);
      CheckTargets(assign.value, assign.targets, context);
      return;
    }
    case python::NodeKind::kAnnAssign: {
      const auto& annotated = static_cast<const python::AnnAssign&>(node);
      if (annotated.value == nullptr) return;
      python::Expr* target = annotated.target;
      CheckTargets(annotated.value, std::span<python::Expr* const>(&target, 1), context);
      return;
    }
    case python::NodeKind::kCompare: {
      const auto& compare = static_cast<const python::Compare&>(node);
      std::optional<std::string_view> name = security::PasswordTarget(compare.left);
      if (!name) return;
      for (const python::Expr* comparator : compare.comparators) {
        ReportIfWeak(comparator, *name, context);
      }
      return;
    }
    case python::NodeKind::kCall:
      for (const python::Keyword* keyword : static_cast<const python::Call&>(node).keywords) {
        if (!keyword->arg.empty() && security::MatchesPasswordName(keyword->arg)) {
          ReportIfWeak(keyword->value, keyword->arg, context);
        }
      }
      return;
    case python::NodeKind::kFunctionDef:
      CheckParameters(*static_cast<const python::FunctionDef&>(node).args, context);
      return;
    case python::NodeKind::kAsyncFunctionDef:
      CheckParameters(*static_cast<const python::AsyncFunctionDef&>(node).args, context);
      return;
    default:
      return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAssign, python::NodeKind::kAnnAssign,
                                       python::NodeKind::kCompare, python::NodeKind::kCall,
                                       python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckWeakPassword});

}  // namespace dsaudit::checks
