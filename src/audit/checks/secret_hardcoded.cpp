// DS851: provider keys, private keys, JWTs, database URLs with a password and
// high-entropy `api_key = ...` assignments in any text file of the project.
#include <fmt/format.h>

#include "audit/project_check.h"
#include "audit/checks/secret_report.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS851",
    .name = "hardcoded-secret",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 60,
    .what = "Finds secrets written into any file of the project, in every language and format: "
            "provider keys (AWS access keys and secret keys, GCP service-account JSON and API "
            "keys, Azure storage keys and AD client secrets, GitHub, GitLab, Slack, Stripe, "
            "OpenAI and Hugging Face tokens), private keys (PEM blocks with a real body), JSON web "
            "tokens, database URLs with a password, and values assigned to names such as "
            "`password`, `api_key`, `client_secret` or `*_TOKEN` that are long and random enough "
            "to be real (Shannon entropy). Placeholders (`${DB_PASSWORD}`, `<your key>`, "
            "`changeme_example`), documentation keys ending in `EXAMPLE` and variable references "
            "are skipped. In Python, names S105-S107 check (`password`, `token`, `secret`...) are "
            "left to them (`API_KEY = \"...\"` is reported here); Dockerfile ENV/ARG is DS848's "
            "and notebooks are scanned for provider keys only. The message shows at most the first 4 characters of the secret.",
    .why = "A secret in a repository is readable by everyone who can clone it, forever: forks, CI "
           "logs, backups and the git history keep it after the line is deleted. Leaked cloud keys "
           "are found by scanners within minutes of a push to a public repository.",
    .example = "```yaml\n# config/settings.yaml\naws_access_key_id: AKIA...\nstripe_key: "
               "sk_live_...\ndatabase_url: postgresql://app:Xk9#v2Lq@db.internal/prod\n```",
    .instead = "Revoke and rotate the secret first (it has leaked), then read it at run time from "
               "the environment or a secret manager:\n\n```yaml\ndatabase_url: ${DATABASE_URL}\n```",
};

void Run(AuditContext& context) { ReportSecrets(context, kRule, /*weak=*/false); }

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
