// DS503: objects downloaded or uploaded one at a time in a loop.
#include <fmt/format.h>

#include <algorithm>

#include "checks/check_context.h"
#include "checks/cloud/cloud_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS503",
    .name = "cloud-transfer-in-loop",
    .area = Area::kCloud,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .fixable = false,
    .what = "In files that use boto3, Google Cloud or PyDrive, finds per-object transfer calls "
            "inside a `for`/`while` body or a comprehension: S3's `download_file`, "
            "`upload_file`, `download_fileobj`, `upload_fileobj`, `get_object`, `put_object`; "
            "Cloud Storage's `download_to_filename`, `download_to_file`, `download_as_bytes`, "
            "`download_as_text`, `download_as_string`, `upload_from_filename`, "
            "`upload_from_file`, `upload_from_string`; Drive's `GetContentFile`, "
            "`SetContentFile` and `get_media`.",
    .why = "Each call pays a full round trip and transfers one object on one connection. For "
           "thousands of small files (images, shards, JSON records) the job spends almost all "
           "its time waiting: sequential transfers are often 10-50 times slower than parallel "
           "ones, which keeps GPUs idle and batch windows long.",
    .example = "```python\nfor key in keys:\n    s3.download_file(bucket, key, local / key)\n```",
    .instead = "```python\nwith ThreadPoolExecutor(max_workers=32) as pool:\n    "
               "list(pool.map(lambda k: s3.download_file(bucket, k, local / k), keys))\n```\n\n"
               "or `google.cloud.storage.transfer_manager.download_many_to_path`, `s5cmd`, "
               "`aws s3 sync`.",
};

constexpr std::string_view kTransfers[] = {
    "download_file",        "upload_file",          "download_fileobj",  "upload_fileobj",
    "get_object",           "put_object",           "download_to_filename", "download_to_file",
    "download_as_bytes",    "download_as_text",     "download_as_string", "upload_from_filename",
    "upload_from_file",     "upload_from_string",   "GetContentFile",    "SetContentFile",
    "get_media"};

bool UsesStorageSdk(const semantic::SemanticModel& model) {
  return cloud::ImportsAws(model) || model.ImportsModule("google.cloud") ||
         model.ImportsModule("googleapiclient") || model.ImportsModule("pydrive") ||
         model.ImportsModule("pydrive2");
}

void CheckTransfer(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  const auto* method = python::DynCast<python::Attribute>(call.func);
  if (method == nullptr) return;
  if (std::find(std::begin(kTransfers), std::end(kTransfers), method->attr) ==
      std::end(kTransfers)) {
    return;
  }
  const semantic::SemanticModel& model = context.model();
  if (!UsesStorageSdk(model) || !cloud::InLoopOrComprehension(&node, model)) return;
  context.Report(kRule, *call.func,
                 fmt::format("`{}` transfers one object per loop iteration: run the transfers "
                             "concurrently (thread pool, transfer manager)",
                             method->attr));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckTransfer});

}  // namespace dsaudit::checks
