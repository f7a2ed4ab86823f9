// NPY002: calls of numpy's legacy global random API.
#include <fmt/format.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "NPY002",
    .name = "numpy-legacy-random",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for calls of the legacy `np.random` functions (`np.random.seed`, "
            "`np.random.rand`, `np.random.normal`, ...) that draw from numpy's hidden global "
            "`RandomState`.",
    .why = "The global state is shared by every library in the process, so any import can "
           "change your random stream; results are hard to reproduce and parallel workers draw "
           "the same numbers. `np.random.Generator` objects are explicit, faster and have "
           "better statistical properties.",
    .example = "```python\nimport numpy as np\n\nnp.random.seed(42)\nnoise = "
               "np.random.normal(size=10)\n```",
    .instead = "```python\nimport numpy as np\n\nrng = np.random.default_rng(42)\nnoise = "
               "rng.normal(size=10)\n```",
};

constexpr std::string_view kLegacy[] = {
    "seed", "get_state", "set_state", "rand", "ranf", "sample", "randn", "randint", "random",
    "random_integers", "random_sample", "choice", "bytes", "shuffle", "permutation", "beta",
    "binomial", "chisquare", "dirichlet", "exponential", "f", "gamma", "geometric", "gumbel",
    "hypergeometric", "laplace", "logistic", "lognormal", "logseries", "multinomial",
    "multivariate_normal", "negative_binomial", "noncentral_chisquare", "noncentral_f", "normal",
    "pareto", "poisson", "power", "rayleigh", "standard_cauchy", "standard_exponential",
    "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform", "vonmises",
    "wald", "weibull", "zipf"};

bool IsLegacy(std::string_view name) {
  for (std::string_view legacy : kLegacy) {
    if (legacy == name) return true;
  }
  return false;
}

void CheckCall(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("numpy")) return;
  const auto& call = static_cast<const python::Call&>(node);
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name || !name->StartsWith("numpy.random")) return;
  std::string_view method = name->LastSegment();
  if (!IsLegacy(method) || *name != fmt::format("numpy.random.{}", method)) return;
  context.Report(kRule, *call.func,
                 fmt::format("Replace legacy `np.random.{}` call with `np.random.Generator`",
                             method));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
