// DS501: cloud credentials written into the code that creates clients.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "checks/check_context.h"
#include "checks/cloud/cloud_util.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS501",
    .name = "cloud-credentials-in-code",
    .area = Area::kCloud,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .fixable = false,
    .what = "Finds cloud credentials written into code: string literals passed as "
            "`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`, `key`/`secret` "
            "(s3fs), `access_key`/`secret_key` (MinIO), `account_key`, `client_secret`, "
            "`private_key` or `developerKey` to boto3, botocore, s3fs, gcsfs, Google Cloud, "
            "Google API client, PyDrive, Azure or MinIO calls; service-account key files "
            "pasted as dict literals (`\"type\": \"service_account\"` with a `private_key`); "
            "and AWS access key ids (`AKIA...`, `ASIA...`) anywhere in string literals. "
            "Messages show only the first two characters and the length of the secret.",
    .why = "Cloud keys in code end up in git history, notebooks, Docker images and CI logs. "
           "Leaked AWS keys are found by scanners within minutes and used to mine crypto or "
           "copy buckets; a service-account key gives access to everything its account can "
           "touch, for as long as nobody deletes the key.",
    .example = "```python\ns3 = boto3.client(\n    \"s3\",\n    aws_access_key_id=\"AKIA...\",\n"
               "    aws_secret_access_key=\"wJalrXUtnFEMI...\",\n)\n```",
    .instead = "```python\ns3 = boto3.client(\"s3\")  # environment, profile or instance role\n"
               "```\n\nOn Google Cloud use Application Default Credentials or workload identity; "
               "rotate any key that was committed.",
};

constexpr std::string_view kCredentialKeywords[] = {
    "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "key",
    "secret",            "access_key",            "secret_key",        "account_key",
    "client_secret",     "private_key",           "developerKey",      "token"};

bool IsCredentialKeyword(std::string_view name) {
  return std::find(std::begin(kCredentialKeywords), std::end(kCredentialKeywords), name) !=
         std::end(kCredentialKeywords);
}

bool IsAwsKeyId(std::string_view text) {
  static const RE2 kAwsKeyId(R"((AKIA|ASIA)[0-9A-Z]{16})");
  return RE2::FullMatch(text, kAwsKeyId);
}

void CheckCall(const python::Call& call, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!cloud::ImportsCloudSdk(model)) return;
  bool checked = false;
  bool is_sdk = false;
  for (const python::Keyword* keyword : call.keywords) {
    if (keyword->arg.empty() || !IsCredentialKeyword(keyword->arg)) continue;
    std::optional<std::string_view> value = security::StringLiteral(keyword->value);
    if (!value || value->empty()) continue;
    if (!checked) {
      is_sdk = cloud::IsCloudSdkCall(call.func, model);
      checked = true;
    }
    if (!is_sdk) return;
    context.Report(kRule, *keyword,
                   fmt::format("cloud credential `{}` written in code {}: use the SDK's default "
                               "credential chain (environment, profile, role)",
                               keyword->arg, security::Redact(*value)));
  }
}

void CheckServiceAccount(const python::Dict& dict, CheckContext& context) {
  bool service_account = false;
  std::optional<std::string_view> private_key;
  for (size_t i = 0; i < dict.keys.size(); ++i) {
    std::optional<std::string_view> key = security::StringLiteral(dict.keys[i]);
    if (!key) continue;
    std::optional<std::string_view> value = security::StringLiteral(dict.values[i]);
    if (*key == "type" && value && *value == "service_account") service_account = true;
    if (*key == "private_key" && value && !value->empty()) private_key = value;
  }
  if (!service_account || !private_key) return;
  context.Report(kRule, dict,
                 fmt::format("service-account key written in code (private key {}): load it "
                             "from a secret store or use workload identity",
                             security::Redact(*private_key)));
}

void CheckString(const python::Constant& constant, CheckContext& context) {
  std::optional<std::string_view> text = security::StringLiteral(&constant);
  if (!text || text->size() != 20 || !IsAwsKeyId(*text)) return;
  // A credential keyword of an SDK call is reported there.
  const auto* keyword = python::DynCast<python::Keyword>(context.model().Parent(&constant));
  if (keyword != nullptr && IsCredentialKeyword(keyword->arg)) return;
  context.Report(kRule, constant,
                 fmt::format("AWS access key id written in code {}: use the default credential "
                             "chain and rotate the key",
                             security::Redact(*text)));
}

void CheckCredentials(const python::Node& node, CheckContext& context) {
  switch (node.kind) {
    case python::NodeKind::kCall:
      CheckCall(static_cast<const python::Call&>(node), context);
      return;
    case python::NodeKind::kDict:
      CheckServiceAccount(static_cast<const python::Dict&>(node), context);
      return;
    default:
      CheckString(static_cast<const python::Constant&>(node), context);
      return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall, python::NodeKind::kDict,
                                       python::NodeKind::kConstant},
                        .on_node = CheckCredentials});

}  // namespace dsaudit::checks
