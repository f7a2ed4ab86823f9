// DS841: Reports a `FROM` whose image has no tag or the `latest` tag (hadolint DL3006, DL3007); build stages and `scratch` are exempt.
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS841",
    .name = "docker-base-image-unpinned",
    .area = Area::kDevops,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .what = "Reports a `FROM` whose image has no tag or the `latest` tag (hadolint DL3006, DL3007); build stages and `scratch` are exempt.",
    .why = "`latest` moves: the same Dockerfile builds a different image next month, with another Python, another libc, another CUDA.",
    .example = "```dockerfile\nFROM python:latest\n```",
    .instead = "```dockerfile\nFROM python:3.11.9-slim-bookworm\n```",
};


void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    std::vector<std::string> stages;
    for (const DockerInstruction& instruction : docker.instructions) {
      if (instruction.keyword != "FROM") continue;
      std::string_view args = instruction.arguments;
      while (args.starts_with("--")) {
        size_t space = args.find(' ');
        args = space == std::string_view::npos ? std::string_view() : args.substr(space + 1);
      }
      std::string image(args.substr(0, args.find(' ')));
      size_t as = args.find(" AS ");
      if (as == std::string_view::npos) as = args.find(" as ");
      bool known_stage = false;
      for (const std::string& stage : stages) known_stage = known_stage || stage == image;
      if (as != std::string_view::npos) stages.emplace_back(args.substr(as + 4));
      if (known_stage || image.empty() || image == "scratch") continue;
      if (image.find('$') != std::string::npos || image.find('@') != std::string::npos) continue;
      size_t slash = image.rfind('/');
      size_t colon = image.find(':', slash == std::string::npos ? 0 : slash);
      std::string tag = colon == std::string::npos ? "" : image.substr(colon + 1);
      if (!tag.empty() && tag != "latest") continue;
      context.Report(kRule, *docker.file, InstructionSpan(*docker.file, instruction),
                     tag.empty() ? fmt::format("base image '{}' has no tag", image)
                                 : fmt::format("base image '{}' uses the latest tag", image));
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
