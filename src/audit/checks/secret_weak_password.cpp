// DS852: a weak, commonly used password (`admin`, `123456`, a service's
// default) assigned in configuration or given in a database URL.
#include <fmt/format.h>

#include "audit/project_check.h"
#include "audit/checks/secret_report.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS852",
    .name = "weak-password",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .what = "Finds passwords on the list of the most common passwords (`123456`, `password`, "
            "`admin`, `qwerty`, `changeme`, ...), service defaults (`postgres`, `minioadmin`, "
            "`changeit`) and passwords equal to the user name, wherever they are set outside "
            "Python code: `.env` files, YAML, JSON, INI, compose and Kubernetes files, Terraform, "
            "shell scripts, and database URLs in any file (Python included). They are reported "
            "whatever their entropy: a weak password is a problem even though it looks like a "
            "word. Test files and templates (`*.example`, `*.sample`, `*.template`) are skipped. "
            "Python assignments are DS601's. The message shows at most one character of it.",
    .why = "A weak or default password is the first one an attacker tries, with or without the "
           "repository: it usually means a database or dashboard left with its tutorial "
           "password, reachable by anyone who finds the port.",
    .example = "```yaml\nservices:\n  db:\n    image: postgres\n    environment:\n      "
               "POSTGRES_PASSWORD: postgres\n```",
    .instead = "```yaml\nservices:\n  db:\n    image: postgres\n    environment:\n      "
               "POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\n```"
               "\n\nSet a long random password on the server as well.",
};

void Run(AuditContext& context) { ReportSecrets(context, kRule, /*weak=*/true); }

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
