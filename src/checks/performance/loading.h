// What counts as loading a model or a file, for DS306 and DS307.
#pragma once

#include <string_view>

#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::loading {

// A short name of the loader the call uses ("joblib.load", "from_pretrained",
// "open().read()"), or "" when the call loads nothing.
std::string_view LoaderName(const semantic::SemanticModel& model, const python::Call& call);

}  // namespace dsaudit::checks::loading
