// What a check sees of the file under analysis, and how it reports.
#pragma once

#include <any>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "config/config.h"
#include "findings/finding.h"
#include "frontend/notebook/notebook.h"
#include "frontend/python/parser.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks {

// A finding before the engine places it: positions as in the AST (1-based
// lines, 0-based UTF-8 byte columns of the module source); line 0 means the
// whole file.
struct Diagnostic {
  const RuleInfo* rule = nullptr;
  python::Position pos;
  std::string message;
  std::optional<Fix> fix;
  // 0: the rule's constant effort; checks with a measured gap set their own.
  uint32_t effort_minutes = 0;
  // 0, or the line of the statement holding the finding: a `noqa` there
  // suppresses it too, as ruff's "parent" does for F401/F811 in a multi-line import.
  uint32_t noqa_parent_line = 0;
};

class CheckContext {
 public:
  CheckContext(const python::ParsedModule& parsed, const semantic::SemanticModel& model,
               const config::Config& config, std::string_view path,
               const notebook::Notebook* notebook);

  const python::ParsedModule& parsed() const { return parsed_; }
  const python::Module& module() const { return *parsed_.module; }
  const python::SourceText& source() const { return parsed_.source; }
  const semantic::SemanticModel& model() const { return model_; }
  const config::Config& config() const { return config_; }
  // As printed in findings: relative, '/'-separated.
  std::string_view path() const { return path_; }
  // The notebook the module was built from, or nullptr for a .py file.
  const notebook::Notebook* notebook() const { return notebook_; }
  bool IsEnabled(const RuleInfo& rule) const;
  // Whether the file is a test (test_*.py, *_test.py, conftest.py, under tests/).
  bool IsTestFile() const { return is_test_file_; }

  // --- source text -----------------------------------------------------------
  // Byte offset of an AST position (1-based line, 0-based byte column).
  uint32_t Offset(uint32_t line, uint32_t column) const;
  // The source text a node spans.
  std::string_view Text(const python::Node& node) const;
  std::string_view Text(const python::Position& pos) const;

  // --- reporting -------------------------------------------------------------
  void Report(const RuleInfo& rule, const python::Position& pos, std::string message);
  void Report(const RuleInfo& rule, const python::Node& node, std::string message) {
    Report(rule, node.pos, std::move(message));
  }
  void Report(Diagnostic diagnostic);
  // A finding for the project stage: placed now (path, 1-based columns, cell),
  // with the text of its line for the fingerprint.
  struct PlacedFinding {
    Finding finding;
    std::string line_text;
  };
  PlacedFinding Place(const RuleInfo& rule, const python::Position& pos,
                      std::string message) const;
  // Facts for the check's on_project handler, one value per file.
  void SaveForProject(std::any facts) { project_facts_ = std::move(facts); }

  // --- for the engine ---------------------------------------------------------
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  std::any TakeProjectFacts() { return std::move(project_facts_); }
  void set_enabled(std::vector<const RuleInfo*> enabled) { enabled_ = std::move(enabled); }

 private:
  const python::ParsedModule& parsed_;
  const semantic::SemanticModel& model_;
  const config::Config& config_;
  std::string path_;
  const notebook::Notebook* notebook_;
  bool is_test_file_ = false;
  std::vector<const RuleInfo*> enabled_;  // sorted by pointer
  std::vector<Diagnostic> diagnostics_;
  std::any project_facts_;
};

// What a project check reports with.
class ProjectContext {
 public:
  void Report(CheckContext::PlacedFinding placed) { findings_.push_back(std::move(placed)); }
  std::vector<CheckContext::PlacedFinding>& findings() { return findings_; }

 private:
  std::vector<CheckContext::PlacedFinding> findings_;
};

// Converts an AST position to a finding's place: 1-based character columns,
// notebook cells resolved. Shared by the engine and Place().
void PlaceFinding(const python::ParsedModule& parsed, const notebook::Notebook* notebook,
                  const python::Position& pos, Finding& finding);

}  // namespace dsaudit::checks
