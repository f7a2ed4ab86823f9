#include "reports/json_report.h"

#include "reports/json_writer.h"

namespace dsaudit::reports {

std::string WriteJson(std::span<const Finding> findings) {
  JsonWriter json;
  json.BeginArray();
  for (const Finding& finding : findings) {
    json.BeginObject();
    json.Key("code");
    json.String(finding.code);
    json.Key("area");
    json.String(AreaName(finding.area));
    json.Key("severity");
    json.String(SeverityName(finding.severity));
    json.Key("path");
    if (finding.path.empty()) {
      json.Null();
    } else {
      json.String(finding.path);
    }
    json.Key("line");
    json.Number(finding.line);
    json.Key("column");
    json.Number(finding.column);
    json.Key("end_line");
    json.Number(finding.end_line);
    json.Key("end_column");
    json.Number(finding.end_column);
    json.Key("cell");
    if (finding.cell) {
      json.Number(*finding.cell);
    } else {
      json.Null();
    }
    json.Key("message");
    json.String(finding.message);
    json.Key("effort_minutes");
    json.Number(finding.effort_minutes);
    json.Key("fingerprint");
    json.String(finding.fingerprint);
    json.EndObject();
  }
  json.EndArray();
  return json.Finish();
}

}  // namespace dsaudit::reports
