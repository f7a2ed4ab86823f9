#include "findings/finding.h"

#include <tuple>

namespace dsaudit {

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.line, a.column, a.code, a.message) <
         std::tie(b.path, b.line, b.column, b.code, b.message);
}

}  // namespace dsaudit
