// The terminal rendering: sizing, the ranked table, the cheapest option, the
// budget advice, Kubernetes resources and where the prices come from.
#include <fmt/format.h>

#include <algorithm>

#include "plan/plan_report.h"
#include "plan/plan_wording.h"

namespace dsaudit::plan {
namespace {

// Columns padded to their widest cell: text columns (provider, instance)
// left-aligned, numbers right-aligned.
std::string AlignedTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t c = 0; c < row.size(); ++c) {
      bool left = c == 1 || c == 2;
      line += left ? fmt::format(" {:<{}}", row[c], widths[c])
                   : fmt::format(" {:>{}}", row[c], widths[c]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

void Indented(std::string& out, std::string_view text, std::string_view indent) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += indent;
    out += text.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
}

}  // namespace

std::string RenderPlanText(const Plan& plan, const ReportOptions& options) {
  std::string out =
      fmt::format("dsaudit plan: servers and yearly cost for a peak of {:.1f} requests/s\n\n",
                  plan.input.demand.peak_rps);
  std::vector<std::pair<std::string, std::string>> sizing = SizingLines(plan);
  size_t label_width = 0;
  for (const auto& [label, text] : sizing) label_width = std::max(label_width, label.size());
  for (const auto& [label, text] : sizing)
    out += fmt::format("  {:<{}}  {}\n", label, label_width, text);

  const std::vector<Option>& ranked = options.all_options ? plan.options : plan.by_provider;
  out += fmt::format("\n{} (USD a month and a year; a month is 730 hours, a year 12 months):\n",
                     options.all_options ? "Every instance type that fits, cheapest first"
                                         : "Cheapest instance type per provider, ranked");
  std::vector<std::vector<std::string>> rows{OptionHeader()};
  for (size_t i = 0; i < ranked.size(); ++i) rows.push_back(OptionCells(i + 1, ranked[i]));
  out += AlignedTable(rows);
  if (plan.AnyOverBudget()) out += fmt::format("  * above {} a year\n", Usd(kBudgetUsdPerYear));

  out += fmt::format("\nCheapest that meets the peak: {}.\n", CheapestSentence(plan));
  if (plan.AnyOverBudget()) {
    out += fmt::format("\n{}\n", OverBudgetSentence(plan));
    for (const std::string& advice : BudgetAdvice(plan)) out += fmt::format("  - {}\n", advice);
  }

  const KubernetesProposal& k = plan.kubernetes;
  out += fmt::format("\nKubernetes: {}:\n", KubernetesSentence(k));
  Indented(out, KubernetesYaml(k), "  ");

  out += fmt::format("\n{}\n", PriceAgeSentence(plan));
  for (const std::string& line : ConversionSentences(plan)) out += fmt::format("{}\n", line);
  return out;
}

}  // namespace dsaudit::plan
