#include "reports/text_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

namespace dsaudit::reports {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kBoldRed = "\x1b[1m\x1b[31m";
constexpr std::string_view kReset = "\x1b[0m";

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!color_) return std::string(text);
    return fmt::format("{}{}{}", style, text, kReset);
  }

 private:
  bool color_;
};

std::string Location(const Finding& finding, const Painter& paint) {
  if (finding.path.empty()) return "";
  const std::string sep = paint(kCyan, ":");
  std::string out = paint(kBold, finding.path) + sep;
  if (finding.line == 0) return out + " ";
  if (finding.cell) out += fmt::format("cell {}{}", *finding.cell, sep);
  out += fmt::format("{}{}{}{} ", finding.line, sep, finding.column, sep);
  return out;
}

}  // namespace

std::string WriteText(std::span<const Finding> findings, const TextOptions& options) {
  const Painter paint(options.color);
  std::string out;
  size_t fixable = 0;
  for (const Finding& finding : findings) {
    fixable += finding.fixable ? 1 : 0;
    out += fmt::format("{}{} {}{}\n", Location(finding, paint), paint(kBoldRed, finding.code),
                       finding.fixable ? "[*] " : "", finding.message);
  }
  if (findings.empty()) return out + "All checks passed!\n";
  out += fmt::format("Found {} error{}.\n", findings.size(), findings.size() == 1 ? "" : "s");
  if (fixable > 0) out += fmt::format("[*] {} fixable with the `--fix` option.\n", fixable);
  return out;
}

std::string WriteStatistics(std::span<const Finding> findings, const RuleLookup& lookup,
                            const TextOptions& options) {
  std::map<std::string_view, size_t> counts;
  for (const Finding& finding : findings) ++counts[finding.code];
  std::vector<std::pair<std::string_view, size_t>> rows(counts.begin(), counts.end());
  // Stable sort keeps the map's code order among equal counts.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  size_t count_width = 0;
  size_t code_width = 0;
  for (const auto& [code, count] : rows) {
    count_width = std::max(count_width, fmt::formatted_size("{}", count));
    code_width = std::max(code_width, code.size());
  }
  const Painter paint(options.color);
  std::string out;
  for (const auto& [code, count] : rows) {
    const RuleInfo* rule = lookup ? lookup(code) : nullptr;
    const std::string_view name = rule != nullptr ? rule->name : std::string_view();
    // Pad before painting so escapes do not count towards the width.
    out += fmt::format("{}\t{}\t{}\n", paint(kBold, fmt::format("{:>{}}", count, count_width)),
                       paint(kBoldRed, fmt::format("{:<{}}", code, code_width)), name);
  }
  return out;
}

}  // namespace dsaudit::reports
