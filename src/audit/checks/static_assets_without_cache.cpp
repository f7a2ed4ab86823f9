// DS892: a service that serves static files itself, with nothing caching them.
#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <system_error>

#include "audit/checks/service_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS892",
    .name = "static-assets-without-cache",
    .area = Area::kLoad,
    .severity = Severity::kMinor,
    .effort_minutes = 60,
    .what = "Reports a service that serves static files from the application itself (a "
            "`static/` folder beside a Flask app, `static_folder`, `send_from_directory`, "
            "Starlette/FastAPI `StaticFiles`, Django's `STATIC_ROOT`, aiohttp's `add_static`) "
            "with nothing in front to cache them: no CDN in Terraform (CloudFront, Cloud CDN, "
            "Azure CDN/Front Door, Fastly, Cloudflare), no nginx, Varnish, Caddy or Traefik "
            "image in compose, Kubernetes or a Dockerfile, no WhiteNoise, and no `Cache-Control` "
            "or `max_age` set in the code.",
    .why = "Every image, script and stylesheet then costs a Python worker: under load the "
           "workers that should answer predictions are busy copying files, and every user "
           "downloads them again on each visit.",
    .example = "```python\napp = Flask(__name__, static_folder=\"static\")\n```",
    .instead = "Put the files behind a CDN or a caching proxy, or serve them with WhiteNoise "
               "(compressed, with far-future `Cache-Control` headers):\n\n```python\nfrom "
               "whitenoise import WhiteNoise\n\napp.wsgi_app = WhiteNoise(app.wsgi_app, "
               "root=\"static/\", max_age=31536000)\n```",
};

constexpr std::array<std::string_view, 7> kServesStatic = {
    "static_folder", "send_from_directory", "StaticFiles", "STATIC_ROOT", "add_static",
    "send_static_file", "static_url_path"};
constexpr std::array<std::string_view, 4> kCachesInCode = {
    "Cache-Control", "SEND_FILE_MAX_AGE_DEFAULT", "max_age=", "cache_timeout="};
constexpr std::array<std::string_view, 9> kCdnResources = {
    "aws_cloudfront_distribution", "google_compute_backend_bucket", "azurerm_cdn_profile",
    "azurerm_cdn_endpoint",        "azurerm_cdn_frontdoor_profile", "azurerm_frontdoor",
    "fastly_service_vcl",          "cloudflare_zone",               "cloudflare_record"};
constexpr std::array<std::string_view, 5> kCachingProxies = {"nginx", "varnish", "caddy",
                                                             "traefik", "haproxy"};

bool MentionsAny(std::string_view text, std::span<const std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (text.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

// The first Python file that serves static files, or nullptr.
const InventoryFile* StaticServer(const Inventory& inventory, const PackagingModel::Import& web) {
  for (const InventoryFile* file : inventory.Files(FileRole::kPython)) {
    if (!file->is_test && MentionsAny(file->text, kServesStatic)) return file;
  }
  // Flask serves a `static/` folder beside the app without being told.
  if (web.module == "flask") {
    std::filesystem::path folder =
        (inventory.root / web.file->path).parent_path() / "static";
    std::error_code error;
    if (std::filesystem::is_directory(folder, error)) return web.file;
  }
  return nullptr;
}

bool HasCachingLayer(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  if (ImportsAny(context, {"whitenoise"})) return true;
  for (const InventoryFile* file : inventory.Files(FileRole::kPython)) {
    if (MentionsAny(file->text, kCachesInCode)) return true;
  }
  for (FileRole role : {FileRole::kCompose, FileRole::kKubernetes, FileRole::kDockerfile,
                        FileRole::kHelmValues}) {
    for (const InventoryFile* file : inventory.Files(role)) {
      for (std::string_view proxy : kCachingProxies) {
        // `image: nginx:1.25`, `FROM nginx:alpine`, `repository: traefik`.
        for (std::string_view prefix : {"image: ", "FROM ", "repository: "}) {
          std::string needle = fmt::format("{}{}", prefix, proxy);
          if (file->text.find(needle) != std::string::npos) return true;
        }
      }
    }
  }
  for (const TfResource& resource : context.infra().resources) {
    for (std::string_view type : kCdnResources) {
      if (resource.type() == type) return true;
    }
  }
  return false;
}

void Run(AuditContext& context) {
  const PackagingModel::Import* web = WebFrameworkImport(context);
  if (web == nullptr) return;
  const InventoryFile* server = StaticServer(context.inventory(), *web);
  if (server == nullptr || HasCachingLayer(context)) return;
  context.Report(kRule, *web->file, web->span,
                 fmt::format("the service ({} in {}) serves static files itself ({}) with no CDN, "
                             "caching proxy or cache headers in front of them",
                             web->module, web->file->path, server->path));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
