// Git's ignore rules (`man gitignore`), so that a walk skips what the
// project itself keeps out of version control: virtual environments under
// odd names, data dumps, generated code.
//
// Only the repository's own files are read: every `.gitignore` and
// `.git/info/exclude`. The user's global excludes file (`core.excludesFile`)
// is deliberately not, so that one project audits the same on every machine
// and in CI. Matching is case-sensitive, as git's is with its default
// `core.ignoreCase=false` on Linux.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::discovery {

// git's wildmatch: `*`, `?`, `[...]` (with `!`/`^`, ranges, `[:class:]`) and
// backslash escapes. With `pathname`, wildcards never match '/' and `**`
// between slashes (or at either end) matches any number of directories.
bool WildMatch(std::string_view pattern, std::string_view text, bool pathname);

// One line of an ignore file, parsed once so that matching is cheap.
struct IgnorePattern {
  // Without the leading '!', the trailing '/' and any leading '/' (which
  // only anchors the pattern, and anchoring is `basename_only == false`).
  std::string glob;
  // Characters before the first wildcard or backslash: compared directly.
  std::size_t literal_prefix = 0;
  bool negated = false;
  bool directory_only = false;
  // No '/' (but a trailing one): matches the name at any depth.
  bool basename_only = false;
  // "*literal": a suffix comparison, the common `*.pyc` case.
  bool ends_with = false;
};

enum class IgnoreVerdict { kNone, kIgnored, kIncluded };

// The patterns of one file, applying to paths under `base`.
class IgnoreList {
 public:
  // `base`: the file's directory relative to the top of the walk, '/'
  // separated, "" for the top itself.
  IgnoreList(std::string_view text, std::string base);

  // The last pattern matching decides. `path` is relative to the top of the
  // walk and lies under `base`; `name` is its last component.
  IgnoreVerdict Check(std::string_view path, std::string_view name, bool is_directory) const;

  const std::vector<IgnorePattern>& patterns() const { return patterns_; }

 private:
  bool Matches(const IgnorePattern& pattern, std::string_view path, std::string_view name) const;

  std::string base_;
  std::vector<IgnorePattern> patterns_;
};

// Parses one line as git does; nullopt for blank lines and comments.
std::optional<IgnorePattern> ParseIgnoreLine(std::string_view line);

// All the ignore files of one repository, read lazily as directories are
// asked about.
class GitIgnore {
 public:
  // `top`: the repository root (or, outside any repository, the directory
  // walked: its `.gitignore` files still say what the project ignores).
  // `top/.git/info/exclude` is read when `.git` is a directory; a worktree's
  // `.git` file is not followed to the shared repository.
  explicit GitIgnore(std::filesystem::path top);

  // Whether `path` (relative to top, '/' separated) is ignored, assuming no
  // directory above it is: what a walk that does not enter ignored
  // directories needs.
  bool IsIgnored(std::string_view path, bool is_directory);

  // Also true when a directory above `path` is ignored: a file there cannot
  // be re-included, as `git check-ignore` reports.
  bool IsPathIgnored(std::string_view path, bool is_directory);

  // The nearest directory at or above `start` holding `.git` (a directory
  // or, for worktrees and submodules, a file).
  static std::optional<std::filesystem::path> FindRepositoryRoot(
      const std::filesystem::path& start);

 private:
  const IgnoreList& ListFor(const std::string& directory);

  std::filesystem::path top_;
  std::optional<IgnoreList> info_exclude_;
  // Keyed by directory relative to top; ordered so references stay valid.
  std::map<std::string, IgnoreList> lists_;
};

}  // namespace dsaudit::discovery
