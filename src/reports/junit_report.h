// JUnit XML, for CI systems (Jenkins, GitLab test reports) that only read that.
#pragma once

#include <span>
#include <string>

#include "findings/finding.h"

namespace dsaudit::reports {

// One <testsuite> per path (project-wide findings under "(project)"), one
// failing <testcase> per finding. With no findings, one passing testcase, so
// that CI does not mistake a clean run for a missing report.
std::string WriteJunit(std::span<const Finding> findings);

}  // namespace dsaudit::reports
