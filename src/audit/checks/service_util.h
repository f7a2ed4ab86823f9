// Facts about a project that serves requests, shared by the load and
// monitoring checks: which web framework it imports, where, and whether any
// module imports one of a set of libraries.
#pragma once

#include <initializer_list>
#include <string_view>

#include "audit/project_check.h"

namespace dsaudit::audit {

// The first import of a web framework or server (flask, fastapi, django,
// ...) by the project's code, or nullptr when it serves nothing.
const PackagingModel::Import* WebFrameworkImport(AuditContext& context);

// Whether any Python file or notebook imports one of `modules` (top level).
bool ImportsAny(AuditContext& context, std::initializer_list<std::string_view> modules);

}  // namespace dsaudit::audit
