// DS854, which runs only with `dsaudit audit --history`: walking the whole
// history is too slow for every run, so RunAudit calls it rather than the
// project-check loop.
#pragma once

#include <vector>

#include "audit/inventory.h"
#include "findings/finding.h"

namespace dsaudit::audit {

// Secrets found in the history of the repository holding inventory.root and
// no longer in its files (those are DS851's and DS852's), one finding per
// secret and path, at the commit that added it.
std::vector<Finding> FindSecretsInGitHistory(const Inventory& inventory);

}  // namespace dsaudit::audit
