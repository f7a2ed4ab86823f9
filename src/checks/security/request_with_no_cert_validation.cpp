// S501: requests/httpx calls with verify=False.
#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S501",
    .name = "request-with-no-cert-validation",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds `requests` and `httpx` calls and clients with `verify=False`.",
    .why = "Without certificate checks anyone on the network path can read and change the "
           "traffic: credentials sent to an API, the data a pipeline downloads, the model it "
           "loads. `verify=False` added to get past a proxy's certificate usually stays for "
           "good.",
    .example = "```python\nrequests.post(API_URL, json=payload, verify=False, timeout=10)\n```",
    .instead = "```python\nrequests.post(API_URL, json=payload, verify=\"/etc/ssl/corp-ca.pem\", "
               "timeout=10)\n```\n\nPoint `verify` (or `REQUESTS_CA_BUNDLE`) at the CA bundle "
               "that signs the proxy's certificate.",
};

std::string_view Library(const python::Expr* func, const semantic::SemanticModel& model) {
  for (std::string_view name : {"get", "options", "head", "post", "put", "patch", "delete",
                                "request"}) {
    if (model.Matches(func, "requests." + std::string(name))) return "requests";
    if (model.Matches(func, "httpx." + std::string(name))) return "httpx";
  }
  for (std::string_view name : {"httpx.stream", "httpx.Client", "httpx.AsyncClient"}) {
    if (model.Matches(func, name)) return "httpx";
  }
  return {};
}

void CheckVerify(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("requests") && !model.ImportsModule("httpx")) return;
  const auto& call = static_cast<const python::Call&>(node);
  const python::Keyword* verify = security::FindKeyword(call, "verify");
  if (verify == nullptr || !security::IsConstFalse(verify->value)) return;
  std::string_view library = Library(call.func, model);
  if (library.empty()) return;
  context.Report(kRule, *verify,
                 "Probable use of `" + std::string(library) +
                     "` call with `verify=False` disabling SSL certificate checks");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckVerify});

}  // namespace dsaudit::checks
