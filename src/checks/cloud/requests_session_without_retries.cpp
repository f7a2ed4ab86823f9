// DS505: a requests.Session that never mounts an adapter with retries.
#include <vector>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS505",
    .name = "requests-session-without-retries",
    .area = Area::kCloud,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds `requests.Session()` objects in files that never call `.mount(...)` and never "
            "mention `HTTPAdapter` or urllib3's `Retry`: the session has no retry policy.\n\n"
            "This is the session-level complement of `S113` (a call without `timeout`): a "
            "session is the client a service or crawler keeps, and its adapter decides what "
            "happens on connection errors and 5xx answers.",
    .why = "Without an adapter configured with `max_retries`, every dropped connection, DNS "
           "hiccup or 503 from a model endpoint or cloud API is an exception in the middle of "
           "a batch job. Transient network errors are normal in the cloud; clients are expected "
           "to retry them with back-off.",
    .example = "```python\nsession = requests.Session()\nresp = session.get(url, timeout=10)\n```",
    .instead = "```python\nfrom requests.adapters import HTTPAdapter\nfrom urllib3.util.retry "
               "import Retry\n\nsession = requests.Session()\nsession.mount(\"https://\", "
               "HTTPAdapter(max_retries=Retry(total=5, backoff_factor=0.5,\n    "
               "status_forcelist=[429, 500, 502, 503, 504])))\n```",
};

void CheckSessions(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("requests")) return;
  std::vector<const python::Call*> sessions;
  bool has_retries = false;
  std::vector<python::Node*> stack = {const_cast<python::Module*>(&context.module())};
  while (!stack.empty() && !has_retries) {
    python::Node* node = stack.back();
    stack.pop_back();
    if (const auto* call = python::DynCast<python::Call>(node)) {
      if (model.Matches(call->func, "requests.Session") ||
          model.Matches(call->func, "requests.session") ||
          model.Matches(call->func, "requests.sessions.Session")) {
        sessions.push_back(call);
      }
      const auto* method = python::DynCast<python::Attribute>(call->func);
      if (method != nullptr && method->attr == "mount") has_retries = true;
    }
    if (const auto* name = python::DynCast<python::Name>(node)) {
      has_retries = has_retries || name->id == "HTTPAdapter" || name->id == "Retry";
    }
    if (const auto* attribute = python::DynCast<python::Attribute>(node)) {
      has_retries = has_retries || attribute->attr == "HTTPAdapter" || attribute->attr == "Retry";
    }
    python::ForEachChild(node, [&stack](python::Node* child) { stack.push_back(child); });
  }
  if (has_retries) return;
  for (const python::Call* session : sessions) {
    context.Report(kRule, *session->func,
                   "`requests.Session` without a retry policy: mount an `HTTPAdapter` with "
                   "`max_retries=Retry(...)`");
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckSessions});

}  // namespace dsaudit::checks
