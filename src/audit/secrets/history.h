// Secrets anywhere in a project's git history, through libgit2: every blob
// reachable from any branch, tag or remote ref, each scanned once, with the
// oldest commit that holds it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "audit/inventory.h"
#include "audit/secrets/scanner.h"

namespace dsaudit::audit::secrets {

struct HistorySecret {
  std::string commit;  // 40 hex digits: the first commit (oldest first) holding the blob
  int64_t commit_time = 0;  // seconds since the epoch
  std::string path;    // relative to the audited root, '/' separators
  Span span;
  std::string line_text;  // the line of the secret's start, for the fingerprint
  SecretHit hit;
};

struct HistoryScan {
  std::vector<HistorySecret> secrets;  // in the order their commits were walked
  uint64_t commits = 0;
  uint64_t blobs = 0;  // distinct blobs scanned
  std::string error;   // not a repository, unreadable objects
};

// `root` may be the repository's work tree or a directory inside it; only
// paths under `root` are scanned. Blobs over kMaxTextBytes and binary blobs
// are skipped; blobs are scanned on up to `threads` threads (0: every core).
HistoryScan ScanGitHistory(const std::filesystem::path& root, unsigned threads = 0);

}  // namespace dsaudit::audit::secrets
