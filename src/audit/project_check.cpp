#include "audit/project_check.h"

#include <algorithm>

#include "findings/fingerprint.h"

namespace dsaudit::audit {
namespace {

std::vector<ProjectCheck>& MutableChecks() {
  static std::vector<ProjectCheck> checks;
  return checks;
}

std::string_view LineText(std::string_view text, uint32_t line) {
  size_t start = 0;
  for (uint32_t current = 1; current < line; ++current) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

uint32_t CharCount(std::string_view text) {
  uint32_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace

const PackagingModel& AuditContext::packaging() {
  if (!packaging_) packaging_ = std::make_unique<PackagingModel>(BuildPackagingModel(inventory_));
  return *packaging_;
}

const InfraModel& AuditContext::infra() {
  if (!infra_) infra_ = std::make_unique<InfraModel>(BuildInfraModel(inventory_));
  return *infra_;
}

const std::vector<secrets::FileSecrets>& AuditContext::secrets() {
  if (!secrets_) {
    secrets_ = std::make_unique<std::vector<secrets::FileSecrets>>(secrets::ScanProject(inventory_, {}));
  }
  return *secrets_;
}

Finding& AuditContext::Report(const RuleInfo& rule, const InventoryFile& file, Span span,
                              std::string message) {
  Finding finding;
  finding.code = std::string(rule.code);
  finding.area = rule.area;
  finding.severity = rule.severity;
  finding.path = file.path;
  finding.line = span.line;
  finding.column = span.column;
  finding.end_line = span.end_line;
  finding.end_column = span.end_column;
  finding.message = std::move(message);
  finding.effort_minutes = rule.effort_minutes;
  std::string_view line_text = span.line == 0 ? std::string_view() : LineText(file.text, span.line);
  uint32_t occurrence = 0;
  for (const Finding& other : findings_) {
    if (other.code == finding.code && other.path == finding.path && other.line != 0 &&
        LineText(file.text, other.line) == line_text) {
      ++occurrence;
    }
  }
  finding.fingerprint = ComputeFingerprint(finding.code, finding.path, line_text, occurrence);
  return findings_.emplace_back(std::move(finding));
}

Finding& AuditContext::ReportProject(const RuleInfo& rule, std::string message) {
  Finding finding;
  finding.code = std::string(rule.code);
  finding.area = rule.area;
  finding.severity = rule.severity;
  finding.message = std::move(message);
  finding.effort_minutes = rule.effort_minutes;
  finding.fingerprint = ComputeFingerprint(finding.code, "", "", 0);
  return findings_.emplace_back(std::move(finding));
}

bool RegisterProjectCheck(ProjectCheck check) {
  MutableChecks().push_back(check);
  return true;
}

std::span<const ProjectCheck> AllProjectChecks() {
  static const bool sorted = [] {
    std::sort(MutableChecks().begin(), MutableChecks().end(),
              [](const ProjectCheck& a, const ProjectCheck& b) { return a.rule->code < b.rule->code; });
    return true;
  }();
  (void)sorted;
  return MutableChecks();
}

Span SpanOf(std::string_view text, size_t begin, size_t end) {
  Span span;
  span.line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < begin && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++span.line;
      line_start = i + 1;
    }
  }
  span.column = CharCount(text.substr(line_start, begin - line_start)) + 1;
  span.end_line = span.line;
  size_t end_line_start = line_start;
  for (size_t i = begin; i < end && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++span.end_line;
      end_line_start = i + 1;
    }
  }
  span.end_column = CharCount(text.substr(end_line_start, end - end_line_start)) + 1;
  return span;
}

Span LineSpan(std::string_view text, uint32_t line) {
  std::string_view content = LineText(text, line);
  while (!content.empty() && content.back() == '\r') content.remove_suffix(1);
  return {line, 1, line, CharCount(content) + 1};
}

}  // namespace dsaudit::audit
