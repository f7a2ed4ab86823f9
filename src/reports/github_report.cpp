#include "reports/github_report.h"

#include <fmt/format.h>

#include <string_view>

#include "reports/json_writer.h"

namespace dsaudit::reports {
namespace {

// GitHub's toolkit escaping: a raw newline would end the command and a raw
// `:`/`,` in a property would end the property.
std::string EscapeData(std::string_view text) {
  std::string out;
  for (char c : ReplaceInvalidUtf8(text)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string Properties(const Finding& finding) {
  std::string out;
  if (!finding.path.empty()) out += fmt::format("file={},", EscapeProperty(finding.path));
  if (!finding.path.empty() && finding.line != 0) {
    out += fmt::format("line={},col={},", finding.line, finding.column);
    if (finding.end_line != 0) {
      out += fmt::format("endLine={},endColumn={},", finding.end_line, finding.end_column);
    }
  }
  return out + fmt::format("title={}", EscapeProperty(finding.code));
}

}  // namespace

std::string WriteGithub(std::span<const Finding> findings) {
  std::string out;
  for (const Finding& finding : findings) {
    const bool error = finding.severity >= Severity::kCritical;
    // Annotation lines are file-relative, so a notebook cell goes in the text.
    const std::string cell = finding.cell ? fmt::format("cell {}: ", *finding.cell) : "";
    out += fmt::format("::{} {}::{}{}\n", error ? "error" : "warning", Properties(finding), cell,
                       EscapeData(finding.message));
  }
  return out;
}

}  // namespace dsaudit::reports
