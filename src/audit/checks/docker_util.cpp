#include "audit/checks/docker_util.h"

namespace dsaudit::audit {

std::vector<ParsedDockerfile> ParseDockerfiles(const Inventory& inventory) {
  std::vector<ParsedDockerfile> out;
  for (const InventoryFile* file : inventory.Files(FileRole::kDockerfile)) {
    ParsedDockerfile parsed;
    parsed.file = file;
    parsed.instructions = ParseDockerfile(file->text);
    if (!parsed.instructions.empty()) parsed.last_stage = parsed.instructions.back().stage;
    out.push_back(std::move(parsed));
  }
  return out;
}

Span InstructionSpan(const InventoryFile& file, const DockerInstruction& instruction) {
  return SpanOf(file.text, instruction.begin, instruction.end);
}

}  // namespace dsaudit::audit
