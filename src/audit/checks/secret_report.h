// DS851 and DS852 differ only in which of the shared scan's hits they take:
// the strong secrets or the weak passwords.
#pragma once

#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {

inline void ReportSecrets(AuditContext& context, const RuleInfo& rule, bool weak) {
  for (const secrets::FileSecrets& file : context.secrets()) {
    for (const secrets::SecretHit& hit : file.hits) {
      if (hit.weak != weak) continue;
      context.Report(rule, file.file, SpanOf(file.file.text, hit.begin, hit.end),
                     fmt::format("{} in {}", hit.description, BaseName(file.file.path)));
    }
  }
}

}  // namespace dsaudit::audit
