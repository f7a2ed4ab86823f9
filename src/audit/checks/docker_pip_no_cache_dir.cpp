// DS843: Reports `pip install` in a `RUN` without `--no-cache-dir` (hadolint DL3042), unless `PIP_NO_CACHE_DIR` is set.
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS843",
    .name = "docker-pip-no-cache-dir",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .what = "Reports `pip install` in a `RUN` without `--no-cache-dir` (hadolint DL3042), unless `PIP_NO_CACHE_DIR` is set.",
    .why = "pip keeps every downloaded wheel in the image layer: hundreds of megabytes for numpy, torch or TensorFlow that the container never uses.",
    .example = "```dockerfile\nRUN pip install -r requirements.txt\n```",
    .instead = "```dockerfile\nRUN pip install --no-cache-dir -r requirements.txt\n```",
};


void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    bool env_set = false;
    for (const DockerInstruction& instruction : docker.instructions) {
      if ((instruction.keyword == "ENV" || instruction.keyword == "ARG") &&
          instruction.arguments.find("PIP_NO_CACHE_DIR") != std::string::npos) {
        env_set = true;
      }
      if (instruction.keyword != "RUN" || env_set) continue;
      if (instruction.arguments.find("pip install") == std::string::npos &&
          instruction.arguments.find("pip3 install") == std::string::npos) {
        continue;
      }
      if (instruction.arguments.find("--no-cache-dir") != std::string::npos) continue;
      context.Report(kRule, *docker.file, InstructionSpan(*docker.file, instruction),
                     "pip install without --no-cache-dir keeps the download cache in the image");
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
