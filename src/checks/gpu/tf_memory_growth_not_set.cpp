// DS401: TensorFlow used without memory growth or a memory limit.
#include <any>
#include <optional>
#include <span>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS401",
    .name = "tf-memory-growth-not-set",
    .area = Area::kGpu,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for files that build or train TensorFlow/Keras models (calls into "
            "`tf.keras`/`keras`, or `.fit()`/`.compile()`) but never call "
            "`tf.config.experimental.set_memory_growth`, set a logical-device memory limit "
            "(`set_logical_device_configuration` / `set_virtual_device_configuration`) or set "
            "`TF_FORCE_GPU_ALLOW_GROWTH`, in that file or in any other file checked with it (one "
            "configuration at start-up serves the whole process). The finding is placed on the "
            "TensorFlow import.",
    .why = "By default TensorFlow reserves almost all memory of every visible GPU at start-up: a "
           "second process (another experiment, a notebook, a serving container) on the same GPU "
           "fails with out-of-memory although the first uses a fraction of it.",
    .example = "```python\nimport tensorflow as tf\n\nmodel = tf.keras.Sequential([...])\n```",
    .instead = "```python\nimport tensorflow as tf\n\nfor gpu in "
               "tf.config.list_physical_devices(\"GPU\"):\n    "
               "tf.config.experimental.set_memory_growth(gpu, True)\n\nmodel = "
               "tf.keras.Sequential([...])\n```",
};

struct TfFacts {
  bool configured = false;
  std::optional<CheckContext::PlacedFinding> finding;
};

constexpr std::string_view kConfigurations[] = {"set_memory_growth",
                                                "set_logical_device_configuration",
                                                "set_virtual_device_configuration"};

void CheckFile(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("tensorflow") && !model.ImportsModule("keras")) return;
  bool builds = false;
  bool configured = false;
  ds::Walk(&context.module(), [&](const py::Node* node) {
    if (configured) return false;
    if (const auto* constant = py::DynCast<py::Constant>(node)) {
      if (constant->value.kind == py::ConstantKind::kStr &&
          (constant->value.text == "TF_FORCE_GPU_ALLOW_GROWTH" ||
           constant->value.text == "allow_growth")) {
        configured = true;
      }
      return false;
    }
    if (const auto* keyword = py::DynCast<py::Keyword>(node)) {
      if (keyword->arg == "allow_growth" || keyword->arg == "per_process_gpu_memory_fraction") {
        configured = true;
      }
      return true;
    }
    const auto* call = py::DynCast<py::Call>(node);
    if (call == nullptr) return true;
    std::string_view method = ds::MethodName(*call);
    for (std::string_view configuration : kConfigurations) {
      if (method == configuration) configured = true;
    }
    if (method == "fit" || method == "compile") builds = true;
    std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call->func);
    if (name && (name->StartsWith("tensorflow.keras") || name->StartsWith("keras"))) builds = true;
    if (name) {
      for (std::string_view configuration : kConfigurations) {
        if (name->LastSegment() == configuration) configured = true;
      }
    }
    return true;
  });
  TfFacts facts{.configured = configured};
  if (!configured && builds) {
    for (const semantic::ImportRecord& record : model.imports()) {
      std::string_view name = record.qualified_name;
      if (name.starts_with("tensorflow") || name.starts_with("keras")) {
        facts.finding = context.Place(
            kRule, record.alias->pos,
            "TensorFlow reserves all GPU memory by default; call "
            "`tf.config.experimental.set_memory_growth(gpu, True)` or set a memory limit");
        break;
      }
    }
  }
  if (facts.configured || facts.finding) context.SaveForProject(std::move(facts));
}

// One configuration anywhere (a gpu.py the entry point imports first) serves
// the whole process: files are reported only when no file configures it.
void Decide(std::span<const ProjectFile> files, ProjectContext& context) {
  for (const ProjectFile& file : files) {
    const auto* facts = file.facts == nullptr ? nullptr : std::any_cast<TfFacts>(file.facts);
    if (facts != nullptr && facts->configured) return;
  }
  for (const ProjectFile& file : files) {
    const auto* facts = file.facts == nullptr ? nullptr : std::any_cast<TfFacts>(file.facts);
    if (facts != nullptr && facts->finding) context.Report(*facts->finding);
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckFile, .on_project = Decide});

}  // namespace dsaudit::checks
