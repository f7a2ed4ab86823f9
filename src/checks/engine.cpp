#include "checks/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "checks/registry.h"
#include "findings/fingerprint.h"
#include "frontend/notebook/notebook.h"
#include "frontend/python/parser.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks {
namespace {

// Ruff attaches a finding inside a multi-line string to the string's last
// line, where a `# noqa` comment can be written.
SuppressionIndex::NoqaLineMap MultilineStringMap(const python::ParsedModule& parsed) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // first line, last line
  std::vector<uint32_t> fstring_starts;
  for (const python::Token& token : parsed.tokens) {
    if (token.kind == python::TokenKind::kString && token.end_line > token.line) {
      spans.emplace_back(token.line, token.end_line);
    } else if (token.kind == python::TokenKind::kFStringStart) {
      fstring_starts.push_back(token.line);
    } else if (token.kind == python::TokenKind::kFStringEnd && !fstring_starts.empty()) {
      uint32_t first = fstring_starts.back();
      fstring_starts.pop_back();
      if (token.end_line > first) spans.emplace_back(first, token.end_line);
    }
  }
  if (spans.empty()) return {};
  std::sort(spans.begin(), spans.end());
  return [spans = std::move(spans)](uint32_t line) {
    auto it = std::upper_bound(spans.begin(), spans.end(),
                               std::pair<uint32_t, uint32_t>(line, ~uint32_t{0}));
    while (it != spans.begin()) {
      --it;
      if (it->first <= line && line <= it->second) return it->second;
      if (it->second < line && it->first < line) break;
    }
    return line;
  };
}

// Whether the file's directory holds an __init__.py (ruff's test for a
// package, against which it resolves relative imports). Stdin is in none.
bool InPackage(std::string_view path) {
  if (path.empty() || path == "-") return false;
  std::error_code error;
  return std::filesystem::exists(std::filesystem::path(path).parent_path() / "__init__.py", error);
}

Finding EngineFinding(const RuleInfo& rule, std::string_view path, std::string message) {
  Finding finding;
  finding.code = std::string(rule.code);
  finding.area = rule.area;
  finding.severity = rule.severity;
  finding.path = std::string(path);
  finding.message = std::move(message);
  finding.effort_minutes = rule.effort_minutes;
  return finding;
}

}  // namespace

// One round over one version of a file's text.
struct Engine::Pass {
  const FileInput* input = nullptr;
  const notebook::Notebook* notebook = nullptr;
  std::unique_ptr<python::ParsedModule> parsed;
  std::optional<semantic::SemanticModel> model;
  std::unique_ptr<CheckContext> context;
  std::vector<std::any> project_facts;
};

Engine::Engine(const config::Config& config, EngineOptions options)
    : config_(config), options_(options) {
  for (const Check& check : AllChecks()) {
    if (check.on_project != nullptr) project_checks_.push_back(&check);
  }
}

void Engine::RunChecks(Pass& pass) const {
  const std::string& path = pass.input->path;
  bool is_notebook = pass.notebook != nullptr;
  pass.model.emplace(semantic::SemanticModel::Build(
      *pass.parsed->module,
      {.module_is_package = semantic::IsPackageInit(path), .in_package = InPackage(path)}));
  pass.context = std::make_unique<CheckContext>(*pass.parsed, *pass.model, config_, path,
                                                pass.notebook);
  CheckContext& context = *pass.context;

  // Which checks run on this file, and which node kinds each one wants.
  std::vector<const RuleInfo*> enabled;
  std::vector<const Check*> file_checks;
  std::array<std::vector<const Check*>, python::kNodeKindCount> by_kind;
  std::filesystem::path config_path = config_.root / path;
  pass.project_facts.assign(project_checks_.size(), std::any());
  std::vector<const Check*> active_project_checks;
  for (const Check& check : AllChecks()) {
    if (check.notebooks_only && !is_notebook) continue;
    bool any = false;
    for (const RuleInfo* rule : check.rules) {
      if (config::IsEnabled(config_, rule->code, config_path)) {
        enabled.push_back(rule);
        any = true;
      }
    }
    if (!any) continue;
    for (python::NodeKind kind : check.node_kinds) {
      by_kind[static_cast<size_t>(kind)].push_back(&check);
    }
    if (check.on_file != nullptr) file_checks.push_back(&check);
  }
  std::sort(enabled.begin(), enabled.end());
  context.set_enabled(std::move(enabled));

  // One pre-order walk with an explicit stack: deeply nested code (the parser
  // allows 1000 levels) must not overflow the native stack.
  std::vector<const python::Node*> stack = {pass.parsed->module};
  std::vector<const python::Node*> children;
  while (!stack.empty()) {
    const python::Node* node = stack.back();
    stack.pop_back();
    for (const Check* check : by_kind[static_cast<size_t>(node->kind)]) {
      check->on_node(*node, context);
    }
    children.clear();
    python::ForEachChild(const_cast<python::Node*>(node),
                         [&children](python::Node* child) { children.push_back(child); });
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  for (const Check* check : file_checks) {
    check->on_file(context);
    // A project check's per-file facts are whatever its on_file saved.
    if (check->on_project != nullptr) {
      auto it = std::find(project_checks_.begin(), project_checks_.end(), check);
      pass.project_facts[it - project_checks_.begin()] = context.TakeProjectFacts();
    }
  }
}

uint32_t ApplyFixes(std::string& text, std::vector<const Fix*> fixes) {
  auto first_begin = [](const Fix* fix) {
    uint32_t begin = ~uint32_t{0};
    for (const Edit& edit : fix->edits) begin = std::min(begin, edit.begin);
    return begin;
  };
  std::stable_sort(fixes.begin(), fixes.end(),
                   [&](const Fix* a, const Fix* b) { return first_begin(a) < first_begin(b); });
  // Take fixes whose edits do not overlap anything taken before; the rest
  // wait for the next round, on the re-parsed text.
  std::vector<const Edit*> taken;
  uint32_t applied = 0;
  for (const Fix* fix : fixes) {
    bool overlaps = fix->edits.empty();
    for (const Edit& edit : fix->edits) {
      if (edit.end > text.size() || edit.begin > edit.end) overlaps = true;
      for (const Edit* other : taken) {
        if (edit.begin < other->end && other->begin < edit.end) overlaps = true;
        if (edit.begin == other->begin && edit.end == other->end) overlaps = true;
      }
    }
    if (overlaps) continue;
    for (const Edit& edit : fix->edits) taken.push_back(&edit);
    ++applied;
  }
  std::sort(taken.begin(), taken.end(),
            [](const Edit* a, const Edit* b) { return a->begin > b->begin; });
  for (const Edit* edit : taken) text.replace(edit->begin, edit->end - edit->begin, edit->replacement);
  return applied;
}

FileOutcome Engine::CheckFile(FileInput input) const {
  FileOutcome outcome;
  std::optional<notebook::Notebook> book;
  python::SourceText source;
  if (input.is_notebook) {
    notebook::ReadResult read = notebook::ReadNotebook(input.bytes);
    if (!read.ok()) {
      Finding finding = EngineFinding(kUnreadableFileRule, input.path,
                                      fmt::format("Invalid notebook: {}", read.error.message));
      finding.line = finding.end_line = read.error.line;
      finding.column = finding.end_column = read.error.column;
      outcome.findings.push_back(std::move(finding));
      AssignFingerprints(outcome.findings, {""});
      return outcome;
    }
    book = std::move(read.notebook);
    source = python::SourceText::FromUtf8(book->python_source);
  } else {
    source = python::SourceText::FromBytes(input.bytes);
    if (source.error()) {
      const python::SyntaxError& error = *source.error();
      Finding finding = EngineFinding(kSyntaxErrorRule, input.path,
                                      fmt::format("{}: {}", error.type, error.message));
      finding.line = finding.end_line = error.line;
      finding.column = finding.end_column = std::max<uint32_t>(error.column, 1);
      outcome.lines = source.line_count();
      outcome.findings.push_back(std::move(finding));
      AssignFingerprints(outcome.findings, {""});
      return outcome;
    }
  }
  outcome.lines = input.is_notebook && book->python_source.empty() ? 0 : source.line_count();
  // Fixes are written back byte for byte only where decoding changed nothing
  // (UTF-8, LF newlines); other files keep their findings, unfixed.
  bool can_fix = options_.fix && !input.is_notebook && source.text() == input.bytes;

  auto pass = std::make_unique<Pass>();
  pass->input = &input;
  pass->notebook = book ? &*book : nullptr;
  pass->parsed = python::Parse(std::move(source));
  RunChecks(*pass);
  size_t original_errors = pass->parsed->errors.size();
  for (int round = 0; options_.fix && round < options_.max_fix_rounds; ++round) {
    std::vector<const Fix*> fixes;
    SuppressionIndex suppressions = BuildSuppressions(pass->parsed->source.text(),
                                                      pass->parsed->comments);
    for (const Diagnostic& diagnostic : pass->context->diagnostics()) {
      if (!diagnostic.fix) continue;
      Finding probe = EngineFinding(*diagnostic.rule, input.path, "");
      probe.line = diagnostic.pos.line;
      if (suppressions.IsSuppressed(probe, diagnostic.noqa_parent_line)) continue;
      fixes.push_back(&*diagnostic.fix);
    }
    if (fixes.empty()) break;
    if (!can_fix) {
      outcome.fix_refused = input.is_notebook
                                ? "fixes are not applied to notebooks"
                                : "fixes are not applied to files that are not UTF-8 with LF "
                                  "newlines";
      break;
    }
    std::string text(pass->parsed->source.text());
    uint32_t applied = ApplyFixes(text, std::move(fixes));
    // Edits that change nothing would be counted as fixed on every round.
    if (text == pass->parsed->source.text()) break;
    auto reparsed = python::Parse(python::SourceText::FromUtf8(text));
    if (applied == 0 || reparsed->errors.size() > original_errors) {
      if (applied != 0) outcome.fix_refused = "a fix would have broken the syntax; none applied";
      break;
    }
    outcome.fixes_applied += applied;
    outcome.fixed_bytes = text;
    auto next = std::make_unique<Pass>();
    next->input = &input;
    next->parsed = std::move(reparsed);
    RunChecks(*next);
    pass = std::move(next);
  }
  Finalize(*pass, outcome);
  outcome.project_facts = std::move(pass->project_facts);
  return outcome;
}

void Engine::Finalize(Pass& pass, FileOutcome& outcome) const {
  const python::ParsedModule& parsed = *pass.parsed;
  const std::string& path = pass.input->path;
  SuppressionIndex suppressions =
      BuildSuppressions(parsed.source.text(), parsed.comments, MultilineStringMap(parsed));
  std::vector<Finding> findings;
  std::vector<std::string> line_texts;
  auto line_text = [&](uint32_t line) {
    return line >= 1 && line <= parsed.source.line_count() ? std::string(parsed.source.line(line))
                                                           : std::string();
  };
  auto add = [&](Finding finding, uint32_t source_line, const python::Position* pos,
                 uint32_t noqa_parent_line) {
    // Suppression looks at the module's own lines (a notebook's joined source).
    Finding probe = finding;
    probe.line = source_line;
    if (suppressions.IsSuppressed(probe, noqa_parent_line)) return;
    if (pos != nullptr) PlaceFinding(parsed, pass.notebook, *pos, finding);
    line_texts.push_back(line_text(source_line));
    findings.push_back(std::move(finding));
  };
  if (!parsed.errors.empty()) {
    const python::SyntaxError& error = parsed.errors.front();
    Finding finding = EngineFinding(kSyntaxErrorRule, path,
                                    fmt::format("{}: {}", error.type, error.message));
    python::Position pos{error.line, 0, error.line, 0};
    PlaceFinding(parsed, pass.notebook, pos, finding);
    // CPython's column is already 1-based characters.
    finding.column = finding.end_column = std::max<uint32_t>(error.column, 1);
    add(std::move(finding), error.line, nullptr, 0);
  }
  for (Diagnostic& diagnostic : pass.context->diagnostics()) {
    Finding finding = EngineFinding(*diagnostic.rule, path, std::move(diagnostic.message));
    if (diagnostic.effort_minutes != 0) finding.effort_minutes = diagnostic.effort_minutes;
    finding.fixable = diagnostic.fix.has_value() && pass.notebook == nullptr;
    add(std::move(finding), diagnostic.pos.line, &diagnostic.pos, diagnostic.noqa_parent_line);
  }
  std::filesystem::path config_path = config_.root / path;
  UnusedNoqaOptions noqa_options{
      .path = path,
      .is_known = [](std::string_view code) { return FindRule(code) != nullptr; },
      .is_enabled =
          [&](std::string_view code) { return config::IsEnabled(config_, code, config_path); }};
  if (config::IsEnabled(config_, kUnusedNoqaRule.code, config_path)) {
    for (Finding& unused : suppressions.UnusedSuppressions(noqa_options)) {
      uint32_t source_line = unused.line;
      if (pass.notebook != nullptr) {
        std::optional<notebook::CellPosition> at = pass.notebook->MapPosition(source_line, 0);
        if (at) {
          unused.cell = at->cell;
          unused.line = unused.end_line = at->line;
        }
      }
      line_texts.push_back(line_text(source_line));
      findings.push_back(std::move(unused));
    }
  }
  // Sort findings and their line texts together.
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return FindingLess(findings[a], findings[b]); });
  std::vector<Finding> sorted;
  std::vector<std::string> sorted_texts;
  for (size_t i : order) {
    sorted.push_back(std::move(findings[i]));
    sorted_texts.push_back(std::move(line_texts[i]));
  }
  AssignFingerprints(sorted, sorted_texts);
  outcome.findings = std::move(sorted);
  outcome.suppressions = std::move(suppressions);
}

std::vector<Finding> Engine::CheckProject(std::vector<FileOutcome>& outcomes,
                                          const std::vector<std::string>& paths) const {
  std::vector<Finding> out;
  for (size_t c = 0; c < project_checks_.size(); ++c) {
    const Check& check = *project_checks_[c];
    std::vector<ProjectFile> files;
    std::unordered_map<std::string_view, size_t> index_of;
    for (size_t f = 0; f < outcomes.size(); ++f) {
      if (c >= outcomes[f].project_facts.size() || !outcomes[f].project_facts[c].has_value()) {
        continue;
      }
      files.push_back({paths[f], &outcomes[f].project_facts[c]});
      index_of[paths[f]] = f;
    }
    if (files.empty()) continue;
    ProjectContext context;
    check.on_project(files, context);
    std::unordered_map<std::string, std::vector<size_t>> by_file;
    std::vector<Finding> found;
    std::vector<std::string> texts;
    for (CheckContext::PlacedFinding& placed : context.findings()) {
      auto it = index_of.find(placed.finding.path);
      if (it != index_of.end() && outcomes[it->second].suppressions &&
          placed.finding.line != 0 && !placed.finding.cell &&
          outcomes[it->second].suppressions->IsSuppressed(placed.finding)) {
        continue;
      }
      found.push_back(std::move(placed.finding));
      texts.push_back(std::move(placed.line_text));
    }
    AssignFingerprints(found, texts);
    for (Finding& finding : found) out.push_back(std::move(finding));
  }
  return out;
}

void AssignFingerprints(std::vector<Finding>& findings,
                        const std::vector<std::string>& line_texts) {
  // Occurrences count per (path, code, normalised line); the fingerprint
  // function normalises whitespace itself, so count on its result.
  std::unordered_map<std::string, uint32_t> seen;
  for (size_t i = 0; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    std::string_view text = i < line_texts.size() ? std::string_view(line_texts[i]) : "";
    std::string base = ComputeFingerprint(finding.code, finding.path, text, 0);
    uint32_t occurrence = seen[base]++;
    finding.fingerprint =
        occurrence == 0 ? base : ComputeFingerprint(finding.code, finding.path, text, occurrence);
  }
}

}  // namespace dsaudit::checks
