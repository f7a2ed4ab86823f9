#include "checks/performance/loading.h"

#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks::loading {

namespace py = python;

std::string_view LoaderName(const semantic::SemanticModel& model, const py::Call& call) {
  static constexpr std::string_view kLoaders[] = {
      "joblib.load",
      "pickle.load",
      "pickle.loads",
      "torch.load",
      "numpy.load",
      "tensorflow.keras.models.load_model",
      "keras.models.load_model",
      "keras.saving.load_model",
      "tensorflow.saved_model.load",
      "onnxruntime.InferenceSession",
      "gensim.models.Word2Vec.load",
      "spacy.load",
      "sentence_transformers.SentenceTransformer"};
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (name) {
    for (std::string_view loader : kLoaders) {
      if (*name == loader) return loader;
    }
  }
  std::string_view method = ds::MethodName(call);
  if (method == "from_pretrained" && !call.args.empty()) return "from_pretrained";
  // open(...).read(): the whole file read where it is opened.
  if ((method == "read" || method == "readlines") && call.args.empty()) {
    const auto* opened = py::DynCast<py::Call>(ds::Receiver(call));
    if (opened != nullptr && model.Matches(opened->func, "builtins.open")) return "open().read()";
  }
  return {};
}

}  // namespace dsaudit::checks::loading
