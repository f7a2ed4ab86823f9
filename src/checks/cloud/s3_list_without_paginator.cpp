// DS502: S3 listings that read only the first page.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/cloud/cloud_util.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS502",
    .name = "s3-list-without-paginator",
    .area = Area::kCloud,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "In files that import boto3, botocore or aiobotocore, finds calls to "
            "`list_objects_v2`/`list_objects` that do not pass `ContinuationToken` (or `Marker`) "
            "and do not forward `**kwargs` that could hold it: the listing reads the first page "
            "only. Google Cloud Storage's `list_blobs` pages by itself and is not reported.",
    .why = "S3 returns at most 1,000 keys per call. Code tested on a small bucket silently "
           "ignores the rest once the data grows: training on a fraction of the files, "
           "skipping partitions, reporting wrong counts, without any error.",
    .example = "```python\nresp = s3.list_objects_v2(Bucket=bucket, Prefix=\"raw/\")\nkeys = "
               "[o[\"Key\"] for o in resp.get(\"Contents\", [])]\n```",
    .instead = "```python\npaginator = s3.get_paginator(\"list_objects_v2\")\nkeys = [o[\"Key\"] "
               "for page in paginator.paginate(Bucket=bucket, Prefix=\"raw/\")\n        for o in "
               "page.get(\"Contents\", [])]\n```\n\nor `boto3.resource(\"s3\").Bucket(bucket)."
               "objects.filter(Prefix=\"raw/\")`.",
};

void CheckListing(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  const auto* method = python::DynCast<python::Attribute>(call.func);
  if (method == nullptr || (method->attr != "list_objects_v2" && method->attr != "list_objects")) {
    return;
  }
  if (!cloud::ImportsAws(context.model())) return;
  if (security::HasDoubleStarKeywords(call)) return;
  if (security::FindKeyword(call, "ContinuationToken") != nullptr ||
      security::FindKeyword(call, "Marker") != nullptr) {
    return;
  }
  context.Report(kRule, *call.func,
                 fmt::format("`{}` returns at most 1,000 keys: use "
                             "`get_paginator(\"{}\")` to read every page",
                             method->attr, method->attr));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckListing});

}  // namespace dsaudit::checks
