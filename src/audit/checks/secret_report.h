// DS851 and DS852 differ only in which hits of the scanner they take.
#pragma once

#include <fmt/format.h>

#include "audit/project_check.h"
#include "audit/secrets/scanner.h"

namespace dsaudit::audit {

inline void ReportSecrets(AuditContext& context, const RuleInfo& rule, const secrets::ScanOptions& options) {
  for (const secrets::FileSecrets& file : secrets::ScanProject(context.inventory(), options)) {
    for (const secrets::SecretHit& hit : file.hits) {
      context.Report(rule, file.file, SpanOf(file.file.text, hit.begin, hit.end),
                     fmt::format("{} in {}", hit.description, BaseName(file.file.path)));
    }
  }
}

}  // namespace dsaudit::audit
