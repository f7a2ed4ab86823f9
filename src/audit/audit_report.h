// The audit's reports: a terminal summary, JSON with a fixed set of top-level
// keys, Markdown, and one self-contained HTML file (inline CSS and SVG, no
// external assets). Messages are written as the checks produced them, and
// the checks never put a secret's value in a message.
#pragma once

#include <string>

#include "audit/audit.h"

namespace dsaudit::audit {

struct ReportOptions {
  bool color = false;
  std::string version;  // the tool's
};

std::string WriteAuditText(const AuditResult& result, const ReportOptions& options);
// Top-level keys: tool, root, summary, areas, findings, plan (see issue 4).
std::string WriteAuditJson(const AuditResult& result, const ReportOptions& options);
std::string WriteAuditMarkdown(const AuditResult& result, const ReportOptions& options);
std::string WriteAuditHtml(const AuditResult& result, const ReportOptions& options);

}  // namespace dsaudit::audit
