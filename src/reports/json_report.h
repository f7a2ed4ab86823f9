// Machine-readable findings: exactly the Finding fields, in their order.
#pragma once

#include <span>
#include <string>

#include "findings/finding.h"

namespace dsaudit::reports {

// A JSON array of objects {code, area, severity, path (null when project-wide),
// line, column, end_line, end_column, cell (null or number), message,
// effort_minutes, fingerprint}.
std::string WriteJson(std::span<const Finding> findings);

}  // namespace dsaudit::reports
