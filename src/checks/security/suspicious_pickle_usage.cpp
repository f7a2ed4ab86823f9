// S301: deserialization with pickle and the modules that wrap it.
#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S301",
    .name = "suspicious-pickle-usage",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .fixable = false,
    .what = "Finds calls that unpickle data: `pickle.load`/`loads`/`Unpickler`, the same in "
            "`dill`, `shelve.open`, `jsonpickle.decode` and `pandas.read_pickle`.",
    .why = "Unpickling runs code chosen by whoever wrote the bytes: a pickle is a program, not a "
           "data format. Models, features and caches passed around as pickles from shared "
           "drives, buckets or the internet are a common way into a data platform.",
    .example = "```python\nwith open(\"model.pkl\", \"rb\") as f:\n    model = pickle.load(f)\n```",
    .instead = "Store data in formats that cannot run code (Parquet, JSON, NumPy's `.npy` with "
               "`allow_pickle=False`, `safetensors`, ONNX, skops for scikit-learn models), or "
               "unpickle only files you produced and whose integrity you check.",
};

constexpr std::string_view kUnpicklers[] = {
    "pickle.load",      "pickle.loads",      "pickle.Unpickler", "dill.load",
    "dill.loads",       "dill.Unpickler",    "shelve.open",      "shelve.DbfilenameShelf",
    "jsonpickle.decode", "jsonpickle.unpickler.decode", "pandas.read_pickle"};

bool ImportsAny(const semantic::SemanticModel& model) {
  for (std::string_view module : {"pickle", "dill", "shelve", "jsonpickle", "pandas"}) {
    if (model.ImportsModule(module)) return true;
  }
  return false;
}

void CheckPickle(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!ImportsAny(model)) return;
  const auto& call = static_cast<const python::Call&>(node);
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name) return;
  for (std::string_view unpickler : kUnpicklers) {
    if (*name != unpickler) continue;
    context.Report(kRule, call,
                   "`pickle` and modules that wrap it can be unsafe when used to deserialize "
                   "untrusted data, possible security issue");
    return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckPickle});

}  // namespace dsaudit::checks
