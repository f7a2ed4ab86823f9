// DS845: Reports `CMD` and `ENTRYPOINT` in shell form (hadolint DL3025).
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS845",
    .name = "docker-shell-form-cmd",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .what = "Reports `CMD` and `ENTRYPOINT` in shell form (hadolint DL3025).",
    .why = "In shell form the process runs under `/bin/sh -c` as a child: it never receives SIGTERM, so `docker stop` and Kubernetes wait and then kill it without a graceful shutdown.",
    .example = "```dockerfile\nCMD python serve.py\n```",
    .instead = "```dockerfile\nCMD [\"python\", \"serve.py\"]\n```",
};


void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    for (const DockerInstruction& instruction : docker.instructions) {
      if (instruction.keyword != "CMD" && instruction.keyword != "ENTRYPOINT") continue;
      if (instruction.arguments.starts_with("[")) continue;
      context.Report(kRule, *docker.file, InstructionSpan(*docker.file, instruction),
                     fmt::format("{} in shell form: use the JSON exec form", instruction.keyword));
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
