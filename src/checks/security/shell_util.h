// Which calls start processes, as ruff's shell-injection rules classify them.
#pragma once

#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::security {

enum class ProcessCall { kNone, kSubprocess, kShell, kNoShell };

// subprocess.run & co. (kSubprocess), os.system & co. (kShell), os.exec*/spawn*
// (kNoShell), by resolved two-segment name.
ProcessCall ClassifyProcessCall(const python::Expr* func, const semantic::SemanticModel& model);

}  // namespace dsaudit::checks::security
