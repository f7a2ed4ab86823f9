// A service that imports none of a family of libraries (metrics, error
// tracking, structured logging): the monitoring checks differ only in which.
#pragma once

#include <fmt/format.h>

#include <initializer_list>
#include <string_view>

#include "audit/checks/service_util.h"

namespace dsaudit::audit {

inline void ReportServiceWithout(AuditContext& context, const RuleInfo& rule,
                                 std::initializer_list<std::string_view> libraries, std::string_view what) {
  const PackagingModel::Import* web = WebFrameworkImport(context);
  if (web == nullptr || ImportsAny(context, libraries)) return;
  context.Report(rule, *web->file, web->span,
                 fmt::format("the service ({} in {}) has no {}", web->module, web->file->path, what));
}

}  // namespace dsaudit::audit
