#include "reports/junit_report.h"

#include <fmt/format.h>

#include <string_view>

#include "reports/json_writer.h"

namespace dsaudit::reports {
namespace {

constexpr std::string_view kProjectSuite = "(project)";

// XML 1.0 forbids most control characters even as references, so they become
// U+FFFD like invalid UTF-8 does.
std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : ReplaceInvalidUtf8(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '\'':
        out += "&apos;";
        continue;
      case '\n':
        out += "&#10;";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      case '\t':
        out += "&#9;";
        continue;
      default:
        break;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string_view SuiteName(const Finding& finding) {
  return finding.path.empty() ? kProjectSuite : std::string_view(finding.path);
}

std::string Where(const Finding& finding) {
  if (finding.line == 0) return "";
  const std::string cell = finding.cell ? fmt::format("cell {}, ", *finding.cell) : "";
  return fmt::format("{}line {}, col {}, ", cell, finding.line, finding.column);
}

void AppendTestcase(std::string& out, const Finding& finding) {
  const std::string message = XmlEscape(finding.message);
  out += fmt::format("    <testcase name=\"{}\" classname=\"{}\"", XmlEscape(finding.code),
                     XmlEscape(SuiteName(finding)));
  if (finding.line != 0)
    out += fmt::format(" line=\"{}\" column=\"{}\"", finding.line, finding.column);
  out += fmt::format(">\n      <failure message=\"{}\">{}{}</failure>\n    </testcase>\n", message,
                     Where(finding), message);
}

}  // namespace

std::string WriteJunit(std::span<const Finding> findings) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (findings.empty()) {
    return out +
           "<testsuites name=\"dsaudit\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
           "  <testsuite name=\"dsaudit\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
           "    <testcase name=\"no findings\" classname=\"dsaudit\"/>\n"
           "  </testsuite>\n"
           "</testsuites>\n";
  }
  out += fmt::format("<testsuites name=\"dsaudit\" tests=\"{0}\" failures=\"{0}\" errors=\"0\">\n",
                     findings.size());
  // Sorted input keeps each path's findings adjacent.
  size_t begin = 0;
  while (begin < findings.size()) {
    size_t end = begin;
    while (end < findings.size() && SuiteName(findings[end]) == SuiteName(findings[begin])) ++end;
    out += fmt::format("  <testsuite name=\"{0}\" tests=\"{1}\" failures=\"{1}\" errors=\"0\">\n",
                       XmlEscape(SuiteName(findings[begin])), end - begin);
    for (size_t i = begin; i < end; ++i) AppendTestcase(out, findings[i]);
    out += "  </testsuite>\n";
    begin = end;
  }
  return out + "</testsuites>\n";
}

}  // namespace dsaudit::reports
