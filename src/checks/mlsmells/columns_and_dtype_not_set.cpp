// DS204: pandas readers called without dtype= (and usecols=).
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS204",
    .name = "columns-and-dtype-not-set",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Checks for `pd.read_csv`, `pd.read_table` and `pd.read_excel` calls without "
            "`dtype=` (the *columns and DataType not explicitly set* smell of Zhang et al.; "
            "also dsaudit's performance check for `read_csv` without `dtype`/`usecols`).",
    .why = "Without `dtype` pandas guesses each column's type from the data: slow on wide files, "
           "memory-hungry (`object` instead of `category`, `int64` instead of `int8`) and "
           "fragile (a column of IDs becomes float the day a value is missing). Without "
           "`usecols` every column is parsed and kept even when two are needed.",
    .example = "```python\ndf = pd.read_csv(\"events.csv\")\n```",
    .instead = "```python\ndf = pd.read_csv(\n    \"events.csv\",\n    usecols=[\"user_id\", "
               "\"kind\", \"ts\"],\n    dtype={\"user_id\": \"int32\", \"kind\": \"category\"},\n    "
               "parse_dates=[\"ts\"],\n)\n```",
};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto& call = static_cast<const py::Call&>(node);
  std::string_view reader;
  for (std::string_view name : {"pandas.read_csv", "pandas.read_table", "pandas.read_excel"}) {
    if (model.Matches(call.func, name)) reader = name;
  }
  if (reader.empty() || ds::HasDoubleStar(call) || ds::HasKeyword(call, "dtype")) return;
  std::string_view short_name = reader.substr(reader.find('.') + 1);
  context.Report(kRule, call,
                 ds::HasKeyword(call, "usecols")
                     ? fmt::format("`pd.{}` without `dtype=`; declare the column types", short_name)
                     : fmt::format("`pd.{}` without `dtype=` or `usecols=`; declare the columns "
                                   "and their types",
                                   short_name));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
