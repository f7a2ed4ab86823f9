#include "audit/checks/secret_in_git_history.h"

#include <fmt/format.h>

#include <ctime>
#include <set>
#include <unordered_set>
#include <utility>

#include "audit/secrets/history.h"
#include "audit/secrets/scanner.h"
#include "checks/registry.h"
#include "findings/fingerprint.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS854",
    .name = "secret-in-git-history",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 120,
    .what = "With `dsaudit audit --history`: scans every file version reachable from any branch, "
            "tag or remote ref for the secrets DS851 and DS852 find, and reports those that are no "
            "longer in the project's files: deleted or changed since, but still in the history. "
            "Each is reported once per path, at the commit that added it, with the line it had "
            "there. The secret is redacted as in DS851.",
    .why = "Deleting a secret in a new commit does not remove it: anyone who clones the "
           "repository can check out the old commit. Until it is revoked, it is as leaked as if it "
           "were still in the file.",
    .example = "```text\ncommit 3f2c1a0  add config        + aws_secret_access_key = ...\ncommit "
               "9b7e44d  remove secrets    - aws_secret_access_key = ...\n```",
    .instead = "Revoke and rotate the secret: that is the fix. Rewriting history (`git filter-repo`) "
               "and force-pushing only helps once every clone and fork is replaced too.",
};

[[maybe_unused]] const bool kRegistered = checks::RegisterStandaloneRule(&kRule);

std::string Date(int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char out[16];
  std::strftime(out, sizeof(out), "%Y-%m-%d", &utc);
  return out;
}

}  // namespace

std::vector<Finding> FindSecretsInGitHistory(const Inventory& inventory) {
  std::vector<Finding> findings;
  secrets::HistoryScan scan = secrets::ScanGitHistory(inventory.root);
  if (scan.secrets.empty()) return findings;
  // What the files hold now is reported by DS851/DS852 already.
  std::unordered_set<uint64_t> current;
  for (const secrets::FileSecrets& file : secrets::ScanProject(inventory, {})) {
    for (const secrets::SecretHit& hit : file.hits) current.insert(hit.value_hash);
  }
  std::set<std::pair<uint64_t, std::string>> reported;
  for (const secrets::HistorySecret& secret : scan.secrets) {
    if (current.contains(secret.hit.value_hash)) continue;
    if (!reported.insert({secret.hit.value_hash, secret.path}).second) continue;
    Finding finding;
    finding.code = std::string(kRule.code);
    finding.area = kRule.area;
    finding.severity = kRule.severity;
    finding.path = secret.path;
    finding.line = secret.span.line;
    finding.column = secret.span.column;
    finding.end_line = secret.span.end_line;
    finding.end_column = secret.span.end_column;
    finding.message = fmt::format("{} in {} was committed in {} ({}) and is still in the git history",
                                  secret.hit.description, BaseName(secret.path),
                                  secret.commit.substr(0, 10), Date(secret.commit_time));
    finding.effort_minutes = kRule.effort_minutes;
    // The commit is part of the identity: history does not change, the
    // same line added again elsewhere is another leak.
    finding.fingerprint =
        ComputeFingerprint(finding.code, finding.path, secret.commit + " " + secret.line_text, 0);
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace dsaudit::audit
