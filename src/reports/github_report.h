// GitHub Actions workflow commands, which GitHub turns into annotations.
#pragma once

#include <span>
#include <string>

#include "findings/finding.h"

namespace dsaudit::reports {

// `::error file=P,line=L,col=C,endLine=..,endColumn=..,title=CODE::message`
// per finding: error for critical and blocker findings, warning otherwise.
// Whole-file findings carry only `file`, project-wide ones no location.
std::string WriteGithub(std::span<const Finding> findings);

}  // namespace dsaudit::reports
