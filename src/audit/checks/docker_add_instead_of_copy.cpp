// DS842: Reports `ADD` used for local files and directories (hadolint DL3020); URLs and archives are exempt.
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS842",
    .name = "docker-add-instead-of-copy",
    .area = Area::kDevops,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .what = "Reports `ADD` used for local files and directories (hadolint DL3020); URLs and archives are exempt.",
    .why = "`ADD` silently unpacks archives and fetches URLs; `COPY` does only what it says, so the build stays predictable.",
    .example = "```dockerfile\nADD . /app\n```",
    .instead = "```dockerfile\nCOPY . /app\n```",
};


bool IsArchiveOrUrl(std::string_view source) {
  if (source.find("://") != std::string_view::npos) return true;
  for (std::string_view suffix : {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip"}) {
    if (source.ends_with(suffix)) return true;
  }
  return false;
}

void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    for (const DockerInstruction& instruction : docker.instructions) {
      if (instruction.keyword != "ADD") continue;
      std::string_view args = instruction.arguments;
      while (args.starts_with("--")) {
        size_t space = args.find(' ');
        args = space == std::string_view::npos ? std::string_view() : args.substr(space + 1);
      }
      if (IsArchiveOrUrl(args.substr(0, args.find(' ')))) continue;
      context.Report(kRule, *docker.file, InstructionSpan(*docker.file, instruction),
                     "use COPY instead of ADD for local files");
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
