// Which files of a project dsaudit reads, and what kind each one is.
//
// Walking is deterministic (output sorted by path), never follows a symlink
// loop, and never stops on a bad directory: problems become warnings so the
// rest of the project is still audited.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace dsaudit::discovery {

enum class FileKind { kPython, kNotebook };

struct SourceFile {
  // As reached: a named path, or a directory path joined with entry names.
  std::filesystem::path path;
  FileKind kind = FileKind::kPython;
};

struct DiscoveryWarning {
  std::string path;
  std::string message;
  // The path was named by the user (not met while walking): callers treat
  // this as a usage error rather than a warning.
  bool named = false;
};

struct DiscoveryOptions {
  // Directory names never entered: caches, tool state, build output.
  std::vector<std::string> skip_dir_names = DefaultSkipDirNames();
  // Skip any directory holding a `pyvenv.cfg`, whatever its name.
  bool skip_virtualenvs = true;
  // fnmatch(3) patterns; a pattern with '/' matches the path relative to the
  // named root, one without matches the entry's name. Named files are exempt.
  std::vector<std::string> exclude_globs;
  // Skip what the project's `.gitignore` files and `.git/info/exclude` ignore
  // (see gitignore.h); they apply below each named directory.
  bool respect_gitignore = true;

  static std::vector<std::string> DefaultSkipDirNames();
};

struct DiscoveryResult {
  std::vector<SourceFile> files;
  std::vector<DiscoveryWarning> warnings;
};

// Files under `paths` (files or directories), sorted by path, without
// duplicates. Named files are always included: `.ipynb` is a notebook and
// anything else is read as Python.
DiscoveryResult DiscoverFiles(std::span<const std::filesystem::path> paths,
                              const DiscoveryOptions& options = {});

// The kind a file would have when met while walking, or false if skipped.
bool KindFromExtension(const std::filesystem::path& path, FileKind* kind);

}  // namespace dsaudit::discovery
