// S602: subprocess calls with a truthy shell argument.
#include "checks/check_context.h"
#include "checks/security/security_util.h"
#include "checks/security/shell_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S602",
    .name = "subprocess-popen-with-shell-equals-true",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds `subprocess` calls (`run`, `call`, `check_call`, `check_output`, `Popen`) with "
            "`shell=True` or another truthy `shell` value. A string literal command is reported "
            "as seeming safe; anything computed as a possible injection.",
    .why = "With a shell, every space, `;`, `|`, `$()` and backtick in the command is "
           "interpreted. A file name, bucket key or parameter that reaches the command string "
           "can run other commands.",
    .example = "```python\nsubprocess.run(f\"gsutil cp {src} {dst}\", shell=True)\n```",
    .instead = "```python\nsubprocess.run([\"gsutil\", \"cp\", src, dst], check=True)\n```",
};

void CheckSubprocessShell(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  if (call.args.empty()) return;
  const python::Keyword* shell = security::FindKeyword(call, "shell");
  if (shell == nullptr) return;
  security::Truthiness truthiness = security::TruthinessOf(shell->value, context.model());
  if (!security::IsTruthy(truthiness)) return;
  if (security::ClassifyProcessCall(call.func, context.model()) !=
      security::ProcessCall::kSubprocess) {
    return;
  }
  bool exact = truthiness == security::Truthiness::kTrue;
  bool literal = python::Isa<python::Constant>(call.args[0]) &&
                 security::StringLiteral(call.args[0]).has_value();
  std::string message;
  if (literal) {
    message = exact ? "`subprocess` call with `shell=True` seems safe, but may be changed in the "
                      "future; consider rewriting without `shell`"
                    : "`subprocess` call with truthy `shell` seems safe, but may be changed in the "
                      "future; consider rewriting without `shell`";
  } else {
    message = exact ? "`subprocess` call with `shell=True` identified, security issue"
                    : "`subprocess` call with truthy `shell` identified, security issue";
  }
  context.Report(kRule, *call.func, std::move(message));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckSubprocessShell});

}  // namespace dsaudit::checks
