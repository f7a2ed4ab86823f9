// DS853: a `.env` file or a file made to hold credentials (SSH keys, cloud
// credentials, .netrc, .pgpass, Terraform state) is part of the project.
#include <fmt/format.h>

#include <algorithm>

#include "audit/project_check.h"
#include "audit/secrets/scanner.h"
#include "base/file_io.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS853",
    .name = "committed-env-file",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .what = "Reports `.env` files that set at least one variable (`.env.example`, `.env.sample` "
            "and `.env.template` are templates and fine) and files whose purpose is to hold "
            "credentials: SSH private keys (`id_rsa`, `id_ed25519`, ...), `*.pem`/`*.key` files "
            "holding a private key, key stores (`*.p12`, `*.pfx`, `*.jks`, `*.keystore`), "
            "`.aws/credentials`, `credentials.json`, `client_secret*.json`, `.netrc`, `.pgpass`, "
            "`.git-credentials`, `.htpasswd`, `.pypirc` and `.npmrc` with a password or token, "
            "Docker `config.json` with auths, kubeconfig files with keys or tokens, and Terraform "
            "state (`*.tfstate`), which stores every secret of the infrastructure in plain text. "
            "Files excluded by .gitignore are not part of the project and are not reported.",
    .why = "These files exist to hold secrets on one machine. Committed, they give every reader of "
           "the repository (and of its history, forever) the credentials of the developer or of "
           "production, and they invite the next person to add theirs.",
    .example = "```text\n.env\nterraform/terraform.tfstate\ndeploy/id_rsa\n```",
    .instead = "Remove the file from the repository (`git rm --cached .env`), add it to "
               "`.gitignore`, commit a `.env.example` with empty values, rotate what it held, and "
               "keep Terraform state in a remote backend.",
};

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// `KEY=value` lines with a value; comments and `KEY=` do not count.
uint32_t AssignedVariables(std::string_view text) {
  uint32_t count = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    size_t equals = line.find('=');
    if (equals == std::string_view::npos || equals == 0) continue;
    std::string_view value = line.substr(equals + 1);
    if (value.empty() || value == "\"\"" || value == "''") continue;
    ++count;
  }
  return count;
}

// Content that satisfies every content test of CredentialKind, to ask
// whether a name alone could be a credential file.
constexpr std::string_view kAnyContent =
    "PRIVATE KEY----- password _authToken \"auth\" client-key-data token:";

// What kind of credential file `path` is, or empty; `text` settles the
// names that may also hold harmless content.
std::string CredentialKind(std::string_view path, std::string_view text) {
  size_t slash = path.rfind('/');
  std::string name = Lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  std::string lower_path = Lower(path);
  auto has = [&](std::string_view needle) { return text.find(needle) != std::string_view::npos; };
  for (std::string_view key : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}) {
    if (name == key) return "SSH private key";
  }
  if ((name.ends_with(".pem") || name.ends_with(".key")) && has("PRIVATE KEY-----")) {
    return "private key file";
  }
  for (std::string_view store : {".p12", ".pfx", ".jks", ".keystore"}) {
    if (name.ends_with(store)) return "key store";
  }
  if (name == "credentials" && lower_path.ends_with(".aws/credentials")) return "AWS credentials file";
  if (name == "credentials.json" || (name.starts_with("client_secret") && name.ends_with(".json"))) {
    return "credentials file";
  }
  if (name == ".netrc" || name == "_netrc") return ".netrc with logins";
  if (name == ".pgpass") return "PostgreSQL password file";
  if (name == ".git-credentials") return "git credentials file";
  if (name == ".htpasswd") return "htpasswd file";
  if (name == ".pypirc" && has("password")) return ".pypirc with a password";
  if (name == ".npmrc" && (has("_authToken") || has("_password") || has("_auth="))) {
    return ".npmrc with a token";
  }
  if (name == "config.json" && lower_path.ends_with(".docker/config.json") && has("\"auth\"")) {
    return "Docker credentials file";
  }
  if ((name == "kubeconfig" || lower_path.ends_with(".kube/config")) &&
      (has("client-key-data") || has("token:"))) {
    return "kubeconfig with credentials";
  }
  if (name.ends_with(".tfstate") || name.ends_with(".tfstate.backup")) return "Terraform state";
  return "";
}

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  for (const InventoryFile* file : inventory.Files(FileRole::kEnvFile)) {
    uint32_t variables = AssignedVariables(file->text);
    if (variables == 0) continue;
    context.Report(kRule, *file, Span{},
                   fmt::format("environment file {} is committed with {} variable{} set",
                               file->path, variables, variables == 1 ? "" : "s"));
  }
  for (const std::string& path : secrets::FilesOutsideInventory(inventory)) {
    // The name first: only candidates are read.
    if (CredentialKind(path, kAnyContent).empty()) continue;
    InventoryFile file{.path = path};
    std::string error;
    ReadFileBytes((inventory.root / path).string(), &file.text, &error, kMaxTextBytes);
    std::string kind = CredentialKind(path, file.text);
    if (kind.empty()) continue;
    file.text.clear();
    context.Report(kRule, file, Span{}, fmt::format("{} {} is committed", kind, path));
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
