// DS846: Reports a Dockerfile whose final stage sets no `USER`, or sets root (hadolint DL3002).
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS846",
    .name = "docker-runs-as-root",
    .area = Area::kDevops,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .what = "Reports a Dockerfile whose final stage sets no `USER`, or sets root (hadolint DL3002).",
    .why = "A process running as root in the container turns any code-execution bug (pickle loading, eval) into root on the container and a step from the host.",
    .example = "```dockerfile\nFROM python:3.11-slim\nCMD [\"python\", \"serve.py\"]\n```",
    .instead = "```dockerfile\nRUN useradd --create-home app\nUSER app\nCMD [\"python\", \"serve.py\"]\n```",
};


void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    const DockerInstruction* from = nullptr;
    const DockerInstruction* user = nullptr;
    for (const DockerInstruction& instruction : docker.instructions) {
      if (instruction.stage != docker.last_stage) continue;
      if (instruction.keyword == "FROM") from = &instruction;
      if (instruction.keyword == "USER") user = &instruction;
    }
    if (from == nullptr) continue;
    if (user != nullptr && user->arguments != "root" && user->arguments != "0" &&
        !user->arguments.starts_with("root:") && !user->arguments.starts_with("0:")) {
      continue;
    }
    const DockerInstruction& at = user != nullptr ? *user : *from;
    context.Report(kRule, *docker.file, InstructionSpan(*docker.file, at),
                   "the container runs as root");
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
