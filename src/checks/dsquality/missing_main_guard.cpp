// DS104: a module that does work when imported, without an
// `if __name__ == "__main__":` guard.
//
// Work, at module level (also inside module-level if/try/with blocks, but
// not under the main guard or `if TYPE_CHECKING:`), is a call that
// - loads data or models, or trains: open, pandas.read_*, numpy.load/
//   loadtxt/genfromtxt/fromfile, pickle.load(s), joblib.load, torch.load,
//   keras load_model, requests.*, urlopen, any `.fit`/`.fit_transform`/
//   `.predict`/`.train`/`.evaluate` method; or
// - runs the module's own code: a public function it defines (`main()`); or,
//   as a statement of its own,
// - prints, plots or computes: `print`, any pandas/numpy/sklearn/scipy/
//   torch/tensorflow/keras/matplotlib/seaborn/xgboost/lightgbm/statsmodels/
//   polars function, and `.show()/.savefig()/.plot()/.save()/.run()/
//   .backward()/.step()/.to_csv()`-style methods.
// Configuration calls never count: logging, warnings, sys.path, os.environ,
// random seeds (random/numpy/torch/tensorflow), pandas/numpy print options,
// matplotlib backend and style, seaborn themes, dotenv, atexit, and logger
// methods setLevel/addHandler/addFilter/setFormatter. A statement is work when
// it is such a call, a loop that makes one, or an assignment or with-item
// whose value loads, trains or runs the module's own code. So definitions,
// imports, constants (`EPS = np.finfo(float).eps`), `app = Flask(__name__)`
// and library initialisation (registering options, filling lookup tables)
// are not work. Notebooks, tests, conftest.py, setup.py, __main__.py,
// manage.py, docs/conf.py and package __init__.py files are not checked.
// One finding per file, at the first statement that does work; effort grows
// with the number of them.
#include <fmt/format.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS104",
    .name = "missing-main-guard",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds modules that do work at import time without putting it under `if __name__ "
            "== \"__main__\":`: top-level calls that load data or models, train, print, plot, "
            "compute with data-science libraries or run the module's own functions (`main()`), "
            "loops that do so, and assignments from loaders, trainers or the module's own "
            "functions. Configuration calls (logging setup, warnings filters, random seeds, "
            "display options), definitions, constants and library initialisation are allowed. "
            "Notebooks, tests, `setup.py`, `conftest.py` and `__main__.py` are not checked.",
    .why = "Importing such a module runs it: a test runner, a documentation build or another "
           "script that only wants one helper function reloads the data set and retrains the "
           "model. With multiprocessing on macOS and Windows, and with PyTorch `DataLoader` "
           "workers started by `spawn`, every worker re-imports the main module and re-runs "
           "the whole script, often recursively until it crashes.",
    .example = "```python\nimport pandas as pd\n\ndef clean(df):\n    return df.dropna()\n\ndf "
               "= pd.read_csv(\"sales.csv\")\nmodel.fit(clean(df))\n```",
    .instead = "```python\nimport pandas as pd\n\ndef clean(df):\n    return df.dropna()\n\ndef "
               "main():\n    df = pd.read_csv(\"sales.csv\")\n    model.fit(clean(df))\n\nif "
               "__name__ == \"__main__\":\n    main()\n```",
};

bool IsMainGuard(const python::If& statement) {
  const auto* compare = python::DynCast<python::Compare>(statement.test);
  if (compare == nullptr || compare->comparators.size() != 1) return false;
  const python::Expr* sides[2] = {compare->left, compare->comparators[0]};
  bool has_name = false, has_main = false;
  for (const python::Expr* side : sides) {
    if (const auto* name = python::DynCast<python::Name>(side)) has_name |= name->id == "__name__";
    if (const auto* value = python::DynCast<python::Constant>(side)) {
      has_main |= value->value.kind == python::ConstantKind::kStr && value->value.text == "__main__";
    }
  }
  return has_name && has_main;
}

bool IsTypeChecking(const semantic::SemanticModel& model, const python::If& statement) {
  if (const auto* name = python::DynCast<python::Name>(statement.test)) {
    if (name->id == "TYPE_CHECKING") return true;
  }
  return model.Matches(statement.test, "typing.TYPE_CHECKING");
}

bool StartsWithAny(const std::string& name, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes) {
    if (name == prefix || (name.starts_with(prefix) && name[prefix.size()] == '.')) return true;
  }
  return false;
}

// Setting up the process rather than doing the module's job.
bool IsConfigurationCall(const semantic::SemanticModel& model, const python::Call& call) {
  if (const auto* attribute = python::DynCast<python::Attribute>(call.func)) {
    std::string_view method = attribute->attr;
    if (method == "setLevel" || method == "addHandler" || method == "addFilter" ||
        method == "setFormatter") {
      return true;
    }
  }
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name) return false;
  std::string dotted = name->ToString();
  return StartsWithAny(dotted, {"logging", "warnings", "sys.path", "os.environ", "os.putenv",
                                "random.seed", "numpy.random.seed", "torch.manual_seed",
                                "torch.cuda.manual_seed_all", "torch.set_float32_matmul_precision",
                                "tensorflow.random.set_seed", "pandas.set_option",
                                "pandas.options", "numpy.set_printoptions", "numpy.seterr",
                                "matplotlib.use", "matplotlib.rcParams", "matplotlib.pyplot.style",
                                "matplotlib.pyplot.rcParams", "matplotlib.style", "seaborn.set",
                                "seaborn.set_theme", "seaborn.set_style", "seaborn.set_context",
                                "dotenv.load_dotenv", "atexit.register", "faulthandler.enable",
                                "multiprocessing.set_start_method", "sys.setrecursionlimit",
                                "builtins.__import__"});
}

bool IsLoadOrTrainCall(const semantic::SemanticModel& model, const python::Call& call) {
  if (const auto* attribute = python::DynCast<python::Attribute>(call.func)) {
    std::string_view method = attribute->attr;
    if (method == "fit" || method == "fit_transform" || method == "predict" ||
        method == "train" || method == "evaluate") {
      return true;
    }
  }
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name) return false;
  std::string dotted = name->ToString();
  if (dotted.starts_with("pandas.read_")) return true;
  return StartsWithAny(dotted, {"builtins.open", "io.open", "numpy.load", "numpy.loadtxt",
                                "numpy.genfromtxt", "numpy.fromfile", "pickle.load",
                                "pickle.loads", "joblib.load", "torch.load",
                                "tensorflow.keras.models.load_model", "keras.models.load_model",
                                "requests", "urllib.request.urlopen"});
}

// The public function this module defines that the call runs (`main()`).
const python::Node* OwnFunction(const semantic::SemanticModel& model, const python::Call& call) {
  if (!python::Isa<python::Name>(call.func)) return nullptr;
  semantic::BindingId id = model.ResolveName(call.func);
  if (id == semantic::kNoId) return nullptr;
  const semantic::Binding& binding = model.binding(id);
  if (binding.kind != semantic::BindingKind::kFunctionDefinition ||
      binding.scope != semantic::SemanticModel::kGlobalScope || binding.name.starts_with('_')) {
    return nullptr;
  }
  return binding.node;
}

// The first directory of the module's path: the package a library module
// belongs to. Its own calls into that package are initialisation, not work.
std::string_view OwnPackage(std::string_view path) {
  size_t slash = path.find('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::optional<std::span<python::Stmt* const>> FunctionBody(const python::Node* node) {
  if (const auto* def = python::DynCast<python::FunctionDef>(node)) return def->body;
  if (const auto* def = python::DynCast<python::AsyncFunctionDef>(node)) return def->body;
  return std::nullopt;
}

struct WorkFinder {
  const semantic::SemanticModel& model;
  std::string_view own_package;
  // Whether each of the module's functions does work; false while it is
  // being decided, which ends recursion.
  std::unordered_map<const python::Node*, bool> function_works = {};

  bool IsDataScienceCall(const python::Call& call) const {
    if (const auto* attribute = python::DynCast<python::Attribute>(call.func)) {
      std::string_view method = attribute->attr;
      for (std::string_view name : {"show", "savefig", "plot", "save", "run", "backward", "step",
                                    "to_csv", "to_parquet", "to_excel", "to_json", "to_pickle"}) {
        if (method == name) return true;
      }
    }
    std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
    if (!name) return false;
    std::string dotted = name->ToString();
    if (!own_package.empty() && StartsWithAny(dotted, {own_package})) return false;
    return dotted == "builtins.print" ||
           StartsWithAny(dotted, {"pandas", "numpy", "sklearn", "scipy", "torch", "tensorflow",
                                  "keras", "matplotlib", "seaborn", "xgboost", "lightgbm",
                                  "statsmodels", "polars"});
  }

  // Work a call does: loading or training; running one of the module's own
  // functions that does work; at statement level also printing, plotting
  // and other data-science calls.
  bool IsWorkCall(const python::Call& call, bool statement_level) {
    if (IsConfigurationCall(model, call)) return false;
    if (IsLoadOrTrainCall(model, call)) return true;
    if (statement_level && IsDataScienceCall(call)) return true;
    const python::Node* function = OwnFunction(model, call);
    if (function == nullptr) return false;
    auto [it, inserted] = function_works.try_emplace(function, false);
    if (!inserted) return it->second;
    bool works = false;
    if (auto body = FunctionBody(function)) {
      for (const python::Stmt* statement : *body) {
        works = works || CallsWork(statement, /*statement_level=*/true);
      }
    }
    function_works[function] = works;
    return works;
  }

  // Whether the subtree makes a work call (lambda bodies excluded).
  bool CallsWork(const python::Node* node, bool statement_level) {
    if (node == nullptr || python::Isa<python::Lambda>(node)) return false;
    // Defining a nested function or class runs none of its body.
    if (python::Isa<python::FunctionDef>(node) || python::Isa<python::AsyncFunctionDef>(node) ||
        python::Isa<python::ClassDef>(node)) {
      return false;
    }
    if (const auto* call = python::DynCast<python::Call>(node)) {
      if (IsWorkCall(*call, statement_level)) return true;
    }
    bool found = false;
    python::ForEachChild(const_cast<python::Node*>(node), [&](python::Node* child) {
      found = found || CallsWork(child, statement_level);
    });
    return found;
  }
};

struct Work {
  const python::Stmt* first = nullptr;
  uint32_t count = 0;
  void Add(const python::Stmt* statement) {
    if (first == nullptr) first = statement;
    ++count;
  }
};

void Scan(WorkFinder& finder, std::span<python::Stmt* const> body, Work& work);

void ScanStatement(WorkFinder& finder, const python::Stmt* statement, Work& work) {
  const semantic::SemanticModel& model = finder.model;
  switch (statement->kind) {
    case python::NodeKind::kExprStmt: {
      const python::Expr* value = static_cast<const python::ExprStmt*>(statement)->value;
      if (const auto* awaited = python::DynCast<python::Await>(value)) value = awaited->value;
      const auto* call = python::DynCast<python::Call>(value);
      if (call != nullptr && finder.IsWorkCall(*call, /*statement_level=*/true)) {
        work.Add(statement);
      }
      return;
    }
    case python::NodeKind::kFor:
    case python::NodeKind::kAsyncFor:
    case python::NodeKind::kWhile:
      // Loops that only fill module-level tables are initialisation, not work.
      if (finder.CallsWork(statement, /*statement_level=*/true)) work.Add(statement);
      return;
    case python::NodeKind::kAssign:
      if (finder.CallsWork(static_cast<const python::Assign*>(statement)->value,
                    /*statement_level=*/false)) {
        work.Add(statement);
      }
      return;
    case python::NodeKind::kAnnAssign:
      if (finder.CallsWork(static_cast<const python::AnnAssign*>(statement)->value,
                    /*statement_level=*/false)) {
        work.Add(statement);
      }
      return;
    case python::NodeKind::kAugAssign:
      if (finder.CallsWork(static_cast<const python::AugAssign*>(statement)->value,
                    /*statement_level=*/false)) {
        work.Add(statement);
      }
      return;
    case python::NodeKind::kIf: {
      const auto* branch = static_cast<const python::If*>(statement);
      if (IsMainGuard(*branch)) {
        Scan(finder, branch->orelse, work);
        return;
      }
      if (IsTypeChecking(model, *branch)) return;
      Scan(finder, branch->body, work);
      Scan(finder, branch->orelse, work);
      return;
    }
    case python::NodeKind::kTry: {
      const auto* guarded = static_cast<const python::Try*>(statement);
      Scan(finder, guarded->body, work);
      for (const python::ExceptHandler* handler : guarded->handlers) {
        Scan(finder, handler->body, work);
      }
      Scan(finder, guarded->orelse, work);
      Scan(finder, guarded->finalbody, work);
      return;
    }
    case python::NodeKind::kWith: {
      const auto* with = static_cast<const python::With*>(statement);
      for (const python::WithItem* item : with->items) {
        if (finder.CallsWork(item->context_expr, /*statement_level=*/false)) {
          work.Add(statement);
          return;
        }
      }
      Scan(finder, with->body, work);
      return;
    }
    default:
      return;
  }
}

void Scan(WorkFinder& finder, std::span<python::Stmt* const> body, Work& work) {
  for (const python::Stmt* statement : body) ScanStatement(finder, statement, work);
}

bool IsExempt(const CheckContext& context) {
  if (context.notebook() != nullptr || context.IsTestFile()) return true;
  std::string_view path = context.path();
  size_t slash = path.rfind('/');
  std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (!file.ends_with(".py")) return true;
  return file == "setup.py" || file == "conftest.py" || file == "__main__.py" ||
         file == "__init__.py" || file == "manage.py" || path.ends_with("docs/conf.py") ||
         path == "conf.py" || path.ends_with("doc/conf.py");
}

void CheckModule(CheckContext& context) {
  if (IsExempt(context)) return;
  Work work;
  WorkFinder finder{context.model(), OwnPackage(context.path())};
  Scan(finder, context.module().body, work);
  if (work.first == nullptr) return;
  const python::Stmt& first = *work.first;
  python::Position pos{first.pos.line, first.pos.col, first.pos.line, first.pos.col};
  context.Report(Diagnostic{
      .rule = &kRule,
      .pos = pos,
      .message = fmt::format(
          "Module does work on import ({} top-level statement{}, the first here); move it into "
          "a function called under `if __name__ == \"__main__\":`",
          work.count, work.count == 1 ? "" : "s"),
      .effort_minutes = kRule.effort_minutes + work.count});
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckModule});

}  // namespace dsaudit::checks
