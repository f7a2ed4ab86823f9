// DS603: Hugging Face loaders called with trust_remote_code=True.
#include "checks/check_context.h"
#include "checks/security/hf_util.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS603",
    .name = "hf-trust-remote-code",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .fixable = false,
    .what = "Finds calls into Hugging Face libraries (`transformers`, `datasets`, `diffusers`, "
            "`peft`, `sentence_transformers`, `huggingface_hub`, `timm`, `open_clip`) that pass "
            "`trust_remote_code=True`.",
    .why = "`trust_remote_code=True` downloads Python files from the model's or dataset's "
           "repository and imports them: whoever controls that repository (or takes it over) "
           "runs code on your training machines and inference servers, with their credentials. "
           "Without a pinned `revision` the code can change after you reviewed it.",
    .example = "```python\nmodel = AutoModel.from_pretrained(\"someone/fancy-model\", "
               "trust_remote_code=True)\n```",
    .instead = "Prefer architectures that `transformers` ships. If remote code is unavoidable, "
               "review it, pin the commit (`revision=\"<sha>\"`) or vendor the code into your "
               "repository.",
};

void CheckTrustRemoteCode(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!security::ImportsHuggingFace(model)) return;
  const auto& call = static_cast<const python::Call&>(node);
  const python::Keyword* trust = security::FindKeyword(call, "trust_remote_code");
  if (trust == nullptr || !security::IsConstTrue(trust->value)) return;
  if (!security::IsHuggingFaceCall(call.func, model)) return;
  context.Report(kRule, *trust,
                 "`trust_remote_code=True` runs Python code downloaded from the Hub repository");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckTrustRemoteCode});

}  // namespace dsaudit::checks
