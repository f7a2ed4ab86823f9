// S605: os.system, os.popen and friends, which always run a shell.
#include "checks/check_context.h"
#include "checks/security/security_util.h"
#include "checks/security/shell_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S605",
    .name = "start-process-with-a-shell",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds calls that always start a process through a shell: `os.system`, `os.popen`, "
            "`subprocess.getoutput`, `subprocess.getstatusoutput` and the old `popen2`/`commands` "
            "functions. A string literal command is reported as seeming safe; anything computed "
            "as a possible injection.",
    .why = "These functions hand their whole argument to `/bin/sh`. Building it from paths, "
           "dataset names or user input lets shell syntax in those values run commands, and the "
           "exit status is easy to ignore.",
    .example = "```python\nos.system(\"unzip \" + archive + \" -d data/\")\n```",
    .instead = "```python\nsubprocess.run([\"unzip\", archive, \"-d\", \"data/\"], check=True)\n```\n"
               "\nor, better, `zipfile.ZipFile(archive).extractall(\"data/\")`.",
};

void CheckShellProcess(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  if (call.args.empty()) return;
  if (security::ClassifyProcessCall(call.func, context.model()) != security::ProcessCall::kShell) {
    return;
  }
  bool literal = security::StringLiteral(call.args[0]).has_value();
  context.Report(kRule, *call.func,
                 literal ? "Starting a process with a shell: seems safe, but may be changed in the "
                           "future; consider rewriting without `shell`"
                         : "Starting a process with a shell, possible injection detected");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckShellProcess});

}  // namespace dsaudit::checks
