// The HTML rendering: one self-contained page (inline CSS and SVG, no script,
// nothing fetched), with the yearly cost per provider as a bar chart.
#include <fmt/format.h>

#include "plan/plan_report.h"
#include "plan/plan_wording.h"
#include "reports/html_page.h"
#include "reports/svg_chart.h"

namespace dsaudit::plan {
namespace {

using reports::HtmlEscape;

constexpr std::string_view kCss =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}"
    "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px}"
    "th{background:#f0f0f0;text-align:left}td.n{text-align:right}tr.best td{background:#e8f5e9}"
    "tr.over td{background:#fdecea}pre{background:#f6f8fa;padding:1em;overflow:auto}"
    ".note{color:#555}";

std::string YearlyCostChart(const Plan& plan) {
  reports::BarChartSpec chart;
  chart.aria_label = "yearly cost per provider";
  chart.label_width = 170;
  chart.value_room = 90;
  double dearest = plan.by_provider.back().yearly_usd;
  chart.column_max = {dearest > 0 ? dearest : 1};
  for (const Option& option : plan.by_provider) {
    std::string color = option.over_budget                     ? "#c62828"
                        : &option == &plan.by_provider.front() ? "#2e7d32"
                                                               : "#4e79a7";
    chart.rows.push_back(
        {.label = fmt::format("{} {}", option.instance.provider, option.instance.type),
         .cells = {{.value = option.yearly_usd, .text = Usd(option.yearly_usd), .color = color}}});
  }
  return fmt::format("<h2>Yearly cost per provider</h2>\n{}", reports::HorizontalBarChart(chart));
}

std::string OptionTable(const std::vector<Option>& ranked) {
  std::string out = "<table>\n<tr>";
  for (const std::string& name : OptionHeader())
    out += fmt::format("<th>{}</th>", HtmlEscape(name));
  out += "</tr>\n";
  for (size_t i = 0; i < ranked.size(); ++i) {
    std::vector<std::string> cells = OptionCells(i + 1, ranked[i]);
    out += ranked[i].over_budget ? "<tr class=\"over\">" : i == 0 ? "<tr class=\"best\">" : "<tr>";
    for (size_t c = 0; c < cells.size(); ++c) {
      out += fmt::format("{}{}</td>", c == 1 || c == 2 ? "<td>" : "<td class=\"n\">",
                         HtmlEscape(cells[c]));
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

std::string RenderPlanHtml(const Plan& plan, const ReportOptions& options) {
  std::string out = reports::HtmlPageStart("dsaudit plan", kCss);
  out +=
      fmt::format("<h1>dsaudit plan: {:.1f} requests/s at peak</h1>\n", plan.input.demand.peak_rps);
  out += "<h2>Sizing</h2>\n<table>\n";
  for (const auto& [label, text] : SizingLines(plan)) {
    out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", HtmlEscape(label), HtmlEscape(text));
  }
  out += "</table>\n";
  out += YearlyCostChart(plan);
  out += fmt::format(
      "<h2>{}</h2>\n<p class=\"note\">USD; a month is 730 hours, a year 12 months.</p>\n",
      options.all_options ? "Every instance type that fits"
                          : "Cheapest instance type per provider");
  out += OptionTable(options.all_options ? plan.options : plan.by_provider);
  out += fmt::format("<p><b>Cheapest that meets the peak:</b> {}.</p>\n",
                     HtmlEscape(CheapestSentence(plan)));
  if (plan.AnyOverBudget()) {
    out += fmt::format("<h2>Above {} a year</h2>\n<p>{}</p>\n<ul>\n",
                       HtmlEscape(Usd(kBudgetUsdPerYear)), HtmlEscape(OverBudgetSentence(plan)));
    for (const std::string& advice : BudgetAdvice(plan))
      out += fmt::format("<li>{}</li>\n", HtmlEscape(advice));
    out += "</ul>\n";
  }
  const KubernetesProposal& k = plan.kubernetes;
  out += fmt::format("<h2>Kubernetes</h2>\n<p>{}.</p>\n", HtmlEscape(KubernetesSentence(k)));
  out += fmt::format("<pre>{}</pre>\n", HtmlEscape(KubernetesYaml(k)));
  out += fmt::format("<h2>Prices</h2>\n<p class=\"note\">{}", HtmlEscape(PriceAgeSentence(plan)));
  for (const std::string& line : ConversionSentences(plan))
    out += fmt::format(" {}", HtmlEscape(line));
  out += "</p>\n";
  return out + reports::HtmlPageEnd();
}

}  // namespace dsaudit::plan
