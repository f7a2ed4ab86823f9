#include "discovery/discovery.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>
#include <system_error>
#include <utility>

#include "discovery/gitignore.h"

namespace dsaudit::discovery {
namespace {

namespace fs = std::filesystem;

// Identity of a directory however it was reached; a symlink that leads back
// to a visited (device, inode) pair is a loop or a duplicate.
using DirectoryId = std::pair<dev_t, ino_t>;

class Walker {
 public:
  explicit Walker(const DiscoveryOptions& options) : options_(options) {}

  void AddNamed(const fs::path& path);
  DiscoveryResult Finish();

 private:
  void Walk(const fs::path& directory, const fs::path& root, int depth);
  void VisitEntry(const fs::path& path, const fs::path& root, int depth);
  bool IsExcluded(const fs::path& path, const fs::path& root) const;
  bool IsSkippedDirectory(const fs::path& path) const;
  void StartGitIgnore(const fs::path& root);
  bool IsGitIgnored(const fs::path& path, const fs::path& root, bool is_directory);
  void Warn(const fs::path& path, std::string message, bool named = false) {
    result_.warnings.push_back({path.string(), std::move(message), named});
  }

  const DiscoveryOptions& options_;
  std::set<DirectoryId> visited_;
  // The ignore rules of the named directory being walked, and that
  // directory's path relative to their top, with a trailing '/'.
  std::unique_ptr<GitIgnore> gitignore_;
  std::string gitignore_prefix_;
  DiscoveryResult result_;
};

// Deep enough for any real project; a guard against pathological trees that
// would otherwise exhaust the stack, since a walk recurses per level.
constexpr int kMaxDepth = 256;

std::string ErrnoMessage(int error) { return std::strerror(error); }

void Walker::AddNamed(const fs::path& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    int error = errno;
    struct stat link_info;
    bool dangling = ::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode);
    Warn(path, dangling ? "broken symbolic link" : ErrnoMessage(error), /*named=*/true);
    return;
  }
  if (S_ISDIR(info.st_mode)) {
    visited_.insert({info.st_dev, info.st_ino});
    StartGitIgnore(path);
    Walk(path, path, 0);
    gitignore_.reset();
    return;
  }
  FileKind kind = FileKind::kPython;
  KindFromExtension(path, &kind);
  result_.files.push_back({path, kind});
}

void Walker::Walk(const fs::path& directory, const fs::path& root, int depth) {
  if (depth > kMaxDepth) {
    Warn(directory, "directory nesting too deep, not entered");
    return;
  }
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) {
    Warn(directory, "cannot read directory: " + error.message());
    return;
  }
  // Sorted so that which of two paths to one directory is kept does not
  // depend on the order the file system lists entries in.
  std::vector<fs::path> entries;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    // "./x" would print as "./x" everywhere; users expect "x", as ruff prints.
    entries.push_back(directory == "." ? it->path().filename() : it->path());
  }
  if (error) Warn(directory, "cannot read directory: " + error.message());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) VisitEntry(entry, root, depth);
}

void Walker::VisitEntry(const fs::path& path, const fs::path& root, int depth) {
  if (IsExcluded(path, root)) return;
  struct stat link_info;
  if (::lstat(path.c_str(), &link_info) != 0) {
    Warn(path, ErrnoMessage(errno));
    return;
  }
  struct stat info = link_info;
  if (S_ISLNK(link_info.st_mode) && ::stat(path.c_str(), &info) != 0) {
    Warn(path, errno == ELOOP ? "symbolic link loop" : "broken symbolic link");
    return;
  }
  // The followed type, unlike git's (a link is never a directory to git):
  // `data/` in .gitignore should keep a linked data directory out too.
  if (IsGitIgnored(path, root, S_ISDIR(info.st_mode))) return;
  if (S_ISDIR(info.st_mode)) {
    if (IsSkippedDirectory(path)) return;
    if (!visited_.insert({info.st_dev, info.st_ino}).second) {
      // Only a symlink can reach a directory twice; a real loop is the common
      // case (`ln -s .. parent`), so say so without failing the walk.
      Warn(path, "symbolic link to a directory already visited, not followed");
      return;
    }
    Walk(path, root, depth + 1);
    return;
  }
  FileKind kind;
  if (S_ISREG(info.st_mode) && KindFromExtension(path, &kind)) {
    result_.files.push_back({path, kind});
  }
}

bool Walker::IsExcluded(const fs::path& path, const fs::path& root) const {
  if (options_.exclude_globs.empty()) return false;
  std::string name = path.filename().string();
  std::string relative = path.lexically_relative(root).generic_string();
  for (const std::string& glob : options_.exclude_globs) {
    bool has_slash = glob.find('/') != std::string::npos;
    const std::string& subject = has_slash ? relative : name;
    if (::fnmatch(glob.c_str(), subject.c_str(), 0) == 0) return true;
  }
  return false;
}

void Walker::StartGitIgnore(const fs::path& root) {
  gitignore_.reset();
  if (!options_.respect_gitignore) return;
  std::error_code error;
  fs::path absolute = fs::absolute(root, error).lexically_normal();
  if (error) return;
  if (!absolute.has_filename()) absolute = absolute.parent_path();
  // Patterns in .gitignore files above the named directory apply too.
  fs::path top = GitIgnore::FindRepositoryRoot(absolute).value_or(absolute);
  std::string prefix = absolute.lexically_relative(top).generic_string();
  gitignore_prefix_ = prefix == "." || prefix.empty() ? "" : prefix + "/";
  gitignore_ = std::make_unique<GitIgnore>(top);
}

bool Walker::IsGitIgnored(const fs::path& path, const fs::path& root, bool is_directory) {
  if (!gitignore_) return false;
  std::string relative = gitignore_prefix_ + path.lexically_relative(root).generic_string();
  return gitignore_->IsIgnored(relative, is_directory);
}

bool Walker::IsSkippedDirectory(const fs::path& path) const {
  std::string name = path.filename().string();
  const auto& names = options_.skip_dir_names;
  if (std::find(names.begin(), names.end(), name) != names.end()) return true;
  if (!options_.skip_virtualenvs) return false;
  std::error_code error;
  return fs::exists(path / "pyvenv.cfg", error);
}

DiscoveryResult Walker::Finish() {
  auto by_path = [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; };
  auto same_path = [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; };
  std::sort(result_.files.begin(), result_.files.end(), by_path);
  result_.files.erase(std::unique(result_.files.begin(), result_.files.end(), same_path),
                      result_.files.end());
  return std::move(result_);
}

}  // namespace

std::vector<std::string> DiscoveryOptions::DefaultSkipDirNames() {
  return {".git",  ".hg",   ".svn",        "__pycache__",   "node_modules",  "site-packages",
          ".tox",  ".nox",  ".mypy_cache", ".ruff_cache",   ".pytest_cache", ".ipynb_checkpoints",
          ".eggs", "build", "dist",        "__pypackages__"};
}

bool KindFromExtension(const std::filesystem::path& path, FileKind* kind) {
  std::string extension = path.extension().string();
  if (extension == ".py") {
    *kind = FileKind::kPython;
    return true;
  }
  if (extension == ".ipynb") {
    *kind = FileKind::kNotebook;
    return true;
  }
  return false;
}

DiscoveryResult DiscoverFiles(std::span<const std::filesystem::path> paths,
                              const DiscoveryOptions& options) {
  Walker walker(options);
  for (std::filesystem::path path : paths) {
    path = path.lexically_normal();
    // "src/" and "src" name one directory; keep "src/x.py", not "src//x.py".
    if (!path.has_filename() && path.has_relative_path()) path = path.parent_path();
    walker.AddNamed(path);
  }
  return walker.Finish();
}

}  // namespace dsaudit::discovery
