// What a check is: a rule (code, area, severity, effort, documentation) and
// the handlers the engine calls while it walks a file.
//
// The engine walks each file's tree once and hands every node to the checks
// that asked for its kind (as ruff's checker does), so adding a check never
// adds a pass over the tree. A check that needs the whole file at once
// (tokens, lines, the semantic model's lists) uses on_file instead; one that
// needs every file of the project (duplicated code across files) collects
// facts per file and decides in on_project.
//
// Each check lives in one .cpp file beside its fixture and registers itself
// with DSAUDIT_REGISTER_CHECK; nothing else needs to name it.
#pragma once

#include <any>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "findings/finding.h"
#include "findings/rule_info.h"
#include "frontend/python/ast.h"

namespace dsaudit::checks {

class CheckContext;
class ProjectContext;

// Replace bytes [begin, end) of the decoded source with `replacement`.
struct Edit {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string replacement;
};

// A safe fix: applying every edit keeps the program's meaning. The engine
// proves the result still parses before it writes anything.
struct Fix {
  std::vector<Edit> edits;
};

using NodeHandler = void (*)(const python::Node& node, CheckContext& context);
using FileHandler = void (*)(CheckContext& context);
// Facts one file contributed (see CheckContext::SaveForProject), in path order.
struct ProjectFile {
  std::string_view path;
  const std::any* facts = nullptr;
};
using ProjectHandler = void (*)(std::span<const ProjectFile> files, ProjectContext& context);

struct Check {
  // The rules the check reports; almost always one. The check runs when any
  // of them is enabled, and reports only the enabled ones.
  std::vector<const RuleInfo*> rules;
  // Node kinds on_node receives (in tree order, parents before children).
  std::vector<python::NodeKind> node_kinds;
  NodeHandler on_node = nullptr;
  // Called once per file after the walk.
  FileHandler on_file = nullptr;
  // Called once per run after every file, for cross-file findings.
  ProjectHandler on_project = nullptr;
  // Only notebooks (cell order, outputs) or only .py files.
  bool notebooks_only = false;
};

// Adds a check to the registry; returns true so it can initialise a static.
bool RegisterCheck(Check check);

#define DSAUDIT_CHECK_CONCAT_INNER(a, b) a##b
#define DSAUDIT_CHECK_CONCAT(a, b) DSAUDIT_CHECK_CONCAT_INNER(a, b)
// File-scope registration: DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, ...});
#define DSAUDIT_REGISTER_CHECK(...)                                          \
  [[maybe_unused]] static const bool DSAUDIT_CHECK_CONCAT(kRegistered, __LINE__) = \
      ::dsaudit::checks::RegisterCheck(::dsaudit::checks::Check __VA_ARGS__)

}  // namespace dsaudit::checks
