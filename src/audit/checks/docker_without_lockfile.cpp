// DS816: the Docker image installs packages without the project's
// requirements or lock file.
#include <fmt/format.h>

#include "audit/dockerfile.h"
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS816",
    .name = "docker-without-lockfile",
    .area = Area::kPackaging,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .what = "Reports a Dockerfile with a Python base image or `pip install` that never installs "
            "from a requirements file, lock file or the project itself (`pip install -r`, "
            "`pip install .`, `poetry install`, `pipenv install`, `uv sync`, `conda env`).",
    .why = "Packages listed by hand in the Dockerfile drift from what the project declares; the "
           "image then runs code against versions nobody tested.",
    .example = "```dockerfile\nRUN pip install pandas flask\n```",
    .instead = "```dockerfile\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r "
               "requirements.txt\n```",
};

constexpr std::string_view kInstallsFromFile[] = {
    "-r ", "--requirement", "pip install .", "pip install -e", "poetry install", "pipenv install",
    "pipenv sync", "uv sync", "uv pip sync", "conda env", "pip-sync", "pip install --no-cache-dir .",
    "pip install --no-cache-dir -e"};

void Run(AuditContext& context) {
  for (const InventoryFile* file : context.inventory().Files(FileRole::kDockerfile)) {
    std::vector<DockerInstruction> instructions = ParseDockerfile(file->text);
    const DockerInstruction* first_pip = nullptr;
    bool from_file = false;
    for (const DockerInstruction& instruction : instructions) {
      if (instruction.keyword != "RUN") continue;
      for (std::string_view marker : kInstallsFromFile) {
        if (instruction.arguments.find(marker) != std::string::npos) from_file = true;
      }
      if (first_pip == nullptr && instruction.arguments.find("pip install") != std::string::npos) {
        first_pip = &instruction;
      }
    }
    if (first_pip == nullptr || from_file) continue;
    context.Report(kRule, *file, SpanOf(file->text, first_pip->begin, first_pip->end),
                   "the image installs packages without the project's requirements or lock file");
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
