// DS105: hard-coded absolute and user-home paths in string literals.
//
// Reported literals (plain strings and the leading text of f-strings):
// - user-home paths anywhere except docstrings: `/home/<user>/...`,
//   `/Users/<user>/...`, `/root/...`, `C:\Users\<user>\...` (any drive, either
//   slash), `C:\Documents and Settings\...`;
// - other absolute paths (`/data/train.csv`, `D:\datasets`) when passed
//   directly to a function that opens, reads, writes or lists files (open,
//   pathlib.Path, os/shutil/glob file functions, pandas read_* and to_*
//   methods, numpy load/save, torch/joblib load and save, `savefig`, ...);
//   system locations (/dev, /proc, /sys, /etc, /usr, /bin, /sbin, /lib, /tmp)
//   are left alone;
// - `~/...` passed to such a function other than pandas (which expands `~`):
//   open() and numpy do not expand it, so the call fails on every machine.
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <string>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS105",
    .name = "hardcoded-path",
    .area = Area::kPortability,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds string literals holding a user's home directory (`/home/alice/...`, "
            "`/Users/bob/...`, `C:\\Users\\carol\\...`) anywhere in code, and absolute "
            "paths or `~/` paths passed straight to functions that open, read, write or list "
            "files (`open`, `Path`, `pd.read_csv`, `df.to_parquet`, `np.load`, `torch.save`, "
            "`plt.savefig`, `os.listdir`, ...). System locations such as `/dev`, `/proc`, "
            "`/etc` and `/tmp` are not reported.",
    .why = "A path that only exists on the author's laptop makes the project fail on every "
           "other machine: a colleague's checkout, the CI runner, the training cluster, the "
           "Docker image. `~` is worse: `open(\"~/data.csv\")` does not expand it at all and "
           "fails everywhere.",
    .example = "```python\ndf = pd.read_csv(\"/home/alice/projects/churn/data/train.csv\")\n"
               "model.save(\"C:\\\\Users\\\\alice\\\\models\\\\churn.h5\")\n```",
    .instead = "```python\nDATA_DIR = Path(os.environ.get(\"CHURN_DATA\", \"data\"))\ndf = "
               "pd.read_csv(DATA_DIR / \"train.csv\")\n```\n\nOr build paths relative to the "
               "project: `Path(__file__).resolve().parent / \"data\"`.",
};

bool IsDriveLetter(std::string_view text) {
  return text.size() >= 3 && std::isalpha(static_cast<unsigned char>(text[0])) && text[1] == ':' &&
         (text[2] == '\\' || text[2] == '/');
}

bool IsSeparator(char c) { return c == '/' || c == '\\'; }

// `prefix` then a non-empty component and a separator: `/home/alice/`.
bool HasUserComponent(std::string_view text, size_t prefix) {
  if (text.size() <= prefix) return false;
  size_t end = prefix;
  while (end < text.size() && !IsSeparator(text[end])) ++end;
  return end > prefix && end < text.size();
}

bool IsUserHome(std::string_view text) {
  if (text.starts_with("/home/")) return HasUserComponent(text, 6);
  if (text.starts_with("/Users/")) return HasUserComponent(text, 7);
  if (text.starts_with("/root/") && text.size() > 6) return true;
  if (!IsDriveLetter(text)) return false;
  std::string_view rest = text.substr(3);
  for (std::string_view home : {"Users", "users", "Documents and Settings"}) {
    if (rest.starts_with(home) && rest.size() > home.size() && IsSeparator(rest[home.size()])) {
      return HasUserComponent(rest, home.size() + 1);
    }
  }
  return false;
}

bool IsSystemPath(std::string_view text) {
  for (std::string_view root : {"/dev", "/proc", "/sys", "/etc", "/usr", "/bin", "/sbin", "/lib",
                                "/tmp", "/var/tmp"}) {
    if (text.starts_with(root) && (text.size() == root.size() || text[root.size()] == '/')) {
      return true;
    }
  }
  return false;
}

bool IsAbsolute(std::string_view text) {
  if (IsDriveLetter(text)) return true;
  // "/" alone or "//" (URLs without scheme, regexes) are not file paths.
  return text.size() > 1 && text[0] == '/' && text[1] != '/' && !IsSystemPath(text);
}

bool IsTilde(std::string_view text) {
  return text.size() >= 2 && text[0] == '~' && (text[1] == '/' || text[1] == '\\');
}

bool LooksLikePath(std::string_view text) {
  return !text.empty() && text.size() < 400 && text.find('\n') == std::string_view::npos;
}

// The text a literal starts with: a string, or an f-string's first part.
std::string_view LeadingText(const python::Expr* expr) {
  if (const auto* constant = python::DynCast<python::Constant>(expr)) {
    return constant->value.kind == python::ConstantKind::kStr ? constant->value.text
                                                               : std::string_view();
  }
  if (const auto* joined = python::DynCast<python::JoinedStr>(expr)) {
    if (joined->values.empty()) return {};
    return LeadingText(joined->values[0]);
  }
  return {};
}

bool IsDocstring(const semantic::SemanticModel& model, const python::Node& literal) {
  const auto* statement = python::DynCast<python::ExprStmt>(model.Parent(&literal));
  return statement != nullptr;  // a bare string statement documents, it is never used
}

enum class FileApi { kNone, kExpandsUser, kPlain };

FileApi ClassifyCall(const semantic::SemanticModel& model, const python::Call& call) {
  if (const auto* attribute = python::DynCast<python::Attribute>(call.func)) {
    std::string_view method = attribute->attr;
    if (method.starts_with("to_") &&
        (method == "to_csv" || method == "to_parquet" || method == "to_excel" ||
         method == "to_json" || method == "to_pickle" || method == "to_feather" ||
         method == "to_hdf" || method == "to_stata")) {
      return FileApi::kExpandsUser;
    }
    if (method == "savefig" || method == "save_model" || method == "load_model" ||
        method == "save_weights" || method == "load_weights") {
      return FileApi::kPlain;
    }
  }
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name) return FileApi::kNone;
  std::string dotted = name->ToString();
  if (dotted.starts_with("pandas.read_")) return FileApi::kExpandsUser;
  static constexpr std::array<std::string_view, 40> kPlainApis = {
      "builtins.open",        "io.open",           "pathlib.Path",      "pathlib.PurePath",
      "os.listdir",           "os.scandir",        "os.walk",           "os.chdir",
      "os.makedirs",          "os.mkdir",          "os.remove",         "os.rename",
      "os.path.exists",       "os.path.isfile",    "os.path.isdir",     "os.path.join",
      "shutil.copy",          "shutil.copyfile",   "shutil.copytree",   "shutil.rmtree",
      "shutil.move",          "glob.glob",         "numpy.load",        "numpy.save",
      "numpy.savez",          "numpy.loadtxt",     "numpy.savetxt",     "numpy.genfromtxt",
      "torch.load",           "torch.save",        "joblib.load",       "joblib.dump",
      "h5py.File",            "PIL.Image.open",    "cv2.imread",        "cv2.imwrite",
      "matplotlib.pyplot.savefig", "tensorflow.keras.models.load_model",
      "keras.models.load_model", "sqlite3.connect"};
  for (std::string_view api : kPlainApis) {
    if (dotted == api) return FileApi::kPlain;
  }
  return FileApi::kNone;
}

void CheckLiteral(const python::Node& node, CheckContext& context) {
  const auto* expr = static_cast<const python::Expr*>(&node);
  std::string_view text = LeadingText(expr);
  if (!LooksLikePath(text)) return;
  const semantic::SemanticModel& model = context.model();
  // An f-string's parts are reported through the f-string itself.
  if (python::Isa<python::JoinedStr>(model.Parent(&node))) return;
  bool user_home = IsUserHome(text);
  bool absolute = IsAbsolute(text);
  bool tilde = IsTilde(text);
  if (!user_home && !absolute && !tilde) return;
  if (IsDocstring(model, node)) return;
  if (user_home) {
    context.Report(kRule, node,
                   fmt::format("Hard-coded user-home path `{}`; read it from configuration or "
                               "build it relative to the project",
                               text));
    return;
  }
  // Other paths only count when handed straight to a file function.
  const python::Node* parent = model.Parent(&node);
  if (python::Isa<python::Keyword>(parent)) parent = model.Parent(parent);
  const auto* call = python::DynCast<python::Call>(parent);
  if (call == nullptr) return;
  FileApi api = ClassifyCall(model, *call);
  if (api == FileApi::kNone) return;
  if (tilde) {
    if (api == FileApi::kExpandsUser) return;
    // `Path("~/x").expanduser()` expands it.
    const auto* attribute = python::DynCast<python::Attribute>(model.Parent(call));
    if (attribute != nullptr && attribute->attr == "expanduser") return;
    context.Report(kRule, node,
                   fmt::format("`~` in `{}` is not expanded here; use "
                               "`Path.home()` or a configured data directory",
                               text));
    return;
  }
  context.Report(kRule, node,
                 fmt::format("Hard-coded absolute path `{}`; read it from configuration or build "
                             "it relative to the project",
                             text));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kConstant, python::NodeKind::kJoinedStr},
                        .on_node = CheckLiteral});

}  // namespace dsaudit::checks
