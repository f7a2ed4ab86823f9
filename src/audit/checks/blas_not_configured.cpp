// DS821: numerical code shipped in containers with no BLAS backend or BLAS
// thread count chosen anywhere.
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <string>

#include "audit/checks/service_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS821",
    .name = "blas-not-configured",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 60,
    .what = "Reports a project whose code uses numpy, scipy or scikit-learn and that ships in "
            "containers (Dockerfile, compose, Kubernetes, Helm) but chooses neither a BLAS "
            "backend (MKL: conda's `mkl`/`blas=*=mkl`, `scikit-learn-intelex`; OpenBLAS; BLIS) "
            "nor its thread count (`OMP_NUM_THREADS`, `MKL_NUM_THREADS`, "
            "`OPENBLAS_NUM_THREADS`, `threadpoolctl`) in its dependencies, deployment files or "
            "code.",
    .why = "The wheels' bundled OpenBLAS starts one thread per core of the host, not of the "
           "container: a pod limited to 2 CPUs on a 64-core node runs 64 threads that fight for "
           "2, and matrix code slows down instead of speeding up. On Intel servers MKL makes the "
           "same code 30-80% faster without a change (the seed article's text-to-speech case).",
    .example = "```dockerfile\nFROM python:3.11-slim\nRUN pip install numpy scikit-learn\n```",
    .instead = "```dockerfile\nFROM python:3.11-slim\nRUN pip install numpy scikit-learn "
               "scikit-learn-intelex\n# one BLAS thread per CPU the container may use\nENV "
               "OMP_NUM_THREADS=2 MKL_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2\n```",
};

// Lower-case spellings; short names must stand alone (`blis` is in
// "publish"), long ones may carry a prefix (`libopenblas-dev`).
constexpr std::array<std::string_view, 10> kChoices = {
    "mkl",           "blis",          "openblas",      "omp_num_threads",
    "mkl_num_threads", "openblas_num_threads", "threadpoolctl", "sklearnex",
    "scikit-learn-intelex", "set_num_threads"};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool ChoosesBlas(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view choice : kChoices) {
    bool short_name = choice.size() <= 4;
    for (size_t at = lower.find(choice); at != std::string::npos;
         at = lower.find(choice, at + 1)) {
      size_t end = at + choice.size();
      bool left_ok = !short_name || at == 0 || !IsWordChar(lower[at - 1]);
      bool right_ok = end == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
      if (left_ok && right_ok) return true;
    }
  }
  return false;
}

void Run(AuditContext& context) {
  if (!ImportsAny(context, {"numpy", "scipy", "sklearn"})) return;
  const Inventory& inventory = context.inventory();
  const InventoryFile* container = nullptr;
  for (FileRole role : {FileRole::kDockerfile, FileRole::kCompose, FileRole::kKubernetes,
                        FileRole::kHelmValues}) {
    std::vector<const InventoryFile*> files = inventory.Files(role);
    if (container == nullptr && !files.empty()) container = files.front();
  }
  if (container == nullptr) return;
  for (const InventoryFile& file : inventory.files) {
    if (file.role == FileRole::kOther || file.role == FileRole::kNotebook) continue;
    if (ChoosesBlas(file.text)) return;
  }
  context.Report(kRule, *container, Span{},
                 "numpy/scipy run on the BLAS their wheels bundle, with one thread per core of "
                 "the host: choose the backend (MKL, OpenBLAS) and set OMP_NUM_THREADS to the "
                 "container's CPU limit");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
