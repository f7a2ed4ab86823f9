// DS604: Hub downloads (from_pretrained, hf_hub_download, load_dataset, ...)
// of a literal repository id without a pinned revision.
#include <fmt/format.h>
#include <re2/re2.h>

#include "checks/check_context.h"
#include "checks/security/hf_util.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS604",
    .name = "hf-unpinned-revision",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds downloads from the Hugging Face Hub of a repository named by a string literal "
            "without `revision=`: `X.from_pretrained(\"org/model\")` of any Hugging Face "
            "library, `hf_hub_download`, `snapshot_download`, `datasets.load_dataset` and "
            "`transformers.pipeline(model=...)`. A literal counts as a Hub id when it is "
            "`name` or `org/name` (letters, digits, `-`, `_`, `.`) and not a file name; local "
            "directories should be written as paths (`./models/bert`).",
    .why = "Without a revision, every run downloads whatever the repository's main branch holds "
           "that day. Weights, tokenizer files, dataset rows and remote code can change under "
           "you, so results stop being reproducible, and a compromised or renamed repository "
           "changes what production runs. A commit hash pins exactly what was evaluated.",
    .example = "```python\ntokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")\n```",
    .instead = "```python\ntokenizer = AutoTokenizer.from_pretrained(\n    \"bert-base-uncased\", "
               "revision=\"86b5e0934494bd15c9632b12f734a8a67f723594\"\n)\n```",
};

bool LooksLikeHubId(std::string_view text) {
  static const RE2 kHubId(R"([A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?)");
  static const RE2 kFile(R"(.*\.(pt|pth|bin|ckpt|safetensors|json|txt|csv|parquet|pkl|onnx|h5|model|gguf|zip|tar|gz))");
  return RE2::FullMatch(text, kHubId) && !RE2::FullMatch(text, kFile);
}

// The argument that names the repository, for the calls that download one.
const python::Expr* RepositoryArgument(const python::Call& call,
                                       const semantic::SemanticModel& model) {
  const auto* method = python::DynCast<python::Attribute>(call.func);
  if (method != nullptr && method->attr == "from_pretrained") {
    return security::FindArgument(call, "pretrained_model_name_or_path", 0);
  }
  if (model.Matches(call.func, "huggingface_hub.hf_hub_download") ||
      model.Matches(call.func, "huggingface_hub.snapshot_download")) {
    return security::FindArgument(call, "repo_id", 0);
  }
  if (model.Matches(call.func, "datasets.load_dataset")) {
    return security::FindArgument(call, "path", 0);
  }
  if (model.Matches(call.func, "transformers.pipeline")) {
    return security::FindArgument(call, "model", 1);
  }
  return nullptr;
}

void CheckRevision(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!security::ImportsHuggingFace(model)) return;
  const auto& call = static_cast<const python::Call&>(node);
  if (security::FindKeyword(call, "revision") != nullptr) return;
  if (security::HasDoubleStarKeywords(call)) return;
  const python::Expr* repository = RepositoryArgument(call, model);
  if (repository == nullptr) return;
  std::optional<std::string_view> id = security::StringLiteral(repository);
  if (!id || !LooksLikeHubId(*id)) return;
  if (!security::IsHuggingFaceCall(call.func, model)) return;
  context.Report(kRule, *repository,
                 fmt::format("\"{}\" is downloaded from the Hugging Face Hub without a pinned "
                             "`revision`",
                             *id));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckRevision});

}  // namespace dsaudit::checks
