// DS848: Reports `ENV` and `ARG` instructions that set a variable named like a secret (password, token, secret, api key, access key, private key) to a literal value. The value is never printed.
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "audit/checks/docker_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS848",
    .name = "docker-secret-in-env",
    .area = Area::kDevops,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .what = "Reports `ENV` and `ARG` instructions that set a variable named like a secret (password, token, secret, api key, access key, private key) to a literal value. The value is never printed.",
    .why = "ENV and ARG values are stored in the image metadata: anyone who can pull the image reads them with `docker history`.",
    .example = "```dockerfile\nENV DB_PASSWORD=hunter2\n```",
    .instead = "Pass secrets at run time (environment from a secret store, Docker/Kubernetes secrets) or use BuildKit `--mount=type=secret`.",
};


bool LooksSecret(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view word : {"password", "passwd", "secret", "token", "api_key", "apikey",
                                "access_key", "private_key", "credentials"}) {
    if (name.find(word) != std::string::npos) return true;
  }
  return false;
}

// The value is redacted: its length only, never its characters.
std::string Redacted(std::string_view value) { return std::string(value.size(), '*'); }

void Run(AuditContext& context) {
  for (const ParsedDockerfile& docker : ParseDockerfiles(context.inventory())) {
    for (const DockerInstruction& instruction : docker.instructions) {
      if (instruction.keyword != "ENV" && instruction.keyword != "ARG") continue;
      std::string_view args = instruction.arguments;
      size_t separator = args.find_first_of("= ");
      if (separator == std::string_view::npos) continue;
      std::string name(args.substr(0, separator));
      std::string_view value = args.substr(separator + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (value.empty() || value.starts_with("$") || !LooksSecret(name)) continue;
      context.Report(kRule, *docker.file, InstructionSpan(*docker.file, instruction),
                     fmt::format("secret in {} {}={} is stored in the image", instruction.keyword,
                                 name, Redacted(value.substr(0, std::min<size_t>(value.size(), 8)))));
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
