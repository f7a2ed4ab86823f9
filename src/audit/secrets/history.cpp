#include "audit/secrets/history.h"

#include <git2.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace dsaudit::audit::secrets {
namespace {

namespace fs = std::filesystem;

// libgit2's global state, initialised on first use and kept for the
// process: its shutdown also tears down OpenSSL state that the HTTPS load
// tester may share, which LeakSanitizer then reports as leaked.
void InitLibGit2Once() {
  static const bool initialised = git_libgit2_init() > 0;
  (void)initialised;
}

struct OidHash {
  size_t operator()(const git_oid& oid) const {
    size_t out;
    std::memcpy(&out, oid.id, sizeof(out));
    return out;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b); }
};
using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

struct BlobJob {
  git_oid blob;
  std::string path;  // relative to root
  size_t commit;     // index into the commit list
};

struct CommitInfo {
  std::string sha;
  int64_t time;
};

struct TreeWalk {
  OidSet* seen_trees;
  OidSet* seen_blobs;
  std::vector<BlobJob>* jobs;
  size_t commit;
  std::string prefix;  // the audited root inside the work tree, "" or "dir/"
};

int VisitEntry(const char* parent, const git_tree_entry* entry, void* payload) {
  auto* walk = static_cast<TreeWalk*>(payload);
  const git_oid* oid = git_tree_entry_id(entry);
  std::string path = std::string(parent) + git_tree_entry_name(entry);
  git_object_t type = git_tree_entry_type(entry);
  if (type == GIT_OBJECT_TREE) {
    // Outside the audited directory, or seen in an earlier commit: skip it whole.
    std::string dir = path + "/";
    bool relevant = walk->prefix.empty() || walk->prefix.starts_with(dir) || dir.starts_with(walk->prefix);
    if (!relevant) return 1;
    return walk->seen_trees->insert(*oid).second ? 0 : 1;
  }
  if (type != GIT_OBJECT_BLOB || !path.starts_with(walk->prefix)) return 0;
  if (!walk->seen_blobs->insert(*oid).second) return 0;
  walk->jobs->push_back({*oid, path.substr(walk->prefix.size()), walk->commit});
  return 0;
}

std::string LastError() {
  const git_error* error = git_error_last();
  return error != nullptr && error->message != nullptr ? error->message : "unknown libgit2 error";
}

}  // namespace

HistoryScan ScanGitHistory(const fs::path& root, unsigned threads) {
  InitLibGit2Once();
  HistoryScan scan;
  git_repository* repository = nullptr;
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(root), error);
  if (git_repository_open_ext(&repository, absolute.c_str(), 0, nullptr) != 0) {
    scan.error = "not a git repository";
    return scan;
  }
  std::unique_ptr<git_repository, decltype(&git_repository_free)> repository_owner(
      repository, git_repository_free);
  std::string prefix;
  if (const char* workdir = git_repository_workdir(repository)) {
    fs::path relative = absolute.lexically_relative(fs::weakly_canonical(workdir, error));
    if (!relative.empty() && relative != ".") prefix = relative.generic_string() + "/";
  }

  git_revwalk* walker = nullptr;
  if (git_revwalk_new(&walker, repository) != 0) {
    scan.error = LastError();
    return scan;
  }
  std::unique_ptr<git_revwalk, decltype(&git_revwalk_free)> walker_owner(walker, git_revwalk_free);
  // Oldest first, so a blob is attributed to the commit that introduced it.
  git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
  git_revwalk_push_head(walker);  // an empty repository has no HEAD: nothing to walk
  for (const char* glob : {"refs/heads/*", "refs/tags/*", "refs/remotes/*"}) {
    git_revwalk_push_glob(walker, glob);
  }

  OidSet seen_trees, seen_blobs;
  std::vector<BlobJob> jobs;
  std::vector<CommitInfo> commits;
  git_oid oid;
  while (git_revwalk_next(&oid, walker) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repository, &oid) != 0) continue;
    git_tree* tree = nullptr;
    if (git_commit_tree(&tree, commit) == 0) {
      char sha[GIT_OID_HEXSZ + 1];
      git_oid_tostr(sha, sizeof(sha), &oid);
      commits.push_back({sha, git_commit_time(commit)});
      TreeWalk walk{&seen_trees, &seen_blobs, &jobs, commits.size() - 1, prefix};
      git_tree_walk(tree, GIT_TREEWALK_PRE, VisitEntry, &walk);
      git_tree_free(tree);
    }
    git_commit_free(commit);
  }
  scan.commits = commits.size();
  scan.blobs = jobs.size();

  // One repository per thread: libgit2 objects are not shared across threads.
  const std::string git_path = git_repository_path(repository);
  std::vector<std::vector<HistorySecret>> found(jobs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    git_repository* own = nullptr;
    if (git_repository_open_bare(&own, git_path.c_str()) != 0) return;
    for (size_t i = next++; i < jobs.size(); i = next++) {
      const BlobJob& job = jobs[i];
      git_blob* blob = nullptr;
      if (git_blob_lookup(&blob, own, &job.blob) != 0) continue;
      auto size = static_cast<size_t>(git_blob_rawsize(blob));
      std::string_view text(static_cast<const char*>(git_blob_rawcontent(blob)), size);
      if (size <= kMaxTextBytes && !LooksBinary(text)) {
        for (SecretHit& hit : ScanText(text, OptionsFor(job.path, ClassifyPath(job.path)))) {
          HistorySecret secret;
          secret.commit = commits[job.commit].sha;
          secret.commit_time = commits[job.commit].time;
          secret.path = job.path;
          secret.span = SpanOf(text, hit.begin, hit.end);
          size_t line_begin = text.rfind('\n', hit.begin == 0 ? 0 : hit.begin - 1);
          line_begin = hit.begin == 0 || line_begin == std::string_view::npos ? 0 : line_begin + 1;
          size_t line_end = text.find('\n', hit.begin);
          secret.line_text = std::string(text.substr(
              line_begin, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_begin));
          secret.hit = std::move(hit);
          found[i].push_back(std::move(secret));
        }
      }
      git_blob_free(blob);
    }
    git_repository_free(own);
  };
  unsigned count = threads != 0 ? threads : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  if (jobs.size() < 64) count = 1;
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  for (std::vector<HistorySecret>& secrets : found) {
    for (HistorySecret& secret : secrets) scan.secrets.push_back(std::move(secret));
  }
  return scan;
}

}  // namespace dsaudit::audit::secrets
