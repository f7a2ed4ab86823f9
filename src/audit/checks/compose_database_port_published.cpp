// DS881: Reports database ports that compose publishes on every interface of the host.
#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS881",
    .name = "compose-database-port-published",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 10,
    .what = "Reports compose `ports:` entries that publish a database's port (PostgreSQL, MySQL/MariaDB, MongoDB, Redis, Elasticsearch, Cassandra, ClickHouse, ...) on all of the host's interfaces.",
    .why = "A published port is open to whatever can reach the host; databases with default or weak passwords are found by scanners within hours. Services on the same compose network reach the database without publishing anything.",
    .example = "```yaml\ndb:\n  image: postgres:16\n  ports:\n    - \"5432:5432\"\n```",
    .instead = "```yaml\ndb:\n  image: postgres:16\n  # no ports: other services use db:5432\n  # or, for local tools only:\n  ports:\n    - \"127.0.0.1:5432:5432\"\n```",
};

struct Database {
  std::string_view image;
  int port;
};
constexpr Database kDatabases[] = {
    {"postgres", 5432}, {"mysql", 3306},          {"mariadb", 3306},   {"mongo", 27017},
    {"redis", 6379},    {"elasticsearch", 9200},  {"opensearch", 9200}, {"cassandra", 9042},
    {"clickhouse", 8123}, {"memcached", 11211},   {"influxdb", 8086},  {"neo4j", 7687},
};

// The database an image runs ("postgres:16", "bitnami/redis"), or nullptr.
const Database* DatabaseOfImage(std::string_view image) {
  size_t slash = image.rfind('/');
  std::string_view name = slash == std::string_view::npos ? image : image.substr(slash + 1);
  name = name.substr(0, name.find_first_of(":@"));
  for (const Database& database : kDatabases) {
    if (name == database.image) return &database;
  }
  return nullptr;
}

// For services built from a Dockerfile: the database whose port it is.
const Database* DatabaseOfPort(int port) {
  for (const Database& database : kDatabases) {
    if (port == database.port) return &database;
  }
  return nullptr;
}

// "5432:5432", "0.0.0.0:5432:5432", "127.0.0.1:5432:5432", "5432" -> host
// address ("" for every interface) and container port.
bool ParsePort(std::string_view text, std::string* host, int* container_port) {
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) text = text.substr(0, slash);
  size_t last = text.rfind(':');
  std::string_view container = last == std::string_view::npos ? text : text.substr(last + 1);
  if (container.empty()) return false;
  *container_port = 0;
  for (char c : container) {
    if (c < '0' || c > '9') return false;
    *container_port = *container_port * 10 + (c - '0');
    if (*container_port > 65535) return false;
  }
  if (last == std::string_view::npos) return false;  // container port only: docker picks a host port
  std::string_view front = text.substr(0, last);
  size_t first = front.rfind(':');
  *host = first == std::string_view::npos ? "" : std::string(front.substr(0, first));
  if (*host == "0.0.0.0" || *host == "::" || *host == "[::]") host->clear();
  return true;
}

void Run(AuditContext& context) {
  for (const ComposeService& service : context.infra().services) {
    YAML::Node ports = Child(service.body, "ports");
    if (!ports || !ports.IsSequence()) continue;
    std::string image = ScalarOf(Child(service.body, "image"));
    for (const YAML::Node& port : ports) {
      std::string host;
      int container_port = 0;
      if (port.IsMap()) {  // long syntax: {target: 5432, published: 5432, host_ip: ...}
        if (!Child(port, "published")) continue;
        host = ScalarOf(Child(port, "host_ip"));
        if (host == "0.0.0.0") host.clear();
        container_port = std::atoi(ScalarOf(Child(port, "target")).c_str());
      } else if (!ParsePort(ScalarOf(port), &host, &container_port)) {
        continue;
      }
      if (!host.empty()) continue;
      const Database* database = image.empty() ? DatabaseOfPort(container_port) : DatabaseOfImage(image);
      if (database == nullptr) continue;
      const InventoryFile& file = *service.yaml->file;
      context.Report(kRule, file, NodeSpan(file, port),
                     fmt::format("service '{}' publishes {} port {} on every interface of the host",
                                 service.name, database->image, container_port));
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
