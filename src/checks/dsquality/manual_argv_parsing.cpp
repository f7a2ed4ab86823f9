// DS103: command-line arguments read from `sys.argv` by hand instead of with
// a command-line library.
//
// Reported reads: `sys.argv[i]` (an index), a slice of it that is not passed
// straight to a call (`parser.parse_args(sys.argv[1:])` is fine), `len(sys.argv)`,
// `... in sys.argv` and loops or comprehensions over it. Passing `sys.argv`
// whole to a function (`main(sys.argv)`, `app.run(argv=sys.argv)`) is not.
#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS103",
    .name = "manual-argv-parsing",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 15,
    .fixable = false,
    .what = "Finds scripts that take their command-line arguments apart by hand: indexing or "
            "slicing `sys.argv`, counting it with `len`, testing flags with `in sys.argv` or "
            "looping over it.",
    .why = "Hand-rolled argument handling has no `--help`, no types, no defaults and no error "
           "messages: `python train.py 0.01 32` silently swaps learning rate and batch size "
           "when someone reorders them, and an `IndexError` is the only usage message. "
           "Experiments become hard to reproduce because nobody knows which positional value "
           "meant what.",
    .example = "```python\nimport sys\n\nlearning_rate = float(sys.argv[1])\nepochs = "
               "int(sys.argv[2])\nverbose = \"--verbose\" in sys.argv\n```",
    .instead = "```python\nimport argparse\n\nparser = argparse.ArgumentParser()\n"
               "parser.add_argument(\"--learning-rate\", type=float, default=1e-3)\n"
               "parser.add_argument(\"--epochs\", type=int, default=10)\n"
               "parser.add_argument(\"--verbose\", action=\"store_true\")\nargs = "
               "parser.parse_args()\n```\n\n`click` and `typer` are good alternatives.",
};

constexpr std::string_view kMessage =
    "`sys.argv` parsed by hand; declare the arguments with argparse, click or typer";

bool IsArgv(const semantic::SemanticModel& model, const python::Node* expr) {
  return expr != nullptr && model.Matches(expr, "sys.argv");
}

void CheckNode(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("sys")) return;
  switch (node.kind) {
    case python::NodeKind::kSubscript: {
      const auto& subscript = static_cast<const python::Subscript&>(node);
      if (!IsArgv(model, subscript.value)) return;
      if (python::Isa<python::Slice>(subscript.slice)) {
        const python::Node* parent = model.Parent(&node);
        if (python::Isa<python::Call>(parent) || python::Isa<python::Keyword>(parent)) return;
      }
      context.Report(kRule, node, std::string(kMessage));
      return;
    }
    case python::NodeKind::kCall: {
      const auto& call = static_cast<const python::Call&>(node);
      if (call.args.size() != 1 || !IsArgv(model, call.args[0])) return;
      if (!model.Matches(call.func, "builtins.len")) return;
      context.Report(kRule, node, std::string(kMessage));
      return;
    }
    case python::NodeKind::kCompare: {
      const auto& compare = static_cast<const python::Compare&>(node);
      for (size_t i = 0; i < compare.ops.size() && i < compare.comparators.size(); ++i) {
        bool membership = compare.ops[i] == python::CmpOperator::kIn ||
                          compare.ops[i] == python::CmpOperator::kNotIn;
        if (membership && IsArgv(model, compare.comparators[i])) {
          context.Report(kRule, node, std::string(kMessage));
          return;
        }
      }
      return;
    }
    case python::NodeKind::kFor: {
      const auto& loop = static_cast<const python::For&>(node);
      if (IsArgv(model, loop.iter)) context.Report(kRule, *loop.iter, std::string(kMessage));
      return;
    }
    case python::NodeKind::kComprehension: {
      const auto& generator = static_cast<const python::Comprehension&>(node);
      if (IsArgv(model, generator.iter)) {
        context.Report(kRule, *generator.iter, std::string(kMessage));
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kSubscript, python::NodeKind::kCall,
                                       python::NodeKind::kCompare, python::NodeKind::kFor,
                                       python::NodeKind::kComprehension},
                        .on_node = CheckNode});

}  // namespace dsaudit::checks
