#include "reports/sarif_report.h"

#include <fmt/format.h>

#include <map>

#include "reports/json_writer.h"

namespace dsaudit::reports {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

std::string_view Level(Severity severity) {
  if (severity >= Severity::kCritical) return "error";
  if (severity == Severity::kMajor) return "warning";
  return "note";
}

// Relative paths become URI references: everything but unreserved characters
// and '/' is percent-encoded (a ':' could otherwise read as a scheme).
std::string PathToUri(std::string_view path) {
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

void WriteText(JsonWriter& json, std::string_view key, std::string_view text) {
  json.Key(key);
  json.BeginObject();
  json.Key("text");
  json.String(text);
  json.EndObject();
}

std::string HelpMarkdown(const RuleInfo& rule) {
  std::string out;
  const auto section = [&](std::string_view title, std::string_view body) {
    if (body.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += fmt::format("## {}\n{}", title, body);
  };
  section("What it does", rule.what);
  section("Why is this bad?", rule.why);
  section("Example", rule.example);
  section("Use instead", rule.instead);
  return out;
}

void WriteRule(JsonWriter& json, std::string_view code, const RuleInfo* rule,
               Severity fallback_severity, Area fallback_area) {
  json.BeginObject();
  json.Key("id");
  json.String(code);
  const std::string_view name = rule != nullptr ? rule->name : std::string_view();
  const std::string_view what = rule != nullptr ? rule->what : std::string_view();
  const std::string_view first_line = what.substr(0, what.find('\n'));
  if (!name.empty()) {
    json.Key("name");
    json.String(name);
  }
  WriteText(json, "shortDescription",
            !first_line.empty() ? first_line
            : !name.empty()     ? name
                                : code);
  WriteText(json, "fullDescription", !what.empty() ? what : !name.empty() ? name : code);
  if (rule != nullptr && !what.empty()) {
    const std::string markdown = HelpMarkdown(*rule);
    json.Key("help");
    json.BeginObject();
    json.Key("text");
    json.String(markdown);
    json.Key("markdown");
    json.String(markdown);
    json.EndObject();
  }
  const Severity severity = rule != nullptr ? rule->severity : fallback_severity;
  json.Key("defaultConfiguration");
  json.BeginObject();
  json.Key("level");
  json.String(Level(severity));
  json.EndObject();
  json.Key("properties");
  json.BeginObject();
  json.Key("area");
  json.String(AreaName(rule != nullptr ? rule->area : fallback_area));
  json.Key("severity");
  json.String(SeverityName(severity));
  json.EndObject();
  json.EndObject();
}

void WriteLocations(JsonWriter& json, const Finding& finding) {
  if (finding.path.empty()) return;
  json.Key("locations");
  json.BeginArray();
  json.BeginObject();
  json.Key("physicalLocation");
  json.BeginObject();
  json.Key("artifactLocation");
  json.BeginObject();
  json.Key("uri");
  json.String(PathToUri(finding.path));
  json.Key("uriBaseId");
  json.String("%SRCROOT%");
  json.EndObject();
  if (finding.line != 0) {
    json.Key("region");
    json.BeginObject();
    json.Key("startLine");
    json.Number(finding.line);
    if (finding.column != 0) {
      json.Key("startColumn");
      json.Number(finding.column);
    }
    if (finding.end_line != 0) {
      json.Key("endLine");
      json.Number(finding.end_line);
    }
    if (finding.end_line != 0 && finding.end_column != 0) {
      json.Key("endColumn");
      json.Number(finding.end_column);
    }
    json.EndObject();
  }
  json.EndObject();
  json.EndObject();
  json.EndArray();
}

void WriteResult(JsonWriter& json, const Finding& finding, size_t rule_index) {
  json.BeginObject();
  json.Key("ruleId");
  json.String(finding.code);
  json.Key("ruleIndex");
  json.Number(rule_index);
  json.Key("level");
  json.String(Level(finding.severity));
  WriteText(json, "message", finding.message);
  WriteLocations(json, finding);
  if (!finding.fingerprint.empty()) {
    json.Key("partialFingerprints");
    json.BeginObject();
    json.Key("primaryLocationLineHash");
    json.String(finding.fingerprint);
    json.EndObject();
  }
  if (finding.cell) {
    // Notebook lines count within the cell; the cell says which one.
    json.Key("properties");
    json.BeginObject();
    json.Key("cell");
    json.Number(*finding.cell);
    json.EndObject();
  }
  json.EndObject();
}

}  // namespace

std::string WriteSarif(std::span<const Finding> findings, const RuleLookup& lookup,
                       const SarifTool& tool) {
  // Code -> first finding with it; map order makes rule indices deterministic.
  std::map<std::string_view, const Finding*> used;
  for (const Finding& finding : findings) used.emplace(finding.code, &finding);
  std::map<std::string_view, size_t> rule_index;
  JsonWriter json;
  json.BeginObject();
  json.Key("$schema");
  json.String(kSchema);
  json.Key("version");
  json.String("2.1.0");
  json.Key("runs");
  json.BeginArray();
  json.BeginObject();
  json.Key("tool");
  json.BeginObject();
  json.Key("driver");
  json.BeginObject();
  json.Key("name");
  json.String("dsaudit");
  json.Key("version");
  json.String(tool.version);
  if (!tool.information_uri.empty()) {
    json.Key("informationUri");
    json.String(tool.information_uri);
  }
  json.Key("rules");
  json.BeginArray();
  for (const auto& [code, finding] : used) {
    rule_index.emplace(code, rule_index.size());
    WriteRule(json, code, lookup ? lookup(code) : nullptr, finding->severity, finding->area);
  }
  json.EndArray();
  json.EndObject();
  json.EndObject();
  json.Key("columnKind");
  json.String("unicodeCodePoints");
  json.Key("results");
  json.BeginArray();
  for (const Finding& finding : findings) WriteResult(json, finding, rule_index.at(finding.code));
  json.EndArray();
  json.EndObject();
  json.EndArray();
  json.EndObject();
  return json.Finish();
}

}  // namespace dsaudit::reports
