// S113: requests calls without a timeout, httpx calls with timeout=None.
#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S113",
    .name = "request-without-timeout",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds `requests` calls (`get`, `post`, `put`, `patch`, `delete`, `head`, `options`, "
            "`request`) without a `timeout`, and `requests` or `httpx` calls with "
            "`timeout=None`.",
    .why = "`requests` waits for ever by default. A feature service, model endpoint or data "
           "source that stops answering then blocks a worker, a batch job or a whole web server "
           "until someone kills it, and the outage spreads.",
    .example = "```python\nresp = requests.get(FEATURE_URL, params={\"id\": user_id})\n```",
    .instead = "```python\nresp = requests.get(FEATURE_URL, params={\"id\": user_id}, "
               "timeout=(3.05, 10))\n```",
};

enum class Library { kNone, kRequests, kHttpx };

Library Classify(const python::Expr* func, const semantic::SemanticModel& model) {
  for (std::string_view name : {"get", "options", "head", "post", "put", "patch", "delete",
                                "request"}) {
    std::string requests = "requests." + std::string(name);
    if (model.Matches(func, requests)) return Library::kRequests;
    if (model.Matches(func, "httpx." + std::string(name))) return Library::kHttpx;
  }
  for (std::string_view name : {"httpx.stream", "httpx.Client", "httpx.AsyncClient"}) {
    if (model.Matches(func, name)) return Library::kHttpx;
  }
  return Library::kNone;
}

void CheckTimeout(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("requests") && !model.ImportsModule("httpx")) return;
  const auto& call = static_cast<const python::Call&>(node);
  Library library = Classify(call.func, model);
  if (library == Library::kNone) return;
  std::string_view module = library == Library::kRequests ? "requests" : "httpx";
  if (const python::Keyword* timeout = security::FindKeyword(call, "timeout")) {
    if (!security::IsConstNone(timeout->value)) return;
    context.Report(kRule, *timeout,
                   "Probable use of `" + std::string(module) +
                       "` call with timeout set to `None`");
    return;
  }
  if (library != Library::kRequests) return;
  context.Report(kRule, *call.func, "Probable use of `requests` call without timeout");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckTimeout});

}  // namespace dsaudit::checks
