// DS847: Reports a Dockerfile whose final stage exposes a port but has no `HEALTHCHECK`.
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS847",
    .name = "docker-no-healthcheck",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .what = "Reports a Dockerfile whose final stage exposes a port but has no `HEALTHCHECK`.",
    .why = "Without a health check a hung server keeps receiving traffic; Docker and compose cannot restart it.",
    .example = "```dockerfile\nEXPOSE 5000\nCMD [\"gunicorn\", \"serve:app\"]\n```",
    .instead = "```dockerfile\nHEALTHCHECK CMD curl --fail http://localhost:5000/health || exit 1\n```",
};


void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    const DockerInstruction* expose = nullptr;
    bool health = false;
    for (const DockerInstruction& instruction : docker.instructions) {
      if (instruction.keyword == "HEALTHCHECK") health = true;
      if (instruction.keyword == "EXPOSE" && instruction.stage == docker.last_stage) expose = &instruction;
    }
    if (health || expose == nullptr) continue;
    context.Report(kRule, *docker.file, InstructionSpan(*docker.file, *expose),
                   "the image serves a port but has no HEALTHCHECK");
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
