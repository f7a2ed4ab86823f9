#include "audit/audit_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/counted.h"
#include "reports/html_page.h"
#include "reports/json_writer.h"
#include "reports/svg_chart.h"
#include "reports/text_report.h"

namespace dsaudit::audit {
namespace {

using reports::HtmlEscape;

constexpr std::string_view kReset = "\x1b[0m";

std::string_view RatingColor(char rating) {
  switch (rating) {
    case 'A': return "\x1b[32m";
    case 'B': return "\x1b[92m";
    case 'C': return "\x1b[33m";
    case 'D': return "\x1b[91m";
    default: return "\x1b[31m";
  }
}

std::string_view RatingHex(char rating) {
  switch (rating) {
    case 'A': return "#2e7d32";
    case 'B': return "#7cb342";
    case 'C': return "#f9a825";
    case 'D': return "#ef6c00";
    default: return "#c62828";
  }
}

std::string Rated(char rating, bool color) {
  if (!color) return std::string(1, rating);
  return fmt::format("{}{}{}", RatingColor(rating), rating, kReset);
}

std::string Location(const Finding& finding) {
  if (finding.path.empty()) return "(project)";
  if (finding.line == 0) return finding.path;
  if (finding.cell) return fmt::format("{}:cell {}:{}:{}", finding.path, *finding.cell, finding.line, finding.column);
  return fmt::format("{}:{}:{}", finding.path, finding.line, finding.column);
}

void AppendQuoted(std::string& out, std::string_view text) { reports::AppendJsonString(out, text); }

std::string MarkdownCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string WriteAuditText(const AuditResult& result, const ReportOptions& options) {
  std::string out = fmt::format("dsaudit audit of {}: {}, {}, {}, {} in {:.2f} s\n\n", result.root,
                                Counted(result.summary.files, "file"),
                                Counted(result.summary.python_files, "Python file"),
                                Counted(result.summary.notebooks, "notebook"),
                                Counted(result.summary.lines, "line"), result.summary.seconds);
  out += fmt::format("{:<14} {:>5} {:>6} {:>8} {:>9}\n", "area", "score", "rating", "findings",
                     "effort h");
  for (const AreaScore& area : result.scores.areas) {
    out += fmt::format("{:<14} {:>5} {:>6} {:>8} {:>9.1f}\n", AreaName(area.area), area.score,
                       std::string(5, ' ') + Rated(area.rating, options.color), area.findings,
                       area.effort_hours);
  }
  out += fmt::format("{:<14} {:>5} {:>6} {:>8} {:>9.1f}\n\n", "overall", result.scores.score,
                     std::string(5, ' ') + Rated(result.scores.rating, options.color),
                     result.findings.size(), result.scores.effort_hours);
  out += "Action plan\n";
  if (result.plan.empty()) out += "  nothing to do\n";
  Horizon horizon = Horizon::kLater;
  bool first = true;
  for (const PlanTask& task : result.plan) {
    if (first || task.horizon != horizon) {
      out += fmt::format("  {}:\n", HorizonName(task.horizon));
      horizon = task.horizon;
      first = false;
    }
    out += fmt::format("    [{}] {} — {:.1f} h ({})\n", task.priority, task.title, task.effort_hours,
                       AreaName(task.area));
  }
  out += "\nFindings\n";
  out += reports::WriteText(result.findings, {.color = options.color});
  return out;
}

std::string WriteAuditJson(const AuditResult& result, const ReportOptions& options) {
  std::string out = "{\n  \"tool\": {\"name\": \"dsaudit\", \"version\": ";
  AppendQuoted(out, options.version);
  out += "},\n  \"root\": ";
  AppendQuoted(out, result.root);
  out += fmt::format(
      ",\n  \"summary\": {{\"files\": {}, \"python_files\": {}, \"notebooks\": {}, \"lines\": {}, "
      "\"seconds\": {:.3f}, \"score\": {}, \"rating\": \"{}\", \"effort_hours\": {:.1f}}},\n",
      result.summary.files, result.summary.python_files, result.summary.notebooks,
      result.summary.lines, result.summary.seconds, result.scores.score, result.scores.rating,
      result.scores.effort_hours);
  out += "  \"areas\": [";
  for (size_t i = 0; i < result.scores.areas.size(); ++i) {
    const AreaScore& area = result.scores.areas[i];
    out += fmt::format("{}\n    {{\"area\": \"{}\", \"score\": {}, \"rating\": \"{}\", \"findings\": {}, "
                       "\"effort_hours\": {:.1f}}}",
                       i == 0 ? "" : ",", AreaName(area.area), area.score, area.rating,
                       area.findings, area.effort_hours);
  }
  out += "\n  ],\n  \"findings\": [";
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    out += i == 0 ? "\n    {\"code\": " : ",\n    {\"code\": ";
    AppendQuoted(out, f.code);
    out += fmt::format(", \"area\": \"{}\", \"severity\": \"{}\", \"path\": ", AreaName(f.area),
                       SeverityName(f.severity));
    if (f.path.empty()) {
      out += "null";
    } else {
      AppendQuoted(out, f.path);
    }
    out += fmt::format(", \"line\": {}, \"column\": {}, \"end_line\": {}, \"end_column\": {}, \"cell\": {}, "
                       "\"message\": ",
                       f.line, f.column, f.end_line, f.end_column,
                       f.cell ? std::to_string(*f.cell) : "null");
    AppendQuoted(out, f.message);
    out += fmt::format(", \"effort_minutes\": {}, \"fingerprint\": ", f.effort_minutes);
    AppendQuoted(out, f.fingerprint);
    out += "}";
  }
  out += result.findings.empty() ? "],\n" : "\n  ],\n";
  out += "  \"plan\": [";
  for (size_t i = 0; i < result.plan.size(); ++i) {
    const PlanTask& task = result.plan[i];
    out += i == 0 ? "\n    {\"title\": " : ",\n    {\"title\": ";
    AppendQuoted(out, task.title);
    out += fmt::format(", \"area\": \"{}\", \"priority\": \"{}\", \"horizon\": \"{}\", "
                       "\"effort_hours\": {:.1f}, \"codes\": [",
                       AreaName(task.area), task.priority, HorizonName(task.horizon), task.effort_hours);
    for (size_t c = 0; c < task.codes.size(); ++c) {
      if (c > 0) out += ", ";
      AppendQuoted(out, task.codes[c]);
    }
    out += fmt::format("], \"findings\": {}}}", task.findings);
  }
  out += result.plan.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string WriteAuditMarkdown(const AuditResult& result, const ReportOptions& options) {
  (void)options;
  std::string out = fmt::format("# dsaudit audit: `{}`\n\nOverall score **{}** (rating **{}**), "
                                "{} findings, {:.1f} h of remediation. {} files, {} lines of "
                                "Python and notebooks.\n\n",
                                MarkdownCell(result.root), result.scores.score, result.scores.rating,
                                result.findings.size(), result.scores.effort_hours,
                                result.summary.files, result.summary.lines);
  out += "## Areas\n\n| Area | Score | Rating | Findings | Effort (h) |\n|---|---:|:---:|---:|---:|\n";
  for (const AreaScore& area : result.scores.areas) {
    out += fmt::format("| {} | {} | {} | {} | {:.1f} |\n", AreaName(area.area), area.score,
                       area.rating, area.findings, area.effort_hours);
  }
  out += "\n## Action plan\n\n| Horizon | Priority | Task | Area | Effort (h) |\n|---|---|---|---|---:|\n";
  for (const PlanTask& task : result.plan) {
    out += fmt::format("| {} | {} | {} | {} | {:.1f} |\n", HorizonName(task.horizon), task.priority,
                       MarkdownCell(task.title), AreaName(task.area), task.effort_hours);
  }
  out += "\n## Findings\n\n| Location | Code | Severity | Message |\n|---|---|---|---|\n";
  for (const Finding& finding : result.findings) {
    out += fmt::format("| `{}` | {} | {} | {} |\n", MarkdownCell(Location(finding)), finding.code,
                       SeverityName(finding.severity), MarkdownCell(finding.message));
  }
  return out;
}

namespace {

// Score per area (coloured by rating) beside the effort it needs.
std::string ScoresAndEffortSvg(const std::vector<AreaScore>& areas) {
  double max_effort = 0.1;
  for (const AreaScore& area : areas) max_effort = std::max(max_effort, area.effort_hours);
  reports::BarChartSpec chart{.aria_label = "scores per area", .column_max = {100, max_effort}};
  chart.column_gap = chart.label_width;
  chart.value_room = 80;
  for (const AreaScore& area : areas) {
    chart.rows.push_back({std::string(AreaName(area.area)),
                          {{static_cast<double>(area.score), fmt::format("{} {}", area.score, area.rating),
                            std::string(RatingHex(area.rating))},
                           {area.effort_hours, fmt::format("{:.1f} h", area.effort_hours), "#5c6bc0"}}});
  }
  return reports::HorizontalBarChart(chart);
}

// Where the work is: findings per directory (the project-wide ones under
// "(project)"), the busiest kMaxDirectories, as a horizontal bar chart.
std::string FindingsPerDirectorySvg(const std::vector<Finding>& findings) {
  constexpr size_t kMaxDirectories = 15;
  std::map<std::string, size_t> per_directory;
  for (const Finding& finding : findings) {
    size_t slash = finding.path.rfind('/');
    std::string directory = finding.path.empty()          ? "(project)"
                            : slash == std::string::npos ? "."
                                                         : finding.path.substr(0, slash);
    ++per_directory[directory];
  }
  std::vector<std::pair<std::string, size_t>> rows(per_directory.begin(), per_directory.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (rows.size() > kMaxDirectories) rows.resize(kMaxDirectories);
  if (rows.empty()) return "";
  reports::BarChartSpec chart{.aria_label = "findings per directory",
                              .column_max = {static_cast<double>(rows.front().second)}};
  chart.label_width = 260;
  for (const auto& [directory, count] : rows) {
    chart.rows.push_back({directory, {{static_cast<double>(count), std::to_string(count), "#8d6e63"}}});
  }
  return "<h2>Findings per directory</h2>\n" + reports::HorizontalBarChart(chart);
}

}  // namespace

std::string WriteAuditHtml(const AuditResult& result, const ReportOptions& options) {
  std::string out = reports::HtmlPageStart(
      "dsaudit report",
      "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
      "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
      "text-align:left}th{background:#f0f0f0}.r{color:#fff;font-weight:bold;text-align:center}"
      "code{font-size:90%}");
  out += fmt::format("<h1>dsaudit audit: {}</h1>\n<p>dsaudit {} &middot; overall score <b>{}</b> "
                     "(rating <b>{}</b>) &middot; {} findings &middot; {:.1f} h &middot; {} files, "
                     "{} lines</p>\n",
                     HtmlEscape(result.root), HtmlEscape(options.version), result.scores.score,
                     result.scores.rating, result.findings.size(), result.scores.effort_hours,
                     result.summary.files, result.summary.lines);
  out += "<h2>Scores and effort per area</h2>\n" + ScoresAndEffortSvg(result.scores.areas);
  out += FindingsPerDirectorySvg(result.findings);
  out += "<table><tr><th>Area</th><th>Score</th><th>Rating</th><th>Findings</th>"
         "<th>Effort (h)</th></tr>\n";
  for (const AreaScore& area : result.scores.areas) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"r\" style=\"background:{}\">{}</td>"
                       "<td>{}</td><td>{:.1f}</td></tr>\n",
                       AreaName(area.area), area.score, RatingHex(area.rating), area.rating,
                       area.findings, area.effort_hours);
  }
  out += "</table>\n<h2>Action plan</h2>\n<table><tr><th>Horizon</th><th>Priority</th><th>Task</th>"
         "<th>Area</th><th>Effort (h)</th></tr>\n";
  for (const PlanTask& task : result.plan) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.1f}</td></tr>\n",
                       HorizonName(task.horizon), task.priority, HtmlEscape(task.title),
                       AreaName(task.area), task.effort_hours);
  }
  out += "</table>\n<h2>Findings</h2>\n<table><tr><th>Location</th><th>Code</th><th>Severity</th>"
         "<th>Message</th></tr>\n";
  for (const Finding& finding : result.findings) {
    out += fmt::format("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       HtmlEscape(Location(finding)), finding.code, SeverityName(finding.severity),
                       HtmlEscape(finding.message));
  }
  out += "</table>\n";
  return out + reports::HtmlPageEnd();
}

}  // namespace dsaudit::audit
