#include "checks/security/hf_util.h"

namespace dsaudit::checks::security {
namespace {

constexpr std::string_view kLibraries[] = {"transformers", "datasets",  "diffusers",
                                           "peft",         "sentence_transformers",
                                           "huggingface_hub", "timm", "open_clip"};

}  // namespace

bool ImportsHuggingFace(const semantic::SemanticModel& model) {
  for (std::string_view library : kLibraries) {
    if (model.ImportsModule(library)) return true;
  }
  return false;
}

bool IsHuggingFaceCall(const python::Expr* func, const semantic::SemanticModel& model) {
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(func);
  if (!name) return false;
  for (std::string_view library : kLibraries) {
    if (name->StartsWith(library)) return true;
  }
  return false;
}

}  // namespace dsaudit::checks::security
