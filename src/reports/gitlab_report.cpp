#include "reports/gitlab_report.h"

#include <algorithm>

#include "reports/json_writer.h"

namespace dsaudit::reports {

std::string WriteGitlab(std::span<const Finding> findings) {
  JsonWriter json;
  json.BeginArray();
  for (const Finding& finding : findings) {
    json.BeginObject();
    json.Key("description");
    json.String(finding.message);
    json.Key("check_name");
    json.String(finding.code);
    json.Key("fingerprint");
    json.String(finding.fingerprint);
    // Our severity names are GitLab's: info, minor, major, critical, blocker.
    json.Key("severity");
    json.String(SeverityName(finding.severity));
    json.Key("location");
    json.BeginObject();
    json.Key("path");
    json.String(finding.path.empty() ? std::string_view(".") : std::string_view(finding.path));
    json.Key("lines");
    json.BeginObject();
    json.Key("begin");
    json.Number(std::max<uint32_t>(finding.line, 1));
    json.EndObject();
    json.EndObject();
    json.EndObject();
  }
  json.EndArray();
  return json.Finish();
}

}  // namespace dsaudit::reports
