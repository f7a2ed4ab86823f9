// DS891: Reports a project that serves requests but has no load test.
#include <fmt/format.h>

#include "audit/checks/service_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS891",
    .name = "no-load-tests",
    .area = Area::kLoad,
    .severity = Severity::kMajor,
    .effort_minutes = 240,
    .what = "Reports a project whose code serves requests (it imports Flask, FastAPI, Django, aiohttp, BentoML, gunicorn, ...) but has no load test: no Locust file, k6 script, JMeter plan, wrk Lua script, Gatling simulation or Artillery configuration.",
    .why = "Nobody knows how many users the service holds until a launch finds out. A load test in the repository answers it before, and again after every change to the model or the serving code. (`dsaudit bench` runs one against a live endpoint.)",
    .example = "```python\n# serve.py\napp = Flask(__name__)\n```",
    .instead = "```python\n# locustfile.py\nfrom locust import HttpUser, task\n\nclass Client(HttpUser):\n    @task\n    def predict(self):\n        self.client.post(\"/predict\", json={\"tenure\": 12})\n```",
};

void Run(AuditContext& context) {
  const PackagingModel::Import* web = WebFrameworkImport(context);
  if (web == nullptr) return;
  if (context.inventory().Has(FileRole::kLoadTest) || ImportsAny(context, {"locust"})) return;
  context.Report(kRule, *web->file, web->span,
                 fmt::format("the project serves requests ({} in {}) but has no load test", web->module,
                             web->file->path));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
