// Which files use cloud SDKs, and which calls belong to them.
#pragma once

#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::cloud {

// Whether the file imports boto3/botocore, google.cloud/googleapiclient,
// pydrive, s3fs/gcsfs, azure or minio: the cheap guard of the cloud checks.
bool ImportsCloudSdk(const semantic::SemanticModel& model);
bool ImportsAws(const semantic::SemanticModel& model);

// Whether a called function belongs to one of those SDKs.
bool IsCloudSdkCall(const python::Expr* func, const semantic::SemanticModel& model);

// Whether the node runs once per iteration: in a for/while body or a
// comprehension of its own function.
bool InLoopOrComprehension(const python::Node* node, const semantic::SemanticModel& model);

}  // namespace dsaudit::checks::cloud
