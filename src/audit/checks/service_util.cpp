#include "audit/checks/service_util.h"

#include <string>

namespace dsaudit::audit {

const PackagingModel::Import* WebFrameworkImport(AuditContext& context) {
  static constexpr std::string_view kFrameworks[] = {
      "flask", "fastapi", "django", "starlette", "aiohttp", "tornado", "sanic", "falcon", "bottle",
      "litestar", "bentoml", "ray", "uvicorn", "gunicorn", "waitress", "grpc"};
  for (const PackagingModel::Import& import : context.packaging().third_party_imports) {
    for (std::string_view framework : kFrameworks) {
      if (import.module == framework) return &import;
    }
  }
  return nullptr;
}

bool ImportsAny(AuditContext& context, std::initializer_list<std::string_view> modules) {
  const std::set<std::string>& imported = context.packaging().imported;
  for (std::string_view module : modules) {
    if (imported.contains(std::string(module))) return true;
  }
  return false;
}

}  // namespace dsaudit::audit
