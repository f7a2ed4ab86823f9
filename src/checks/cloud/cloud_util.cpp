#include "checks/cloud/cloud_util.h"

namespace dsaudit::checks::cloud {
namespace {

constexpr std::string_view kSdks[] = {"boto3",  "botocore", "aiobotocore", "s3fs",    "gcsfs",
                                      "google", "googleapiclient", "pydrive", "pydrive2",
                                      "azure",  "minio"};

}  // namespace

bool ImportsCloudSdk(const semantic::SemanticModel& model) {
  for (std::string_view sdk : kSdks) {
    if (model.ImportsModule(sdk)) return true;
  }
  return false;
}

bool ImportsAws(const semantic::SemanticModel& model) {
  return model.ImportsModule("boto3") || model.ImportsModule("botocore") ||
         model.ImportsModule("aiobotocore");
}

bool IsCloudSdkCall(const python::Expr* func, const semantic::SemanticModel& model) {
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(func);
  if (!name) return false;
  for (std::string_view sdk : kSdks) {
    if (name->StartsWith(sdk)) return true;
  }
  return false;
}

bool InLoopOrComprehension(const python::Node* node, const semantic::SemanticModel& model) {
  if (model.InLoop(node)) return true;
  for (const python::Node* parent = model.Parent(node); parent != nullptr;
       parent = model.Parent(parent)) {
    switch (parent->kind) {
      case python::NodeKind::kListComp:
      case python::NodeKind::kSetComp:
      case python::NodeKind::kDictComp:
      case python::NodeKind::kGeneratorExp:
        return true;
      case python::NodeKind::kFunctionDef:
      case python::NodeKind::kAsyncFunctionDef:
      case python::NodeKind::kLambda:
      case python::NodeKind::kClassDef:
        return false;
      default:
        break;
    }
  }
  return false;
}

}  // namespace dsaudit::checks::cloud
