// The Markdown rendering, for a pull request or a wiki page: the same
// sections as the text report, tables as GitHub-flavoured Markdown.
#include <fmt/format.h>

#include "plan/plan_report.h"
#include "plan/plan_wording.h"

namespace dsaudit::plan {
namespace {

// Table cells must not break the row: '|' is escaped.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string Row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& cell : cells) out += fmt::format(" {} |", Cell(cell));
  return out + "\n";
}

}  // namespace

std::string RenderPlanMarkdown(const Plan& plan, const ReportOptions& options) {
  std::string out =
      fmt::format("# dsaudit plan: {:.1f} requests/s at peak\n\n", plan.input.demand.peak_rps);
  out += "## Sizing\n\n| | |\n| --- | --- |\n";
  for (const auto& [label, text] : SizingLines(plan)) out += Row({label, text});

  const std::vector<Option>& ranked = options.all_options ? plan.options : plan.by_provider;
  out += fmt::format("\n## {}\n\nUSD; a month is 730 hours, a year 12 months.\n\n",
                     options.all_options ? "Every instance type that fits"
                                         : "Cheapest instance type per provider");
  std::vector<std::string> header = OptionHeader();
  out += Row(header);
  std::string rule = "|";
  for (size_t c = 0; c < header.size(); ++c) rule += c == 1 || c == 2 ? " --- |" : " ---: |";
  out += rule + "\n";
  for (size_t i = 0; i < ranked.size(); ++i) out += Row(OptionCells(i + 1, ranked[i]));
  if (plan.AnyOverBudget()) out += fmt::format("\n\\* above {} a year\n", Usd(kBudgetUsdPerYear));

  out += fmt::format("\n**Cheapest that meets the peak:** {}.\n", CheapestSentence(plan));
  if (plan.AnyOverBudget()) {
    out += fmt::format("\n## Above {} a year\n\n{}\n\n", Usd(kBudgetUsdPerYear),
                       OverBudgetSentence(plan));
    for (const std::string& advice : BudgetAdvice(plan)) out += fmt::format("- {}\n", advice);
  }

  const KubernetesProposal& k = plan.kubernetes;
  out += fmt::format("\n## Kubernetes\n\n{}.\n\n", KubernetesSentence(k));
  out += fmt::format("```yaml\n{}```\n", KubernetesYaml(k));

  out += fmt::format("\n## Prices\n\n{}\n", PriceAgeSentence(plan));
  for (const std::string& line : ConversionSentences(plan)) out += fmt::format("{}\n", line);
  return out;
}

}  // namespace dsaudit::plan
