// DS605: joblib.load of something just downloaded.
#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS605",
    .name = "joblib-load-download",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .fixable = false,
    .what = "Finds `joblib.load(...)` whose argument is downloaded: it calls (directly, or "
            "through a variable assigned once) a download function (`urllib.request.urlopen`/"
            "`urlretrieve`, `requests.get`, `hf_hub_download`, `wget.download`, "
            "`gdown.download`, Keras' `get_file`, `fsspec.open`), or holds an `http(s)://` URL.",
    .why = "`joblib.load` unpickles, so it runs code chosen by whoever produced the file. A "
           "scikit-learn model fetched from a URL, the Hub or a shared link is remote code "
           "execution on the machine that loads it, and a man-in-the-middle or a compromised "
           "account is enough to swap it.",
    .example = "```python\npath = hf_hub_download(\"someone/churn-model\", \"model.joblib\")\n"
               "model = joblib.load(path)\n```",
    .instead = "Load only models you built and stored yourself, verified by a checksum; for "
               "exchanged scikit-learn models use `skops.io` with an explicit list of trusted "
               "types, or ONNX.",
};

constexpr std::string_view kDownloaders[] = {
    "urllib.request.urlopen",     "urllib.request.urlretrieve",   "requests.get",
    "requests.request",           "huggingface_hub.hf_hub_download",
    "huggingface_hub.cached_download", "wget.download",           "gdown.download",
    "keras.utils.get_file",       "tensorflow.keras.utils.get_file", "fsspec.open",
    "smart_open.open"};

// `x` of `with urlopen(url) as x:` stands for the context expression.
const python::Expr* WithContext(const python::Node* name, const semantic::SemanticModel& model) {
  semantic::BindingId id = model.ResolveName(name);
  if (id == semantic::kNoId) return nullptr;
  const semantic::Binding& binding = model.binding(id);
  const auto* with = python::DynCast<python::With>(binding.statement);
  if (with == nullptr) return nullptr;
  for (const python::WithItem* item : with->items) {
    const auto* target = python::DynCast<python::Name>(item->optional_vars);
    if (target != nullptr && target->id == binding.name) return item->context_expr;
  }
  return nullptr;
}

bool IsDownload(const python::Node* node, const semantic::SemanticModel& model, int depth) {
  if (node == nullptr || depth > 2) return false;
  if (std::optional<std::string_view> text = security::StringLiteral(node)) {
    return text->starts_with("http://") || text->starts_with("https://");
  }
  if (const auto* call = python::DynCast<python::Call>(node)) {
    for (std::string_view downloader : kDownloaders) {
      if (model.Matches(call->func, downloader)) return true;
    }
  }
  if (python::Isa<python::Name>(node)) {
    if (IsDownload(security::AssignedValue(node, model), model, depth + 1)) return true;
    return IsDownload(WithContext(node, model), model, depth + 1);
  }
  bool found = false;
  python::ForEachChild(const_cast<python::Node*>(node), [&](python::Node* child) {
    found = found || IsDownload(child, model, depth);
  });
  return found;
}

void CheckJoblibLoad(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("joblib")) return;
  const auto& call = static_cast<const python::Call&>(node);
  if (!model.Matches(call.func, "joblib.load")) return;
  const python::Expr* source = security::FindArgument(call, "filename", 0);
  if (!IsDownload(source, model, 0)) return;
  context.Report(kRule, call,
                 "`joblib.load` of a downloaded file unpickles it: whoever controls the source "
                 "runs code here");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckJoblibLoad});

}  // namespace dsaudit::checks
