// DS844: Reports `apt-get install` in a `RUN` that does not remove `/var/lib/apt/lists` afterwards (hadolint DL3009).
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS844",
    .name = "docker-apt-lists-not-cleaned",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .what = "Reports `apt-get install` in a `RUN` that does not remove `/var/lib/apt/lists` afterwards (hadolint DL3009).",
    .why = "The package lists stay in the layer: tens of megabytes in every image, and stale lists for later layers.",
    .example = "```dockerfile\nRUN apt-get update && apt-get install -y curl\n```",
    .instead = "```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n```",
};


void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    for (const DockerInstruction& instruction : docker.instructions) {
      if (instruction.keyword != "RUN") continue;
      const std::string& args = instruction.arguments;
      if (args.find("apt-get install") == std::string::npos && args.find("apt install") == std::string::npos) {
        continue;
      }
      if (args.find("/var/lib/apt/lists") != std::string::npos) continue;
      context.Report(kRule, *docker.file, InstructionSpan(*docker.file, instruction),
                     "apt lists are not removed after apt-get install");
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
