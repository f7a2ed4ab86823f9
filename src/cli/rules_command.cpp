// `dsaudit rules` lists every check; `dsaudit rule CODE` prints one's
// documentation; `dsaudit rules --write-docs DIR` writes docs/rules/.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "checks/registry.h"
#include "checks/rule_docs.h"
#include "cli/commands.h"
#include "reports/json_writer.h"

namespace dsaudit::cli {
namespace {

namespace fs = std::filesystem;

struct RulesOptions {
  std::string format = "text";
  std::string write_docs;
};

void WriteDocs(const std::string& directory) {
  fs::create_directories(directory);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream out(fs::path(directory) / name, std::ios::binary);
    out << text;
    if (!out) {
      std::fprintf(stderr, "dsaudit: error: cannot write %s/%s\n", directory.c_str(), name.c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
  };
  write("README.md", checks::RulesIndexMarkdown());
  for (const RuleInfo* rule : checks::AllRules()) {
    write(fmt::format("{}.md", rule->code), checks::RuleMarkdown(*rule));
  }
}

void ListRules(const RulesOptions& options) {
  if (!options.write_docs.empty()) return WriteDocs(options.write_docs);
  std::string out;
  if (options.format == "json") {
    reports::JsonWriter json;
    json.BeginArray();
    for (const RuleInfo* rule : checks::AllRules()) {
      json.BeginObject();
      json.Key("code");
      json.String(rule->code);
      json.Key("name");
      json.String(rule->name);
      json.Key("area");
      json.String(AreaName(rule->area));
      json.Key("severity");
      json.String(SeverityName(rule->severity));
      json.Key("effort_minutes");
      json.Number(rule->effort_minutes);
      json.Key("fixable");
      json.Bool(rule->fixable);
      json.Key("what");
      json.String(rule->what);
      json.EndObject();
    }
    json.EndArray();
    out = json.Finish();
  } else {
    for (const RuleInfo* rule : checks::AllRules()) {
      out += fmt::format("{:<8} {:<40} {:<13} {:<9}{}\n", rule->code, rule->name,
                         AreaName(rule->area), SeverityName(rule->severity),
                         rule->fixable ? " fix" : "");
    }
    out += fmt::format("{} rules\n", checks::AllRules().size());
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

void RegisterRulesCommands(CLI::App& app) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* rules = app.add_subcommand("rules", "list every check: code, name, area, severity");
  rules->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  rules->add_option("--write-docs", options->write_docs,
                    "write one Markdown page per rule and an index into a directory");
  rules->callback([options] { ListRules(*options); });

  auto code = std::make_shared<std::string>();
  CLI::App* rule = app.add_subcommand("rule", "print a check's documentation");
  rule->add_option("code", *code, "the rule's code, e.g. F401")->required();
  rule->callback([code] {
    const RuleInfo* info = checks::FindRule(*code);
    if (info == nullptr) {
      std::fprintf(stderr, "dsaudit: error: unknown rule '%s' (see `dsaudit rules`)\n",
                   code->c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
    std::string text = checks::RuleMarkdown(*info);
    std::fwrite(text.data(), 1, text.size(), stdout);
  });
}

}  // namespace dsaudit::cli
