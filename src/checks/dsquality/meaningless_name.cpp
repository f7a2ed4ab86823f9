// DS101: meaningless variable names in data-science code: placeholders
// (`tmp`, `foo`), numbered copies (`df2`, `data_1`, `df_new`) and one-letter
// names outside loops, comprehensions, lambdas and formulas.
//
// What counts (the documented list; kept deliberately conservative):
// - placeholders, after stripping underscores and ignoring case: foo, bar,
//   baz, qux, quux, foobar, tmp, temp, stuff, thing, things, blah, asdf, junk,
//   whatever, something, var, variable, myvar, my_var, my_data, my_df, my_list;
// - numbered or versioned copies of a generic stem (df, data, dataset, ds,
//   frame, arr, array, lst, list, res, result, results, out, output, val,
//   value, values, temp, tmp, var, obj): the stem followed by digits (`df2`,
//   `data_1`), or by/after new, old, tmp, temp, copy (`df_new`, `new_df`);
// - one-letter lowercase names bound by assignment, except the conventional
//   ones (i, j, k, n, m for counters and sizes; x, y, z, t, w, h for
//   coordinates, time and shapes), except l (E741 covers it), and except in
//   functions that take one-letter parameters themselves (formula code such
//   as `def sigmoid(z): e = np.exp(-z)`). Uppercase letters (`X`, `A`, `W`)
//   follow matrix notation and are never reported.
// Loop and comprehension targets, lambda and function parameters, `except`
// names and imports are not reported. Only files that import a data-science
// library (pandas, numpy, sklearn, scipy, torch, tensorflow, keras, polars,
// matplotlib, seaborn, xgboost, lightgbm, statsmodels) and notebooks are
// checked. Each name is reported once per scope, where it is first bound.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <utility>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS101",
    .name = "meaningless-name",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds variables with names that say nothing about their content, in files that use "
            "data-science libraries and in notebooks: placeholders (`tmp`, `temp`, `foo`, "
            "`stuff`), numbered or versioned copies of generic names (`df2`, `data_1`, "
            "`result3`, `df_new`, `new_df`) and one-letter lowercase names bound by assignment. "
            "Loop and comprehension variables, parameters, lambdas, `except` names, the "
            "conventional letters `i j k n m x y z t w h`, uppercase matrix names (`X`, `W`) and "
            "functions that take one-letter parameters (formulas) are not reported.",
    .why = "Analysis code is read far more often than written, often by the author months later. "
           "`df`, `df2`, `df3` force the reader to replay the whole notebook to know which frame "
           "is filtered, merged or aggregated, and make it easy to train on `df2` when `df3` "
           "was meant.",
    .example = "```python\ndf2 = df[df.age > 18]\ntmp = df2.groupby(\"city\").income.mean()\na = "
               "tmp.sort_values()\n```",
    .instead = "```python\nadults = df[df.age > 18]\nincome_by_city = "
               "adults.groupby(\"city\").income.mean()\nranked_cities = "
               "income_by_city.sort_values()\n```",
};

constexpr std::array<std::string_view, 13> kDataScienceModules = {
    "pandas", "numpy",   "sklearn", "scipy",   "torch",    "tensorflow",  "keras",
    "polars", "matplotlib", "seaborn", "xgboost", "lightgbm", "statsmodels"};

std::string Normalised(std::string_view name) {
  size_t begin = name.find_first_not_of('_');
  if (begin == std::string_view::npos) return {};
  size_t end = name.find_last_not_of('_');
  std::string out(name.substr(begin, end - begin + 1));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsPlaceholder(const std::string& name) {
  static const std::set<std::string, std::less<>> kPlaceholders = {
      "foo",      "bar",   "baz",    "qux",     "quux",      "foobar", "tmp",
      "temp",     "stuff", "thing",  "things",  "blah",      "asdf",   "junk",
      "whatever", "something", "var", "variable", "myvar", "my_var", "my_data",
      "my_df",    "my_list"};
  return kPlaceholders.contains(name);
}

bool IsGenericStem(std::string_view stem) {
  static const std::set<std::string, std::less<>> kStems = {
      "df",     "data",   "dataset", "ds",    "frame", "arr",    "array",
      "lst",    "list",   "res",     "result", "results", "out", "output",
      "val",    "value",  "values",  "temp",  "tmp",   "var",    "obj"};
  return kStems.contains(stem);
}

bool IsVersionWord(std::string_view word) {
  return word == "new" || word == "old" || word == "tmp" || word == "temp" || word == "copy";
}

bool IsNumberedCopy(const std::string& name) {
  // stem + digits, with an optional underscore: df2, data_1.
  size_t digits = name.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(name[digits - 1]))) --digits;
  if (digits < name.size() && digits > 0) {
    std::string_view stem(name.data(), digits);
    if (stem.ends_with('_')) stem.remove_suffix(1);
    if (IsGenericStem(stem)) return true;
  }
  // df_new / new_df.
  size_t underscore = name.find('_');
  if (underscore == std::string::npos || name.find('_', underscore + 1) != std::string::npos) {
    return false;
  }
  std::string_view first(name.data(), underscore);
  std::string_view second(name.data() + underscore + 1, name.size() - underscore - 1);
  return (IsGenericStem(first) && IsVersionWord(second)) ||
         (IsVersionWord(first) && IsGenericStem(second));
}

bool IsConventionalLetter(char c) {
  return std::string_view("ijknmxyztwhl").find(c) != std::string_view::npos;
}

// Formula code: the enclosing function itself takes one-letter parameters.
bool InFormula(const semantic::SemanticModel& model, const semantic::Binding& binding) {
  const python::Node* scope_node = model.scope(binding.scope).node;
  const python::Arguments* args = nullptr;
  if (const auto* def = python::DynCast<python::FunctionDef>(scope_node)) args = def->args;
  if (const auto* def = python::DynCast<python::AsyncFunctionDef>(scope_node)) args = def->args;
  if (args == nullptr) return false;
  auto one_letter = [](const python::Arg* arg) { return arg != nullptr && arg->arg.size() == 1; };
  return std::any_of(args->posonlyargs.begin(), args->posonlyargs.end(), one_letter) ||
         std::any_of(args->args.begin(), args->args.end(), one_letter) ||
         std::any_of(args->kwonlyargs.begin(), args->kwonlyargs.end(), one_letter);
}

bool IsDataScienceFile(const CheckContext& context) {
  if (context.notebook() != nullptr) return true;
  return std::any_of(kDataScienceModules.begin(), kDataScienceModules.end(),
                     [&](std::string_view module) { return context.model().ImportsModule(module); });
}

// The message for a meaningless name, or "" for a fine one.
std::string Diagnose(const semantic::SemanticModel& model, const semantic::Binding& binding) {
  std::string name = Normalised(binding.name);
  if (name.empty()) return {};
  if (IsPlaceholder(name)) {
    return fmt::format("`{}` is a placeholder name; name the variable after what it holds",
                       binding.name);
  }
  if (IsNumberedCopy(name)) {
    return fmt::format(
        "`{}` is a numbered or versioned copy name; name it after how it differs from the "
        "original",
        binding.name);
  }
  bool assigned = binding.kind == semantic::BindingKind::kAssignment ||
                  binding.kind == semantic::BindingKind::kAnnotatedAssignment ||
                  binding.kind == semantic::BindingKind::kNamedExpr;
  char letter = binding.name.size() == 1 ? binding.name[0] : '\0';
  if (!assigned || letter < 'a' || letter > 'z' || IsConventionalLetter(letter)) return {};
  if (InFormula(model, binding)) return {};
  return fmt::format(
      "One-letter name `{}` outside a loop, comprehension or formula; name it after what it "
      "holds",
      binding.name);
}

void CheckNames(CheckContext& context) {
  if (!IsDataScienceFile(context)) return;
  const semantic::SemanticModel& model = context.model();
  std::set<std::pair<semantic::ScopeId, std::string_view>> reported;
  for (const semantic::Binding& binding : model.bindings()) {
    switch (binding.kind) {
      case semantic::BindingKind::kAssignment:
      case semantic::BindingKind::kAnnotatedAssignment:
      case semantic::BindingKind::kNamedExpr:
      case semantic::BindingKind::kWithTarget:
      case semantic::BindingKind::kFunctionDefinition:
      case semantic::BindingKind::kClassDefinition:
        break;
      default:
        continue;
    }
    if (binding.Is(semantic::binding_flags::kRedirected)) continue;
    if (binding.scope == semantic::kNoId) continue;
    std::string message = Diagnose(model, binding);
    if (message.empty()) continue;
    if (!reported.emplace(binding.scope, binding.name).second) continue;
    context.Report(kRule, binding.pos, std::move(message));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckNames});

}  // namespace dsaudit::checks
