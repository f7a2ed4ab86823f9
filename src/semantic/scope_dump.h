// A deterministic text rendering of a SemanticModel, for `dsaudit debug
// scopes` and for tests.
#pragma once

#include <string>

#include "semantic/semantic_model.h"

namespace dsaudit::semantic {

// The scope tree (children in source order), each scope's bindings (kind,
// name, line:column, reference count), then the unresolved references, the
// unused bindings and the undefined __all__ entries. Lines and columns are
// 1-based, as ruff prints them.
std::string DumpScopes(const SemanticModel& model);

std::string_view UnusedKindName(UnusedKind kind);

}  // namespace dsaudit::semantic
