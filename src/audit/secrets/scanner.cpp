#include "audit/secrets/scanner.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <system_error>
#include <thread>
#include <unordered_set>

#include "audit/secrets/entropy.h"
#include "audit/secrets/redact.h"
#include "base/file_io.h"
#include "checks/security/security_util.h"
#include "discovery/discovery.h"
#include "discovery/gitignore.h"

namespace dsaudit::audit::secrets {
namespace {

namespace fs = std::filesystem;

// A key format with a recognisable shape. The pattern's group 1 is the secret.
struct ProviderRule {
  std::string_view id;
  std::string_view name;
  std::array<std::string_view, 5> keywords;  // any one must occur; empty ends the list
  bool lowercase_keywords;                   // searched in the lower-cased text
  const char* pattern;
  double min_entropy;  // rejects `ghp_000...` and similar fillers
};

// Formats as the providers publish them (prefix, alphabet, length).
constexpr ProviderRule kProviderRules[] = {
    {"aws-access-key-id", "AWS access key ID", {"AKIA", "ASIA", "ABIA", "ACCA"}, false,
     R"(\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b)", 3.0},
    {"aws-secret-access-key", "AWS secret access key", {"aws"}, true,
     R"((?i)aws_?secret_?(?:access_?)?key["']?\s*(?:=|:|=>)\s*["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$))",
     4.0},
    {"gcp-api-key", "Google Cloud API key", {"AIza"}, false, R"(\b(AIza[0-9A-Za-z_\-]{35})(?:[^0-9A-Za-z_\-]|$))",
     3.5},
    {"azure-storage-account-key", "Azure storage account key", {"AccountKey="}, false,
     R"(AccountKey=([A-Za-z0-9+/]{86}==))", 4.0},
    {"azure-ad-client-secret", "Azure AD client secret", {"Q~"}, false,
     R"((?:^|[^A-Za-z0-9_~.\-])([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?:[^A-Za-z0-9_~.\-]|$))", 3.5},
    {"github-token", "GitHub token", {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}, false,
     R"(\b(gh[pousr]_[A-Za-z0-9]{36})\b)", 3.5},
    {"github-fine-grained-token", "GitHub fine-grained token", {"github_pat_"}, false,
     R"(\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b)", 3.5},
    {"gitlab-token", "GitLab token", {"glpat-", "glptt-", "glrt-", "gldt-"}, false,
     R"((?:^|[^A-Za-z0-9_\-])((?:glpat|glrt|gldt)-[A-Za-z0-9_\-]{20,}|glptt-[0-9a-f]{40})(?:[^A-Za-z0-9_\-]|$))",
     3.0},
    {"slack-token", "Slack token", {"xox"}, false,
     R"(\b(xox[abposr]-[0-9]{10,13}-[0-9A-Za-z\-]{10,100})\b)", 3.0},
    {"slack-webhook", "Slack webhook URL", {"hooks.slack.com"}, false,
     R"(hooks\.slack\.com/(?:services|workflows)/([A-Za-z0-9+/_]{30,}))", 3.5},
    {"stripe-secret-key", "Stripe live secret key", {"sk_live_", "rk_live_"}, false,
     R"(\b((?:sk|rk)_live_[0-9A-Za-z]{24,99})\b)", 3.5},
    {"openai-api-key", "OpenAI API key", {"T3BlbkFJ"}, false,
     R"(\b(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\-]{20,160}T3BlbkFJ[A-Za-z0-9_\-]{20,160})(?:[^A-Za-z0-9_\-]|$))",
     3.5},
    {"huggingface-token", "Hugging Face token", {"hf_", "api_org_"}, false,
     R"(\b((?:hf|api_org)_[A-Za-z]{34})\b)", 3.5},
    {"jwt", "JSON web token", {"eyJ"}, false,
     R"(\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{16,})(?:[^A-Za-z0-9_\-.]|$))", 3.0},
};

constexpr size_t kRuleCount = std::size(kProviderRules);

const std::array<std::unique_ptr<RE2>, kRuleCount>& CompiledRules() {
  static const auto* compiled = [] {
    auto* out = new std::array<std::unique_ptr<RE2>, kRuleCount>;
    for (size_t i = 0; i < kRuleCount; ++i) {
      (*out)[i] = std::make_unique<RE2>(kProviderRules[i].pattern);
    }
    return out;
  }();
  return *compiled;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

size_t LineStart(std::string_view text, size_t at) {
  size_t newline = text.rfind('\n', at == 0 ? 0 : at - 1);
  if (at == 0 || newline == std::string_view::npos) return 0;
  return newline + 1;
}

uint64_t HashValue(std::string_view value) { return std::hash<std::string_view>{}(value); }

size_t Offset(std::string_view text, re2::StringPiece piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

// Documentation's own example keys (AWS's AKIAIOSFODNN7EXAMPLE, "your key
// here") are no leak.
bool LooksLikeExample(std::string_view value) {
  std::string lower = Lower(value);
  for (std::string_view word : {"example", "xxxxx", "sample", "dummy", "placeholder", "your_",
                                "your-", "yourkey", "redacted", "changeit_"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// --- JWT: the header must decode to JSON naming an algorithm.
bool DecodesToJwtHeader(std::string_view segment) {
  std::string decoded;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : segment) {
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      value = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      value = c - '0' + 52;
    } else if (c == '-' || c == '+') {
      value = 62;
    } else if (c == '_' || c == '/') {
      value = 63;
    } else {
      break;
    }
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      decoded.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return decoded.starts_with("{") && (decoded.find("\"alg\"") != std::string::npos ||
                                      decoded.find("\"typ\"") != std::string::npos);
}

void ScanProviderRules(std::string_view text, const std::string& lower,
                       std::vector<SecretHit>& hits) {
  const auto& compiled = CompiledRules();
  for (size_t i = 0; i < kRuleCount; ++i) {
    const ProviderRule& rule = kProviderRules[i];
    std::string_view haystack = rule.lowercase_keywords ? std::string_view(lower) : text;
    size_t first = std::string_view::npos;
    for (std::string_view keyword : rule.keywords) {
      if (keyword.empty()) break;
      first = std::min(first, haystack.find(keyword));
    }
    if (first == std::string_view::npos) continue;
    size_t start = LineStart(text, first);
    re2::StringPiece input(text.data() + start, text.size() - start);
    re2::StringPiece secret;
    while (RE2::FindAndConsume(&input, *compiled[i], &secret)) {
      std::string_view value(secret.data(), secret.size());
      if (ShannonEntropy(value) < rule.min_entropy || LooksLikeExample(value)) continue;
      if (rule.id == "jwt" && !DecodesToJwtHeader(value.substr(0, value.find('.')))) continue;
      size_t begin = Offset(text, secret);
      hits.push_back({rule.id, begin, begin + value.size(), false,
                      fmt::format("{} '{}'", rule.name, Redact(value)), HashValue(value)});
    }
  }
}

// --- Private keys: a PEM block whose body is real base64, not "...".
void ScanPrivateKeys(std::string_view text, std::vector<SecretHit>& hits) {
  static const RE2 kHeader(R"(-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----)");
  static const RE2 kServiceAccount(R"re("type"\s*:\s*"service_account")re");
  const bool service_account = text.find("service_account") != std::string_view::npos &&
                               RE2::PartialMatch(text, kServiceAccount);
  for (size_t at = text.find("-----BEGIN"); at != std::string_view::npos;
       at = text.find("-----BEGIN", at + 1)) {
    re2::StringPiece input(text.data() + at, std::min<size_t>(text.size() - at, 80));
    re2::StringPiece type;
    if (!RE2::Consume(&input, kHeader, &type)) continue;
    size_t body_start = at + (input.data() - (text.data() + at));
    // 16 KB holds an 8192-bit RSA key with room to spare.
    size_t end_marker = text.substr(body_start, 16384).find("-----END");
    if (end_marker == std::string_view::npos) continue;
    std::string_view body = text.substr(body_start, end_marker);
    size_t base64 = 0;
    for (size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c == '\\' && i + 1 < body.size()) {  // "\n" escapes inside JSON strings
        ++i;
        continue;
      }
      base64 += std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
    }
    if (base64 < 64 || LooksLikeExample(body)) continue;
    size_t end = body_start + end_marker;
    size_t close = text.find("-----", end + 8);
    end = close == std::string_view::npos ? end + 8 : close + 5;
    std::string kind(type.data(), type.size());
    while (!kind.empty() && kind.back() == ' ') kind.pop_back();
    std::string description =
        service_account ? "GCP service account private key"
                        : (kind.empty() ? "private key" : fmt::format("{} private key", kind));
    hits.push_back({service_account ? "gcp-service-account" : "private-key", at, end, false,
                    std::move(description), HashValue(body)});
    at = end - 1;
  }
}

// --- Passwords and placeholders.

// Defaults of services, on top of the common-password list the Python checks
// use: `POSTGRES_PASSWORD: postgres` is the image's documented default.
bool IsServiceDefault(std::string_view lower) {
  for (std::string_view value : {"postgres", "mysql", "mariadb", "mongo", "mongodb", "redis",
                                 "rabbitmq", "elastic", "changeit", "tiger", "minioadmin",
                                 "airflow", "jupyter", "oracle", "sa"}) {
    if (lower == value) return true;
  }
  return false;
}

bool IsWeak(std::string_view value) {
  return checks::security::IsWeakPassword(value) || IsServiceDefault(Lower(value));
}

// Values that name where the secret comes from rather than being it.
bool IsPlaceholder(std::string_view value, bool unquoted) {
  if (value.empty()) return true;
  static constexpr std::string_view kLeading = "$%{<@!&*[(";
  if (kLeading.find(value.front()) != std::string_view::npos) return true;
  for (std::string_view marker : {"${", "{{", "}}", "$(", "%(", "#{", "://", "ENC[", "vault:",
                                  "arn:aws:", "ref+", "/run/secrets", "secretsmanager"}) {
    if (value.find(marker) != std::string_view::npos) return true;
  }
  std::string lower = Lower(value);
  for (std::string_view exact : {"true", "false", "null", "none", "nil", "undefined", "yes", "no",
                                 "on", "off", "required", "optional", "string", "str"}) {
    if (lower == exact) return true;
  }
  if (LooksLikeExample(value)) return true;
  if (value.find_first_not_of(value.front()) == std::string_view::npos) return true;  // "****"
  // ENV_VAR_NAME: a reference to where the value lives.
  if (value.find('_') != std::string_view::npos &&
      value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string_view::npos) {
    return true;
  }
  // In configuration an unquoted call or path is no literal either.
  if (unquoted && (value.find('(') != std::string_view::npos || value.front() == '/' ||
                   value.front() == '.' || value.front() == '~')) {
    return true;
  }
  return false;
}

// --- Database URLs.
std::string_view SchemeName(std::string_view lower_scheme) {
  if (lower_scheme.starts_with("postgres") || lower_scheme == "psql") return "PostgreSQL";
  if (lower_scheme.starts_with("mysql")) return "MySQL";
  if (lower_scheme.starts_with("mariadb")) return "MariaDB";
  if (lower_scheme.starts_with("mongodb")) return "MongoDB";
  if (lower_scheme.starts_with("redis")) return "Redis";
  if (lower_scheme.starts_with("amqp")) return "AMQP";
  if (lower_scheme.starts_with("mssql") || lower_scheme.starts_with("sqlserver")) return "SQL Server";
  return "database";
}

void ScanDatabaseUrls(std::string_view text, const ScanOptions& options,
                      std::vector<SecretHit>& hits) {
  size_t first = text.find("://");
  if (first == std::string_view::npos || text.find('@', first) == std::string_view::npos) return;
  static const RE2 kUrl(
      R"((?i)\b((?:jdbc:)?(?:postgres(?:ql)?|psql|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|clickhouse|cockroachdb)(?:\+[a-z0-9]+)?)://([^:/@\s"'<>]+):([^@/\s"'<>]+)@([^\s"'/:?#,;]+))");
  size_t start = LineStart(text, first);
  re2::StringPiece input(text.data() + start, text.size() - start);
  re2::StringPiece scheme, user, password, host;
  while (RE2::FindAndConsume(&input, kUrl, &scheme, &user, &password, &host)) {
    std::string_view value(password.data(), password.size());
    std::string_view user_name(user.data(), user.size());
    std::string lower_host = Lower(std::string_view(host.data(), host.size()));
    if (IsPlaceholder(value, false) || user_name.starts_with("$") || user_name.starts_with("{") ||
        lower_host == "host" || lower_host == "hostname" || lower_host.find("example") != std::string::npos) {
      continue;
    }
    bool weak = IsWeak(value) || Lower(value) == Lower(user_name);
    if (weak ? !options.weak_passwords || options.only_strong : options.only_weak) continue;
    std::string lower_scheme = Lower(std::string_view(scheme.data(), scheme.size()));
    size_t begin = Offset(text, password);
    // `guest:guest@`: the user name would give the password away.
    const bool same = Lower(value) == Lower(user_name);
    std::string url = fmt::format("{}://{}:{}@{}", std::string_view(scheme.data(), scheme.size()),
                                  same ? Redact(user_name) : std::string(user_name), Redact(value),
                                  std::string_view(host.data(), host.size()));
    hits.push_back({weak ? "database-url-weak-password" : "database-url", begin,
                    begin + value.size(), weak,
                    fmt::format("{} URL {} with a {}password", SchemeName(lower_scheme), url,
                                weak ? "weak, commonly used " : "hard-coded "),
                    HashValue(value)});
  }
}

// --- Generic assignments: `password = "..."`, `API_KEY: ...`, `"token": "..."`.
enum class KeyClass { kNone, kPassword, kSecret };

std::vector<std::string> KeySegments(std::string_view key) {
  std::vector<std::string> segments(1);
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c == '_' || c == '-' || c == '.') {
      if (!segments.back().empty()) segments.emplace_back();
      continue;
    }
    bool upper = c >= 'A' && c <= 'Z';
    // camelCase boundary: a capital after a lower-case letter or digit.
    if (upper && i > 0 && ((key[i - 1] >= 'a' && key[i - 1] <= 'z') ||
                           (key[i - 1] >= '0' && key[i - 1] <= '9'))) {
      if (!segments.back().empty()) segments.emplace_back();
    }
    segments.back().push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (segments.back().empty()) segments.pop_back();
  return segments;
}

// The last word decides: `DB_PASSWORD` and `client_secret` hold secrets,
// `password_file`, `token_url` and `tokenizer` do not.
KeyClass ClassifyKey(std::string_view key) {
  std::vector<std::string> segments = KeySegments(key);
  if (segments.empty()) return KeyClass::kNone;
  const std::string& last = segments.back();
  const std::string previous = segments.size() > 1 ? segments[segments.size() - 2] : "";
  for (std::string_view word : {"password", "passwd", "pwd", "pass", "passphrase", "dbpass"}) {
    if (last == word) return KeyClass::kPassword;
  }
  for (std::string_view word : {"secret", "apikey", "secretkey", "accesskey", "privatekey",
                                "authtoken", "accesstoken", "apitoken", "clientsecret"}) {
    if (last == word) return KeyClass::kSecret;
  }
  if (last == "token") {
    // Tokenizer settings (`pad_token = "[PAD]"`) and counts are no secrets.
    for (std::string_view word : {"pad", "eos", "bos", "unk", "sep", "cls", "mask", "special",
                                  "start", "end", "max", "num", "n", "next", "page", "csrf"}) {
      if (previous == word) return KeyClass::kNone;
    }
    return KeyClass::kSecret;
  }
  if (last == "key") {
    for (std::string_view word : {"api", "access", "secret", "private", "auth", "encryption",
                                  "signing", "master", "client", "app", "account", "subscription"}) {
      if (previous == word) return KeyClass::kSecret;
    }
  }
  return KeyClass::kNone;
}

void ScanAssignmentsInLine(std::string_view text, size_t line_begin, size_t line_end,
                           const ScanOptions& options, std::vector<SecretHit>& hits) {
  static const RE2 kAssignment(
      R"re((?:^|[^A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_.\-]*)(["']?)\]?[ \t]*(:=|=>|==|!=|[:=])[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"',;#)}\]]+)))re");
  re2::StringPiece input(text.data() + line_begin, line_end - line_begin);
  re2::StringPiece key, key_quote, op, double_quoted, single_quoted, bare;
  while (RE2::FindAndConsume(&input, kAssignment, &key, &key_quote, &op, &double_quoted,
                             &single_quoted, &bare)) {
    if (op == "==" || op == "!=") continue;
    // Python: `private_key: "KeyType"` is an annotation; only a dict's
    // quoted key takes a value after a colon.
    if (options.skip_python_password_names && op == ":" && key_quote.empty()) continue;
    KeyClass key_class = ClassifyKey(std::string_view(key.data(), key.size()));
    if (key_class == KeyClass::kNone) continue;
    if (options.skip_python_password_names &&
        checks::security::MatchesPasswordName(std::string_view(key.data(), key.size()))) {
      continue;
    }
    const bool unquoted = double_quoted.data() == nullptr && single_quoted.data() == nullptr;
    if (unquoted && !options.unquoted_values) continue;
    re2::StringPiece piece = double_quoted.data() != nullptr   ? double_quoted
                             : single_quoted.data() != nullptr ? single_quoted
                                                               : bare;
    std::string_view value(piece.data(), piece.size());
    std::string_view key_name(key.data(), key.size());
    if (IsPlaceholder(value, unquoted)) continue;
    // A label (`"password": "Password"` in a translation file) is no password.
    if (Lower(value) == Lower(key_name) && value != Lower(value)) continue;
    size_t begin = Offset(text, piece);
    if (key_class == KeyClass::kPassword && IsWeak(value)) {
      if (!options.weak_passwords || options.only_strong) continue;
      hits.push_back({"weak-password", begin, begin + value.size(), true,
                      fmt::format("weak, commonly used password '{}' assigned to {}", Redact(value),
                                  key_name),
                      HashValue(value)});
      continue;
    }
    if (options.only_weak || value.find_first_of(" \t") != std::string_view::npos) continue;
    const double entropy = ShannonEntropy(value);
    const bool strong =
        key_class == KeyClass::kPassword
            ? value.size() >= 6 && CharacterClasses(value) >= 2 && entropy >= 2.0
            // Hex tops out at 4 bits a character, so it gets a lower bar.
            : value.size() >= 16 &&
                  entropy >= (value.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos
                                  ? 3.0
                                  : 3.5);
    if (!strong) continue;
    hits.push_back({key_class == KeyClass::kPassword ? "generic-password" : "generic-secret", begin,
                    begin + value.size(), false,
                    fmt::format("{} '{}' assigned to {}",
                                key_class == KeyClass::kPassword ? "password" : "secret",
                                Redact(value), key_name),
                    HashValue(value)});
  }
}

void ScanAssignments(std::string_view text, const std::string& lower, const ScanOptions& options,
                     std::vector<SecretHit>& hits) {
  // Lines worth the regex: those holding one of the words a secret's key has.
  std::vector<size_t> lines;
  for (std::string_view keyword : {"pass", "pwd", "secret", "token", "key"}) {
    for (size_t at = lower.find(keyword); at != std::string::npos; at = lower.find(keyword, at + 1)) {
      size_t begin = LineStart(text, at);
      lines.push_back(begin);
      size_t end = text.find('\n', at);
      if (end == std::string_view::npos) break;
      at = end;  // one entry per line and keyword
    }
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  for (size_t begin : lines) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    // Minified bundles: one huge line is no configuration.
    if (end - begin > 4096) continue;
    ScanAssignmentsInLine(text, begin, end, options, hits);
  }
}

bool HasExtension(std::string_view lower_name, std::initializer_list<std::string_view> extensions) {
  for (std::string_view extension : extensions) {
    if (lower_name.size() > extension.size() && lower_name.ends_with(extension) &&
        lower_name[lower_name.size() - extension.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

bool IsBinaryByName(std::string_view lower_name) {
  return HasExtension(lower_name,
                      {"png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "pdf",
                       "zip", "gz", "tgz", "bz2", "xz", "7z", "tar", "whl", "egg", "jar", "war",
                       "so", "dylib", "dll", "exe", "o", "a", "pyc", "pyo", "pyd", "class", "pkl",
                       "pickle", "joblib", "pt", "pth", "ckpt", "h5", "hdf5", "onnx", "pb",
                       "tflite", "npy", "npz", "parquet", "feather", "arrow", "avro", "orc", "db",
                       "sqlite", "sqlite3", "mp3", "mp4", "wav", "avi", "mov", "woff", "woff2",
                       "ttf", "otf", "eot", "bin", "safetensors", "xlsx", "xls", "docx", "pptx"});
}

struct Job {
  const InventoryFile* inventory_file = nullptr;  // text already read
  std::string path;                               // else read from root/path
  FileRole role = FileRole::kOther;
};

}  // namespace

std::vector<std::string> FilesOutsideInventory(const Inventory& inventory) {
  std::vector<std::string> out;
  std::unordered_set<std::string_view> known;
  for (const InventoryFile& file : inventory.files) known.insert(file.path);
  discovery::GitIgnore ignore(inventory.root);
  std::vector<std::string> skip = discovery::DiscoveryOptions::DefaultSkipDirNames();
  skip.push_back(".venv");
  std::vector<std::string> stack = {""};
  while (!stack.empty()) {
    std::string dir = std::move(stack.back());
    stack.pop_back();
    std::error_code error;
    fs::path absolute = dir.empty() ? inventory.root : inventory.root / dir;
    std::vector<std::string> subdirs;
    for (auto it = fs::directory_iterator(absolute, error); !error && it != fs::directory_iterator();
         it.increment(error)) {
      std::string name = it->path().filename().string();
      std::string relative = dir.empty() ? name : dir + "/" + name;
      std::error_code status_error;
      // Symlinks are not followed: no loops, nothing outside the project.
      if (it->is_symlink(status_error)) continue;
      if (it->is_directory(status_error)) {
        if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
        if (fs::exists(it->path() / "pyvenv.cfg", status_error)) continue;
        if (ignore.IsIgnored(relative, true)) continue;
        subdirs.push_back(std::move(relative));
        continue;
      }
      if (!it->is_regular_file(status_error) || known.contains(relative)) continue;
      if (IsBinaryByName(Lower(name)) || ignore.IsIgnored(relative, false)) continue;
      out.push_back(std::move(relative));
    }
    std::sort(subdirs.rbegin(), subdirs.rend());
    for (std::string& sub : subdirs) stack.push_back(std::move(sub));
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

ScanOptions Combine(ScanOptions a, const ScanOptions& b) {
  a.provider_keys = a.provider_keys && b.provider_keys;
  a.generic_assignments = a.generic_assignments && b.generic_assignments;
  a.skip_python_password_names = a.skip_python_password_names || b.skip_python_password_names;
  a.unquoted_values = a.unquoted_values && b.unquoted_values;
  a.weak_passwords = a.weak_passwords && b.weak_passwords;
  a.only_weak = a.only_weak || b.only_weak;
  a.only_strong = a.only_strong || b.only_strong;
  return a;
}

}  // namespace

bool IsSecretName(std::string_view name) { return ClassifyKey(name) != KeyClass::kNone; }

ScanOptions OptionsFor(std::string_view path, FileRole role) {
  ScanOptions options;
  size_t slash = path.rfind('/');
  std::string name = Lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (name.ends_with(".pyi")) role = FileRole::kPython;  // type-stub files are Python syntax
  switch (role) {
    case FileRole::kPython:
      options.skip_python_password_names = true;
      options.unquoted_values = false;
      break;
    case FileRole::kNotebook:
    case FileRole::kDockerfile:
    case FileRole::kPipfileLock:
    case FileRole::kPoetryLock:
    case FileRole::kOtherLock:
      options.generic_assignments = false;
      break;
    default:
      break;
  }
  for (std::string_view lock : {"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "cargo.lock",
                                "go.sum", "composer.lock", "gemfile.lock", "npm-shrinkwrap.json"}) {
    if (name == lock) options.generic_assignments = false;
  }
  if (name.ends_with(".min.js") || name.ends_with(".map")) options.generic_assignments = false;
  // In code, an unquoted value is an expression (`password = getpass()`).
  if (HasExtension(name, {"js", "mjs", "cjs", "ts", "jsx", "tsx", "java", "kt", "kts", "scala",
                          "go", "rb", "php", "cs", "c", "cc", "cpp", "h", "hpp", "rs", "swift",
                          "groovy", "gradle", "tf", "hcl", "r", "jl", "lua", "pl", "dart", "m"}) ||
      role == FileRole::kJenkinsfile || role == FileRole::kTerraform) {
    options.unquoted_values = false;
  }
  for (std::string_view suffix : {".example", ".sample", ".template", ".dist", ".tmpl"}) {
    if (name.ends_with(suffix)) options.weak_passwords = false;
  }
  if (IsTestPath(path)) options.weak_passwords = false;
  return options;
}

bool LooksBinary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::vector<SecretHit> ScanText(std::string_view text, const ScanOptions& options) {
  std::vector<SecretHit> hits;
  if (text.empty()) return hits;
  std::string lower = Lower(text);
  if (options.provider_keys && !options.only_weak) {
    ScanProviderRules(text, lower, hits);
    if (text.find("-----BEGIN") != std::string_view::npos) ScanPrivateKeys(text, hits);
  }
  if (options.provider_keys || options.weak_passwords) ScanDatabaseUrls(text, options, hits);
  if (options.generic_assignments) ScanAssignments(text, lower, options, hits);
  std::sort(hits.begin(), hits.end(), [](const SecretHit& a, const SecretHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // `GITHUB_TOKEN=ghp_...` is one GitHub token, not also a generic secret;
  // `password=postgres://...` keeps the URL's finding.
  std::vector<SecretHit> kept;
  for (SecretHit& hit : hits) {
    bool generic = hit.rule.starts_with("generic-") || hit.rule == "weak-password";
    bool inside = false;
    for (const SecretHit& other : hits) {
      if (&other == &hit) continue;
      bool other_generic = other.rule.starts_with("generic-") || other.rule == "weak-password";
      if (other.begin < hit.end && hit.begin < other.end &&
          ((generic && !other_generic) || (generic == other_generic && &other < &hit &&
                                           other.begin <= hit.begin && hit.end <= other.end))) {
        inside = true;
        break;
      }
    }
    if (!inside) kept.push_back(std::move(hit));
  }
  return kept;
}

std::vector<FileSecrets> ScanProject(const Inventory& inventory, const ScanOptions& base) {
  std::vector<Job> jobs;
  for (const InventoryFile& file : inventory.files) jobs.push_back({&file, file.path, file.role});
  for (std::string& path : FilesOutsideInventory(inventory)) {
    FileRole role = ClassifyPath(path);
    jobs.push_back({nullptr, std::move(path), role});
  }

  std::vector<FileSecrets> results(jobs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      const Job& job = jobs[i];
      std::string owned;
      std::string_view text;
      if (job.inventory_file != nullptr && !job.inventory_file->text.empty()) {
        text = job.inventory_file->text;
      } else {
        std::string error;
        if (!ReadFileBytes((inventory.root / job.path).string(), &owned, &error, kMaxTextBytes)) {
          continue;
        }
        text = owned;
      }
      if (LooksBinary(text)) continue;
      std::vector<SecretHit> hits = ScanText(text, Combine(OptionsFor(job.path, job.role), base));
      if (hits.empty()) continue;
      FileSecrets& result = results[i];
      result.file.path = job.path;
      result.file.role = job.role;
      result.file.text = owned.empty() ? std::string(text) : std::move(owned);
      result.hits = std::move(hits);
    }
  };
  // Threads only pay off beyond a few hundred files.
  unsigned threads = jobs.size() < 256 ? 1 : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();

  std::erase_if(results, [](const FileSecrets& result) { return result.hits.empty(); });
  std::sort(results.begin(), results.end(),
            [](const FileSecrets& a, const FileSecrets& b) { return a.file.path < b.file.path; });
  return results;
}

}  // namespace dsaudit::audit::secrets
