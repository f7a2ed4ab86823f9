// DS106: modules and calls that exist on one operating system only, used
// without a platform check.
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <string>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS106",
    .name = "os-specific-call",
    .area = Area::kPortability,
    .severity = Severity::kMinor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds imports of modules that exist on one operating system only (`winreg`, "
            "`msvcrt`, `winsound` on Windows; `fcntl`, `termios`, `pwd`, `grp`, `resource` on "
            "POSIX), calls of one-system functions (`os.startfile`, `ctypes.windll`; `os.fork`, "
            "`os.getuid`, `os.setsid`, `os.killpg`, `signal.alarm`, ...) and `os.system(\"cls\")` "
            "or `os.system(\"clear\")`, when no `sys.platform`, `os.name` or `platform.system()` "
            "test and no `try`/`except ImportError` (or `AttributeError`, `OSError`) guards "
            "them.",
    .why = "Research code written on one laptop then fails on the CI runner, the Linux training "
           "cluster or a colleague's Windows machine, with an ImportError or AttributeError at "
           "the first call.",
    .example = "```python\nimport fcntl\n\n\ndef lock(handle):\n    fcntl.flock(handle, "
               "fcntl.LOCK_EX)\n```",
    .instead = "```python\nimport sys\n\nif sys.platform == \"win32\":\n    import msvcrt\nelse:\n"
               "    import fcntl\n```\n\nOr use a portable library (`filelock`, `psutil`, "
               "`pathlib`, `shutil`).",
};

struct OnlyOn {
  std::string_view name;
  std::string_view system;
};

constexpr std::array<OnlyOn, 16> kModules = {{
    {"winreg", "Windows"},   {"_winreg", "Windows"},  {"msvcrt", "Windows"},
    {"winsound", "Windows"}, {"_winapi", "Windows"},  {"win32api", "Windows"},
    {"win32con", "Windows"}, {"fcntl", "POSIX"},      {"termios", "POSIX"},
    {"tty", "POSIX"},        {"pty", "POSIX"},        {"pwd", "POSIX"},
    {"grp", "POSIX"},        {"resource", "POSIX"},   {"syslog", "POSIX"},
    {"crypt", "POSIX"},
}};

constexpr std::array<OnlyOn, 17> kFunctions = {{
    {"os.startfile", "Windows"}, {"ctypes.windll", "Windows"}, {"ctypes.WinDLL", "Windows"},
    {"os.fork", "POSIX"},        {"os.forkpty", "POSIX"},      {"os.getuid", "POSIX"},
    {"os.geteuid", "POSIX"},     {"os.getgid", "POSIX"},       {"os.setuid", "POSIX"},
    {"os.setsid", "POSIX"},      {"os.killpg", "POSIX"},       {"os.getpgid", "POSIX"},
    {"os.uname", "POSIX"},       {"os.mkfifo", "POSIX"},       {"os.getloadavg", "POSIX"},
    {"os.chown", "POSIX"},       {"signal.alarm", "POSIX"},
}};

const OnlyOn* ModuleOnlyOn(std::string_view module) {
  std::string_view top = module.substr(0, module.find('.'));
  for (const OnlyOn& entry : kModules) {
    if (entry.name == top) return &entry;
  }
  return nullptr;
}

// A flag named for a system (`_mswindows`, `IS_WINDOWS`, `ON_POSIX`): set
// from a platform test or from an import that failed, either way a guard.
bool NamesASystem(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view marker : {"win", "posix", "linux", "darwin", "macos", "platform"}) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  return false;
}

// Whether `expr` tests the platform: sys.platform, os.name, platform.system(),
// a feature test (`hasattr(os, "fork")`), or a flag assigned from one.
bool TestsThePlatform(const semantic::SemanticModel& model, const python::Node* expr,
                      int depth = 0) {
  if (expr == nullptr || depth > 8) return false;
  if (python::Isa<python::Attribute>(expr) || python::Isa<python::Name>(expr)) {
    std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(expr);
    if (name && (*name == "sys.platform" || *name == "os.name" || *name == "platform.system" ||
                 *name == "platform.platform" || *name == "sys.getwindowsversion")) {
      return true;
    }
  }
  if (const auto* name = python::DynCast<python::Name>(expr)) {
    if (NamesASystem(name->id)) return true;
    semantic::BindingId binding = model.ResolveName(name);
    if (binding != semantic::kNoId) {
      const auto* assign = python::DynCast<python::Assign>(model.binding(binding).statement);
      if (assign != nullptr && TestsThePlatform(model, assign->value, depth + 1)) return true;
    }
    return false;
  }
  if (const auto* call = python::DynCast<python::Call>(expr)) {
    if (model.Matches(call->func, "builtins.hasattr")) return true;
  }
  bool found = false;
  python::ForEachChild(const_cast<python::Node*>(expr), [&](python::Node* child) {
    if (!found && python::CategoryOf(child->kind) == python::NodeCategory::kExpr) {
      found = TestsThePlatform(model, child, depth + 1);
    }
  });
  return found;
}

bool CatchesMissingApi(const semantic::SemanticModel& model,
                       std::span<python::ExceptHandler* const> handlers) {
  for (const python::ExceptHandler* handler : handlers) {
    if (handler->type == nullptr) return true;
    bool matched = false;
    auto check = [&](const python::Expr* type) {
      for (std::string_view name : {"ImportError", "ModuleNotFoundError", "AttributeError",
                                    "OSError", "NotImplementedError", "Exception"}) {
        if (model.Matches(type, fmt::format("builtins.{}", name))) matched = true;
      }
    };
    if (const auto* tuple = python::DynCast<python::Tuple>(handler->type)) {
      for (const python::Expr* element : tuple->elts) check(element);
    } else {
      check(handler->type);
    }
    if (matched) return true;
  }
  return false;
}

template <class TryNode>
bool InGuardedTryBody(const semantic::SemanticModel& model, const TryNode* node,
                      const python::Node* child) {
  for (const python::Stmt* statement : node->body) {
    if (statement == child) return CatchesMissingApi(model, node->handlers);
  }
  return false;
}

bool Guarded(const semantic::SemanticModel& model, const python::Node& node) {
  const python::Node* child = &node;
  for (const python::Node* parent = model.Parent(child); parent != nullptr;
       child = parent, parent = model.Parent(parent)) {
    if (const auto* branch = python::DynCast<python::If>(parent)) {
      if (TestsThePlatform(model, branch->test)) return true;
    } else if (const auto* conditional = python::DynCast<python::IfExp>(parent)) {
      if (TestsThePlatform(model, conditional->test)) return true;
    } else if (const auto* bool_op = python::DynCast<python::BoolOp>(parent)) {
      for (const python::Expr* value : bool_op->values) {
        if (value == child) break;
        if (TestsThePlatform(model, value)) return true;
      }
    } else if (const auto* try_node = python::DynCast<python::Try>(parent)) {
      if (InGuardedTryBody(model, try_node, child)) return true;
    } else if (const auto* try_star = python::DynCast<python::TryStar>(parent)) {
      if (InGuardedTryBody(model, try_star, child)) return true;
    } else if (python::Isa<python::FunctionDef>(parent) ||
               python::Isa<python::AsyncFunctionDef>(parent)) {
      // `if sys.platform != "win32": return` before the call guards it too.
      const auto* body = python::DynCast<python::FunctionDef>(parent);
      std::span<python::Stmt*> statements =
          body != nullptr ? body->body : python::DynCast<python::AsyncFunctionDef>(parent)->body;
      for (const python::Stmt* statement : statements) {
        if (statement == child) break;
        const auto* early = python::DynCast<python::If>(statement);
        if (early != nullptr && TestsThePlatform(model, early->test)) return true;
      }
    }
  }
  // Module level: an early `if sys.platform ...: raise/exit` is not followed;
  // a whole module written for one system usually says so in its name.
  return false;
}

bool PlatformModuleFile(std::string_view path) {
  std::string_view name = path.substr(path.find_last_of('/') == std::string_view::npos
                                          ? 0
                                          : path.find_last_of('/') + 1);
  for (std::string_view marker : {"win", "posix", "unix", "linux", "darwin", "macos", "_nt"}) {
    if (name.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

void Report(CheckContext& context, const python::Node& node, std::string_view what,
            const OnlyOn& only) {
  context.Report(kRule, node,
                 fmt::format("`{}` exists on {} only; guard it with a `sys.platform` check or use "
                             "a portable library",
                             what, only.system));
}

void CheckNode(const python::Node& node, CheckContext& context) {
  if (PlatformModuleFile(context.path())) return;
  const semantic::SemanticModel& model = context.model();
  if (const auto* import = python::DynCast<python::Import>(&node)) {
    for (const python::Alias* alias : import->names) {
      const OnlyOn* only = ModuleOnlyOn(alias->name);
      if (only != nullptr && !Guarded(model, node)) Report(context, *alias, alias->name, *only);
    }
    return;
  }
  if (const auto* from = python::DynCast<python::ImportFrom>(&node)) {
    if (from->level != 0) return;
    const OnlyOn* only = ModuleOnlyOn(from->module);
    if (only != nullptr && !Guarded(model, node)) Report(context, node, from->module, *only);
    return;
  }
  const auto& call = static_cast<const python::Call&>(node);
  std::optional<semantic::QualifiedName> name = model.ResolveQualifiedName(call.func);
  if (!name) return;
  std::string dotted = name->ToString();
  for (const OnlyOn& only : kFunctions) {
    bool matches = dotted == only.name ||
                   (only.name == "ctypes.windll" && dotted.starts_with("ctypes.windll."));
    if (matches && !Guarded(model, node)) {
      Report(context, *call.func, only.name, only);
      return;
    }
  }
  if (dotted == "os.system" && call.args.size() == 1) {
    const auto* command = python::DynCast<python::Constant>(call.args[0]);
    if (command == nullptr || command->value.kind != python::ConstantKind::kStr) return;
    static constexpr OnlyOn kCls = {"os.system(\"cls\")", "Windows"};
    static constexpr OnlyOn kClear = {"os.system(\"clear\")", "POSIX"};
    if (command->value.text == "cls" && !Guarded(model, node)) Report(context, node, kCls.name, kCls);
    if (command->value.text == "clear" && !Guarded(model, node)) {
      Report(context, node, kClear.name, kClear);
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kImport, python::NodeKind::kImportFrom,
                                       python::NodeKind::kCall},
                        .on_node = CheckNode});

}  // namespace dsaudit::checks
