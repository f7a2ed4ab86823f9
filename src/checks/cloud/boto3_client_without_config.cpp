// DS504: boto3 clients without a Config, and Configs without retries or
// timeouts.
#include "checks/check_context.h"
#include "checks/cloud/cloud_util.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS504",
    .name = "boto3-client-without-config",
    .area = Area::kCloud,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds `boto3.client(...)`/`boto3.resource(...)` (also on `boto3.Session` objects "
            "assigned to a name) created without `config=`, and `botocore.config.Config(...)` "
            "objects that set neither `retries` nor both `connect_timeout` and `read_timeout`. "
            "A `**kwargs` argument is assumed to carry them.",
    .why = "botocore's defaults are a 60-second connect and read timeout and the `legacy` retry "
           "mode with few attempts and no adaptive back-off. Under throttling (S3 503 SlowDown, "
           "DynamoDB throughput errors) a job fails or hangs for minutes per call instead of "
           "backing off, and a stuck connection holds a worker for a minute at a time.",
    .example = "```python\ns3 = boto3.client(\"s3\")\n```",
    .instead = "```python\nfrom botocore.config import Config\n\nCONFIG = Config(\n    "
               "retries={\"max_attempts\": 10, \"mode\": \"adaptive\"},\n    connect_timeout=5,\n"
               "    read_timeout=30,\n)\ns3 = boto3.client(\"s3\", config=CONFIG)\n```",
};

bool IsSessionObject(const python::Expr* value, const semantic::SemanticModel& model) {
  const auto* created = python::DynCast<python::Call>(security::AssignedValue(value, model));
  return created != nullptr && (model.Matches(created->func, "boto3.Session") ||
                                model.Matches(created->func, "boto3.session.Session"));
}

bool CreatesClient(const python::Call& call, const semantic::SemanticModel& model) {
  if (model.Matches(call.func, "boto3.client") || model.Matches(call.func, "boto3.resource")) {
    return true;
  }
  const auto* method = python::DynCast<python::Attribute>(call.func);
  if (method == nullptr || (method->attr != "client" && method->attr != "resource")) return false;
  return IsSessionObject(method->value, model);
}

void CheckClientConfig(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!cloud::ImportsAws(model)) return;
  const auto& call = static_cast<const python::Call&>(node);
  if (security::HasDoubleStarKeywords(call)) return;
  if (model.Matches(call.func, "botocore.config.Config") ||
      model.Matches(call.func, "botocore.client.Config")) {
    bool retries = security::FindKeyword(call, "retries") != nullptr;
    bool timeouts = security::FindKeyword(call, "connect_timeout") != nullptr &&
                    security::FindKeyword(call, "read_timeout") != nullptr;
    if (retries || timeouts) return;
    context.Report(kRule, *call.func,
                   "botocore `Config` sets neither `retries` nor timeouts: add "
                   "`retries={\"mode\": \"adaptive\"}` and `connect_timeout`/`read_timeout`");
    return;
  }
  if (security::FindKeyword(call, "config") != nullptr || !CreatesClient(call, model)) return;
  context.Report(kRule, *call.func,
                 "boto3 client created without `config=`: default timeouts (60 s) and legacy "
                 "retries; pass a `botocore.config.Config` with retries and timeouts");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckClientConfig});

}  // namespace dsaudit::checks
