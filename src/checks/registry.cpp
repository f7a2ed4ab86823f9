#include "checks/registry.h"

#include <algorithm>
#include <utility>

#include "findings/suppression.h"

namespace dsaudit::checks {

const RuleInfo kSyntaxErrorRule = {
    .code = "E999",
    .name = "syntax-error",
    .area = Area::kCodeQuality,
    .severity = Severity::kBlocker,
    .effort_minutes = 10,
    .what = "Reports code that Python cannot parse, with CPython's own message and position.",
    .why = "A file that does not parse cannot run; the checks still look at the rest of it, but "
           "nothing after the error can be trusted.",
    .example = "```python\nprint \"done\"\n```",
    .instead = "```python\nprint(\"done\")\n```",
};

const RuleInfo kUnreadableFileRule = {
    .code = "DS001",
    .name = "unreadable-file",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .what = "Reports files dsaudit could not check: unreadable, not valid text in their declared "
            "encoding, too large, or notebooks that are not valid nbformat 4 JSON.",
    .why = "Whatever such a file holds is invisible to every check, and usually to Python too.",
    .example = "A `.ipynb` file truncated by a failed save.",
    .instead = "Restore the file from version control or re-save it from Jupyter.",
};

namespace {

std::vector<Check>& MutableChecks() {
  static std::vector<Check> checks;
  return checks;
}

std::string_view FirstCode(const Check& check) {
  return check.rules.empty() ? std::string_view() : check.rules.front()->code;
}

std::vector<const RuleInfo*>& MutableStandaloneRules() {
  static std::vector<const RuleInfo*> rules;
  return rules;
}

}  // namespace

bool RegisterStandaloneRule(const RuleInfo* rule) {
  MutableStandaloneRules().push_back(rule);
  return true;
}

bool RegisterCheck(Check check) {
  MutableChecks().push_back(std::move(check));
  return true;
}

// Registration runs during static initialisation; the first query (from main,
// before any thread starts) sorts once.
std::span<const Check> AllChecks() {
  static const bool sorted = [] {
    std::sort(MutableChecks().begin(), MutableChecks().end(),
              [](const Check& a, const Check& b) { return FirstCode(a) < FirstCode(b); });
    return true;
  }();
  (void)sorted;
  return MutableChecks();
}

std::span<const RuleInfo* const> AllRules() {
  static const std::vector<const RuleInfo*> rules = [] {
    std::vector<const RuleInfo*> all = {&kSyntaxErrorRule, &kUnreadableFileRule,
                                        &kUnusedNoqaRule};
    for (const Check& check : AllChecks()) all.insert(all.end(), check.rules.begin(), check.rules.end());
    all.insert(all.end(), MutableStandaloneRules().begin(), MutableStandaloneRules().end());
    std::sort(all.begin(), all.end(),
              [](const RuleInfo* a, const RuleInfo* b) { return a->code < b->code; });
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
  }();
  return rules;
}

const RuleInfo* FindRule(std::string_view code) {
  std::span<const RuleInfo* const> rules = AllRules();
  auto it = std::lower_bound(rules.begin(), rules.end(), code,
                             [](const RuleInfo* rule, std::string_view c) { return rule->code < c; });
  return it != rules.end() && (*it)->code == code ? *it : nullptr;
}

bool IsKnownSelector(std::string_view selector) {
  if (selector == "ALL") return true;
  std::span<const RuleInfo* const> rules = AllRules();
  auto it = std::lower_bound(rules.begin(), rules.end(), selector,
                             [](const RuleInfo* rule, std::string_view s) { return rule->code < s; });
  return it != rules.end() && (*it)->code.starts_with(selector);
}

}  // namespace dsaudit::checks
