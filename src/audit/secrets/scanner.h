// The secret scanner behind DS851-DS854: provider keys (AWS, GCP, Azure,
// GitHub, GitLab, Slack, Stripe, OpenAI, Hugging Face), private keys, JWTs,
// database URLs with a password and generic `password = ...` / `api_key: ...`
// assignments, in any text file.
//
// Cheap before exact, as gitleaks does: each rule names keywords ("AKIA",
// "ghp_", "-----BEGIN", "://", "password"...) and its RE2 pattern only runs
// when one of them occurs in the file, from the line of the first occurrence.
// Generic assignments are matched line by line on the lines holding a keyword,
// and a value counts as a secret only if it is long and random enough
// (Shannon entropy), unless it is a weak password, which is reported as such
// whatever its entropy.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/inventory.h"

namespace dsaudit::audit::secrets {

struct SecretHit {
  std::string_view rule;  // stable id: "aws-access-key-id", "generic-password", ...
  // Byte range of the secret in the scanned text (a private key: the whole block).
  size_t begin = 0;
  size_t end = 0;
  // A weak, commonly used password (DS852) rather than a secret to rotate (DS851).
  bool weak = false;
  // What was found, redacted: "AWS access key ID 'AKIA****************'".
  std::string description;
  // Identifies the secret's value across files and commits without keeping
  // it; never printed.
  uint64_t value_hash = 0;
};

struct ScanOptions {
  bool provider_keys = true;  // every rule but the generic assignments
  // `password = ...` and `api_key: ...`: off where another check owns them
  // (notebooks; Dockerfile ENV/ARG: DS848) and in lock files.
  bool generic_assignments = true;
  // Python and type-stub (.pyi) files: names S105-S107/DS601 check (`password`, `token`,
  // `secret`...) are theirs, `API_KEY = "..."` is still ours; `name: value`
  // is an annotation unless the name is a quoted dict key.
  bool skip_python_password_names = false;
  // Whether `password: hunter2` (no quotes) is a literal: yes in
  // configuration, no in code, where it names a variable.
  bool unquoted_values = true;
  // Off in tests and templates, whose dummy passwords log in to nothing.
  bool weak_passwords = true;
  // Report only weak passwords or only the others (the audit scans once
  // with both and splits by SecretHit::weak; these serve ScanText callers).
  bool only_weak = false;
  bool only_strong = false;
};

// Whether a variable or key name holds a credential (`DB_PASSWORD`,
// `client_secret`, `API_TOKEN`), by its last word: `password_file` and
// `pad_token` do not.
bool IsSecretName(std::string_view name);

// The options a file gets from its path and role.
ScanOptions OptionsFor(std::string_view path, FileRole role);

// Hits sorted by position; a generic hit inside a provider hit is dropped.
std::vector<SecretHit> ScanText(std::string_view text, const ScanOptions& options);

// NUL in the first 8 KB, as git decides.
bool LooksBinary(std::string_view bytes);

// Files of the project the inventory does not keep (it keeps Python,
// packaging, CI, container and configuration files), found by a walk that
// honours .gitignore and skips caches and virtual environments as the
// inventory's does; binary files known by their extension are left out.
// Relative paths, sorted.
std::vector<std::string> FilesOutsideInventory(const Inventory& inventory);

struct FileSecrets {
  InventoryFile file;  // path and text, as AuditContext::Report needs them
  std::vector<SecretHit> hits;
};

// Every text file of the project: the inventory's and FilesOutsideInventory
// (code in other languages, JSON, INI, keys...); binary files and files over
// kMaxTextBytes are skipped. Files are scanned in parallel. Only files with
// hits are returned, sorted by path. `base` is combined with each file's
// OptionsFor (a rule runs where both allow it).
std::vector<FileSecrets> ScanProject(const Inventory& inventory, const ScanOptions& base);

}  // namespace dsaudit::audit::secrets
