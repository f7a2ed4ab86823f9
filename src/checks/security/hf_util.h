// Hugging Face libraries whose loaders download code and weights from the Hub.
#pragma once

#include "semantic/semantic_model.h"

namespace dsaudit::checks::security {

// Whether the file imports transformers, datasets, diffusers, peft,
// sentence_transformers, huggingface_hub, timm or open_clip.
bool ImportsHuggingFace(const semantic::SemanticModel& model);

// Whether the called function belongs to one of those libraries.
bool IsHuggingFaceCall(const python::Expr* func, const semantic::SemanticModel& model);

}  // namespace dsaudit::checks::security
