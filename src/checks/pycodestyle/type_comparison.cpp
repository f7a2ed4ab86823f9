// E721: `type(x) == int` instead of `is` or isinstance().
#include <algorithm>
#include <array>
#include <string_view>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E721",
    .name = "type-comparison",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for types compared with `==` or `!=`, such as `type(x) == int`.",
    .why = "Equality of types ignores subclasses: `type(flag) == int` is false for a `bool`, and "
           "a numpy integer is not an `int`. When the exact type is really meant, `is` says so; "
           "otherwise `isinstance()` is what the code wants.",
    .example = "```python\nif type(value) == float:\n    value = round(value, 2)\n```",
    .instead = "```python\nif isinstance(value, float):\n    value = round(value, 2)\n```\n\n"
               "Comparisons with numpy dtypes (`arr.dtype == np.float32`) are fine and not "
               "reported.",
};

// Builtin names that are types (ruff's list).
constexpr auto kBuiltinTypes = std::to_array<std::string_view>({
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BlockingIOError",
    "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "EnvironmentError", "Exception", "FileExistsError",
    "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
    "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
    "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
    "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
    "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "bool",
    "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float",
    "frozenset", "int", "list", "map", "memoryview", "object", "property", "range", "reversed",
    "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
});

bool IsType(const python::Expr* expr, const semantic::SemanticModel& model) {
  if (const auto* call = python::DynCast<python::Call>(expr)) {
    const auto* name = python::DynCast<python::Name>(call->func);
    return name != nullptr && name->id == "type" && model.IsBuiltinReference(name);
  }
  if (const auto* name = python::DynCast<python::Name>(expr)) {
    return std::binary_search(kBuiltinTypes.begin(), kBuiltinTypes.end(), name->id) &&
           model.IsBuiltinReference(name);
  }
  return false;
}

// numpy dtypes compare equal to scalar types and strings by design.
bool IsDtype(const python::Expr* expr, const semantic::SemanticModel& model) {
  if (const auto* call = python::DynCast<python::Call>(expr)) {
    return model.Matches(call->func, "numpy.dtype");
  }
  const auto* attribute = python::DynCast<python::Attribute>(expr);
  return attribute != nullptr && attribute->attr == "dtype";
}

void CheckCompare(const python::Node& node, CheckContext& context) {
  const auto& compare = static_cast<const python::Compare&>(node);
  const semantic::SemanticModel& model = context.model();
  const python::Expr* left = compare.left;
  for (size_t i = 0; i < compare.ops.size() && i < compare.comparators.size(); ++i) {
    const python::Expr* right = compare.comparators[i];
    python::CmpOperator op = compare.ops[i];
    bool equality = op == python::CmpOperator::kEq || op == python::CmpOperator::kNotEq;
    if (equality && (IsType(left, model) || IsType(right, model)) && !IsDtype(left, model) &&
        !IsDtype(right, model)) {
      context.Report(kRule, compare,
                     "Use `is` and `is not` for type comparisons, or `isinstance()` for "
                     "isinstance checks");
    }
    left = right;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK(
    {.rules = {&kRule}, .node_kinds = {python::NodeKind::kCompare}, .on_node = CheckCompare});

}  // namespace dsaudit::checks
