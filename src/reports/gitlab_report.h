// GitLab's Code Quality report (artifacts:reports:codequality).
#pragma once

#include <span>
#include <string>

#include "findings/finding.h"

namespace dsaudit::reports {

// An array of {description, check_name, fingerprint, severity, location
// {path, lines {begin}}}. GitLab requires a path and a line on every issue, so
// project-wide findings point at "." and whole-file findings at line 1.
std::string WriteGitlab(std::span<const Finding> findings);

}  // namespace dsaudit::reports
