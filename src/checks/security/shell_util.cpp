#include "checks/security/shell_util.h"

#include <algorithm>
#include <string>

namespace dsaudit::checks::security {

ProcessCall ClassifyProcessCall(const python::Expr* func, const semantic::SemanticModel& model) {
  if (!model.ImportsModule("os") && !model.ImportsModule("subprocess") &&
      !model.ImportsModule("popen2") && !model.ImportsModule("commands")) {
    return ProcessCall::kNone;
  }
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(func);
  if (!name) return ProcessCall::kNone;
  // Exactly two segments: "os.system", however the import spelled it.
  std::string full = name->ToString();
  size_t dot = full.find('.');
  if (dot == std::string::npos || full.find('.', dot + 1) != std::string::npos) {
    return ProcessCall::kNone;
  }
  std::string_view module = std::string_view(full).substr(0, dot);
  std::string_view member = std::string_view(full).substr(dot + 1);
  auto in = [member](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), member) != names.end();
  };
  if (module == "os") {
    if (in({"execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe",
            "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp",
            "spawnvpe", "startfile"})) {
      return ProcessCall::kNoShell;
    }
    if (in({"system", "popen", "popen2", "popen3", "popen4"})) return ProcessCall::kShell;
    return ProcessCall::kNone;
  }
  if (module == "subprocess") {
    if (in({"Popen", "call", "check_call", "check_output", "run"})) return ProcessCall::kSubprocess;
    if (in({"getoutput", "getstatusoutput"})) return ProcessCall::kShell;
    return ProcessCall::kNone;
  }
  if (module == "popen2" && in({"popen2", "popen3", "popen4", "Popen3", "Popen4"})) {
    return ProcessCall::kShell;
  }
  if (module == "commands" && in({"getoutput", "getstatusoutput"})) return ProcessCall::kShell;
  return ProcessCall::kNone;
}

}  // namespace dsaudit::checks::security
