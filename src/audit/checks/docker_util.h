// Shared by the Dockerfile checks: each Dockerfile parsed, with helpers to
// point a finding at an instruction.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "audit/dockerfile.h"
#include "audit/project_check.h"

namespace dsaudit::audit {

struct ParsedDockerfile {
  const InventoryFile* file = nullptr;
  std::vector<DockerInstruction> instructions;
  uint32_t last_stage = 0;
};

std::vector<ParsedDockerfile> ParseDockerfiles(const Inventory& inventory);

// The span of the instruction's keyword line through its last line.
Span InstructionSpan(const InventoryFile& file, const DockerInstruction& instruction);

}  // namespace dsaudit::audit
