#include "audit/packaging_model.h"

#include "base/lines.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

namespace dsaudit::audit {
namespace {

// sys.stdlib_module_names of CPython 3.11 (public names), sorted.
constexpr std::string_view kStdlib[] = {"abc", "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore", "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis", "distutils", "doctest", "email", "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress", "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder", "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle", "pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket", "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave", "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo", "__future__"};

// Import names whose distribution is named differently.
const std::map<std::string_view, std::vector<std::string>>& ImportTable() {
  static const std::map<std::string_view, std::vector<std::string>> table = {
      {"sklearn", {"scikit-learn"}},
      {"skimage", {"scikit-image"}},
      {"cv2", {"opencv-python", "opencv-python-headless", "opencv-contrib-python"}},
      {"yaml", {"pyyaml"}},
      {"PIL", {"pillow"}},
      {"bs4", {"beautifulsoup4"}},
      {"dateutil", {"python-dateutil"}},
      {"dotenv", {"python-dotenv"}},
      {"jwt", {"pyjwt"}},
      {"attr", {"attrs"}},
      {"Crypto", {"pycryptodome"}},
      {"serial", {"pyserial"}},
      {"docx", {"python-docx"}},
      {"magic", {"python-magic"}},
      {"MySQLdb", {"mysqlclient"}},
      {"psycopg2", {"psycopg2", "psycopg2-binary"}},
      {"google", {"google-cloud-storage", "google-cloud-bigquery", "google-api-python-client",
                  "protobuf", "google-auth"}},
      {"googleapiclient", {"google-api-python-client"}},
      {"sentry_sdk", {"sentry-sdk"}},
      {"tensorflow", {"tensorflow", "tensorflow-cpu", "tensorflow-gpu"}},
      {"torch", {"torch", "pytorch"}},
      {"win32api", {"pywin32"}},
      {"OpenSSL", {"pyopenssl"}},
      {"zmq", {"pyzmq"}},
      {"Levenshtein", {"python-levenshtein"}},
      {"fitz", {"pymupdf"}},
      {"sqlalchemy", {"sqlalchemy"}},
      {"pkg_resources", {"setuptools"}},
      {"setuptools", {"setuptools"}},
      {"prometheus_client", {"prometheus-client"}},
      {"huggingface_hub", {"huggingface-hub"}},
      {"mpl_toolkits", {"matplotlib"}},
      {"IPython", {"ipython", "jupyter", "notebook"}},
      {"lightgbm", {"lightgbm"}},
      {"umap", {"umap-learn"}},
      {"faiss", {"faiss-cpu", "faiss-gpu"}},
  };
  return table;
}

constexpr std::string_view kTools[] = {
    "pytest", "pytest-cov", "pytest-xdist", "pytest-mock", "coverage", "gunicorn", "uvicorn",
    "jupyter", "jupyterlab", "notebook", "ipykernel", "ipython", "ipywidgets", "black", "ruff",
    "flake8", "pylint", "mypy", "isort", "pre-commit", "tox", "nox", "setuptools", "wheel", "pip",
    "build", "twine", "sphinx", "mkdocs", "bandit", "dsaudit", "hypothesis", "nbconvert",
    "python", "pip-tools", "poetry", "waitress", "openpyxl", "pyarrow", "fastparquet", "psycopg2-binary",
};

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

// Splits "name[extra]>=1.0; marker" into its name and whether it is pinned.
std::pair<std::string, bool> ParseRequirement(std::string_view spec) {
  size_t end = 0;
  while (end < spec.size() && IsNameChar(spec[end])) ++end;
  std::string name(spec.substr(0, end));
  std::string_view rest = spec.substr(end);
  size_t marker = rest.find(';');
  std::string_view version = rest.substr(0, marker);
  bool pinned = version.find("==") != std::string_view::npos ||
                version.find('@') != std::string_view::npos ||
                spec.find("--hash") != std::string_view::npos;
  if (version.find("==") != std::string_view::npos && version.find('*') != std::string_view::npos) {
    pinned = false;
  }
  return {name, pinned};
}

void ReadRequirements(const InventoryFile& file, std::vector<Dependency>* out) {
  std::string_view text = file.text;
  bool dev = file.path.find("dev") != std::string::npos || file.path.find("test") != std::string::npos;
  ForEachLine(text, [&](const TextLine& text_line) {
    std::string_view line = text_line.text;
    const size_t line_begin = text_line.offset;
    size_t comment = line.find(" #");
    if (line.starts_with("#")) return;
    if (comment != std::string_view::npos) line = line.substr(0, comment);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '-') return;
    std::string spec = Trim(line);
    while (!spec.empty() && spec.back() == '\\') spec = Trim(spec.substr(0, spec.size() - 1));
    auto [name, pinned] = ParseRequirement(spec);
    if (name.empty() || spec.find("://") == 0) return;
    Dependency dependency;
    dependency.name = NormalizeDistribution(name);
    dependency.spec = spec;
    dependency.file = &file;
    dependency.span = SpanOf(text, line_begin + first, line_begin + first + spec.size());
    dependency.pinned = pinned;
    dependency.dev = dev;
    out->push_back(std::move(dependency));
  });
}

Span SourceSpan(const toml::node& node) {
  const toml::source_region& source = node.source();
  return {source.begin.line, source.begin.column, source.end.line, source.end.column};
}

void AddTomlArray(const InventoryFile& file, const toml::array* array, bool dev,
                  std::vector<Dependency>* out) {
  if (array == nullptr) return;
  for (const toml::node& element : *array) {
    std::optional<std::string_view> spec = element.value<std::string_view>();
    if (!spec) continue;
    auto [name, pinned] = ParseRequirement(*spec);
    if (name.empty()) continue;
    out->push_back({NormalizeDistribution(name), std::string(*spec), &file, SourceSpan(element),
                    pinned, dev});
  }
}

// Poetry and Pipfile tables: name = "==1.0" | "^1.0" | "*" | {version = ...}.
void AddVersionTable(const InventoryFile& file, const toml::table* table, bool dev,
                     std::vector<Dependency>* out) {
  if (table == nullptr) return;
  for (const auto& [key, value] : *table) {
    if (key.str() == "python") continue;
    std::string version;
    if (auto text = value.value<std::string_view>()) version = std::string(*text);
    if (const toml::table* inner = value.as_table()) {
      if (auto text = (*inner)["version"].value<std::string_view>()) version = std::string(*text);
      if (inner->contains("git") || inner->contains("path") || inner->contains("url")) version = "==";
    }
    bool pinned = version.starts_with("==") ||
                  (!version.empty() && std::isdigit(static_cast<unsigned char>(version[0])) &&
                   version.find('*') == std::string::npos);
    const toml::source_region& source = key.source();
    Span span{source.begin.line, source.begin.column, source.begin.line,
              source.begin.column + static_cast<uint32_t>(key.str().size())};
    out->push_back({NormalizeDistribution(key.str()), std::string(key.str()) + " " + version,
                    &file, span, pinned, dev});
  }
}

void ReadPyproject(const InventoryFile& file, PackagingModel* model) {
  toml::table root;
  try {
    root = toml::parse(file.text, file.path);
  } catch (const toml::parse_error& error) {
    model->pyproject.error = std::string(error.description());
    return;
  }
  PyprojectFacts& facts = model->pyproject;
  facts.parsed = true;
  const toml::table* project = root["project"].as_table();
  facts.has_project = project != nullptr;
  const toml::table* tool = root["tool"].as_table();
  const toml::table* poetry = tool ? (*tool)["poetry"].as_table() : nullptr;
  facts.has_poetry = poetry != nullptr;
  if (project != nullptr) {
    facts.has_version = project->contains("version");
    if (const toml::array* dynamic = (*project)["dynamic"].as_array()) {
      for (const toml::node& item : *dynamic) {
        if (item.value<std::string_view>() == "version") facts.has_version = true;
      }
    }
    AddTomlArray(file, (*project)["dependencies"].as_array(), false, &model->dependencies);
    if (const toml::table* optional = (*project)["optional-dependencies"].as_table()) {
      for (const auto& [group, deps] : *optional) AddTomlArray(file, deps.as_array(), true, &model->dependencies);
    }
  }
  if (const toml::table* groups = root["dependency-groups"].as_table()) {
    for (const auto& [group, deps] : *groups) AddTomlArray(file, deps.as_array(), true, &model->dependencies);
  }
  if (poetry != nullptr) {
    if (poetry->contains("version")) facts.has_version = true;
    AddVersionTable(file, (*poetry)["dependencies"].as_table(), false, &model->dependencies);
    AddVersionTable(file, (*poetry)["dev-dependencies"].as_table(), true, &model->dependencies);
    if (const toml::table* groups = (*poetry)["group"].as_table()) {
      for (const auto& [group, body] : *groups) {
        if (const toml::table* table = body.as_table()) {
          AddVersionTable(file, (*table)["dependencies"].as_table(), true, &model->dependencies);
        }
      }
    }
  }
  if (tool != nullptr) {
    facts.has_coverage = tool->contains("coverage");
    for (std::string_view linter : {"ruff", "black", "pylint", "flake8", "mypy", "isort", "dsaudit"}) {
      if (tool->contains(linter)) facts.has_lint = true;
    }
    auto addopts = root.at_path("tool.pytest.ini_options.addopts");
    if (auto text = addopts.value<std::string_view>(); text && text->find("--cov") != std::string_view::npos) {
      facts.has_coverage = true;
    }
  }
}

void ReadPipfile(const InventoryFile& file, PackagingModel* model) {
  try {
    toml::table root = toml::parse(file.text, file.path);
    AddVersionTable(file, root["packages"].as_table(), false, &model->dependencies);
    AddVersionTable(file, root["dev-packages"].as_table(), true, &model->dependencies);
  } catch (const toml::parse_error&) {
  }
}

// environment.yml: "- name=1.0" items under dependencies (and its pip list).
void ReadCondaEnv(const InventoryFile& file, PackagingModel* model) {
  std::string_view text = file.text;
  bool in_dependencies = false;
  ForEachLine(text, [&](const TextLine& text_line) {
    const std::string_view line = text_line.text;
    const size_t line_begin = text_line.offset;
    if (!line.empty() && line[0] != ' ' && line[0] != '-') in_dependencies = line.starts_with("dependencies:");
    if (!in_dependencies) return;
    size_t dash = line.find_first_not_of(' ');
    if (dash == std::string_view::npos || line[dash] != '-') return;
    size_t name_begin = line.find_first_not_of(' ', dash + 1);
    if (name_begin == std::string_view::npos || line.substr(name_begin).starts_with("pip:")) return;
    std::string spec = Trim(line.substr(name_begin));
    size_t name_end = 0;
    while (name_end < spec.size() && IsNameChar(spec[name_end])) ++name_end;
    std::string name = spec.substr(0, name_end);
    if (name.empty() || name == "python" || name == "pip") return;
    bool pinned = spec.find('=') != std::string::npos && spec.find('*') == std::string::npos &&
                  spec.find('>') == std::string::npos && spec.find('<') == std::string::npos;
    model->dependencies.push_back({NormalizeDistribution(name), spec, &file,
                                   SpanOf(text, line_begin + name_begin, line_begin + name_begin + spec.size()),
                                   pinned, false});
  });
}

// "import a.b, c as d" / "from a.b import c" at the start of a logical line.
void ScanImports(const InventoryFile& file, PackagingModel* model,
                 std::vector<PackagingModel::Import>* all) {
  std::string_view text = file.text;
  bool notebook = file.role == FileRole::kNotebook;
  ForEachLine(text, [&](const TextLine& text_line) {
    const std::string_view line = text_line.text;
    const size_t line_begin = text_line.offset;
    size_t at = line.find_first_not_of(" \t");
    if (at == std::string_view::npos) return;
    if (notebook) {
      if (line[at] != '"') return;
      at = line.find_first_not_of(" \t", at + 1);
      if (at == std::string_view::npos) return;
    }
    std::string_view rest = line.substr(at);
    bool is_from = rest.starts_with("from ");
    if (!is_from && !rest.starts_with("import ")) return;
    size_t pos = at + (is_from ? 5 : 7);
    while (true) {
      while (pos < line.size() && line[pos] == ' ') ++pos;
      size_t name_end = pos;
      while (name_end < line.size() &&
             (std::isalnum(static_cast<unsigned char>(line[name_end])) || line[name_end] == '_')) {
        ++name_end;
      }
      if (name_end == pos) break;
      std::string module(line.substr(pos, name_end - pos));
      if (model->imported.insert(module).second) {
        all->push_back({module, &file, SpanOf(text, line_begin + pos, line_begin + name_end)});
      }
      if (is_from) break;
      size_t comma = line.find(',', name_end);
      if (comma == std::string_view::npos) break;
      pos = comma + 1;
    }
  });
}

}  // namespace

std::string NormalizeDistribution(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (out.empty() || out.back() != '-') out.push_back('-');
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::vector<std::string> DistributionsFor(std::string_view module) {
  std::vector<std::string> out = {NormalizeDistribution(module)};
  auto it = ImportTable().find(module);
  if (it != ImportTable().end()) out.insert(out.end(), it->second.begin(), it->second.end());
  return out;
}

bool IsStdlibModule(std::string_view module) {
  return std::find(std::begin(kStdlib), std::end(kStdlib), module) != std::end(kStdlib);
}

bool IsToolDistribution(std::string_view normalized) {
  if (normalized.starts_with("types-") || normalized.ends_with("-stubs")) return true;
  return std::find(std::begin(kTools), std::end(kTools), normalized) != std::end(kTools);
}

PackagingModel BuildPackagingModel(const Inventory& inventory) {
  PackagingModel model;
  std::set<std::string> local_modules;
  std::vector<PackagingModel::Import> imports;
  for (const InventoryFile& file : inventory.files) {
    switch (file.role) {
      case FileRole::kRequirements: ReadRequirements(file, &model.dependencies); break;
      case FileRole::kPyproject:
        if (file.path == "pyproject.toml") ReadPyproject(file, &model);
        break;
      case FileRole::kPipfile: ReadPipfile(file, &model); break;
      case FileRole::kCondaEnv: ReadCondaEnv(file, &model); break;
      case FileRole::kPython:
      case FileRole::kNotebook:
      case FileRole::kNoxfile: {
        ScanImports(file, &model, &imports);
        // Every directory and file stem on the way is a module the project defines.
        std::string_view path = file.path;
        size_t start = 0;
        while (start < path.size()) {
          size_t slash = path.find('/', start);
          std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
          if (part.ends_with(".py")) part.remove_suffix(3);
          local_modules.insert(std::string(part));
          if (slash == std::string_view::npos) break;
          start = slash + 1;
        }
        break;
      }
      default: break;
    }
  }
  for (PackagingModel::Import& import : imports) {
    if (IsStdlibModule(import.module) || local_modules.count(import.module) > 0) continue;
    model.third_party_imports.push_back(std::move(import));
  }
  return model;
}

}  // namespace dsaudit::audit
