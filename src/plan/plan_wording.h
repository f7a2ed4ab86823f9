// The words and numbers every rendering of a plan shares (text, Markdown,
// HTML), written once so the formats cannot drift apart.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "plan/plan.h"

namespace dsaudit::plan {

// "$1,234" from $100 up, "$12.34" below.
std::string Usd(double amount);

// "3+1": servers for the peak plus the spare.
std::string ServersCell(const ServerCount& servers);

// The ranked table: one header, and the cells of one option.
std::vector<std::string> OptionHeader();
std::vector<std::string> OptionCells(size_t rank, const Option& option);

// (label, explanation) lines: how the peak became cores, workers, memory,
// and where egress, storage and the quiet hours come from.
std::vector<std::pair<std::string, std::string>> SizingLines(const Plan& plan);

// "8 pods of 1 CPU (7 for the peak + 1 spare), 6 workers each".
std::string KubernetesSentence(const KubernetesProposal& k);

// "hetzner ccx33 (fsn1): 4 servers (3 for the peak + 1 spare), $221 a month, $2,652 a year".
std::string CheapestSentence(const Plan& plan);

// The providers above $100,000 a year, and the article's advice for them.
std::string OverBudgetSentence(const Plan& plan);
std::vector<std::string> BudgetAdvice(const Plan& plan);

// "02:00-06:00 (UTC+01:00)".
std::string QuietHoursText(const QuietWindow& quiet);

// How old the prices are and how currencies were converted.
std::string PriceAgeSentence(const Plan& plan);
std::vector<std::string> ConversionSentences(const Plan& plan);

}  // namespace dsaudit::plan
