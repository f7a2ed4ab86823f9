#include "config/glob.h"

namespace dsaudit::config {
namespace {

// Matches `[...]` at pattern[p] against `c`; sets `next` past the `]`.
// An unterminated class is a literal '['.
bool MatchClass(std::string_view pattern, size_t p, char c, size_t& next) {
  size_t i = p + 1;
  bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negated) ++i;
  size_t first = i;
  bool matched = false;
  while (i < pattern.size() && (pattern[i] != ']' || i == first)) {
    char low = pattern[i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 2;
    }
    if (low <= c && c <= high) matched = true;
    ++i;
  }
  if (i >= pattern.size()) {
    next = p + 1;
    return c == '[';
  }
  next = i + 1;
  return matched != negated && c != '/';
}

bool IsDoubleStarSegment(std::string_view pattern, size_t p) {
  if (pattern.substr(p, 2) != "**") return false;
  bool starts_segment = p == 0 || pattern[p - 1] == '/';
  bool ends_segment = p + 2 == pattern.size() || pattern[p + 2] == '/';
  return starts_segment && ends_segment;
}

bool Match(std::string_view pattern, size_t p, std::string_view path, size_t s) {
  while (p < pattern.size()) {
    char pc = pattern[p];
    if (pc == '*' && IsDoubleStarSegment(pattern, p)) {
      // `**/rest` may match `rest` here or after any number of segments.
      size_t rest = p + 2 < pattern.size() ? p + 3 : p + 2;
      if (rest == pattern.size()) return true;
      for (size_t t = s; t <= path.size(); ++t) {
        if ((t == s || path[t - 1] == '/') && Match(pattern, rest, path, t)) return true;
      }
      return false;
    }
    if (pc == '*') {
      while (p < pattern.size() && pattern[p] == '*') ++p;
      for (size_t t = s;; ++t) {
        if (Match(pattern, p, path, t)) return true;
        if (t == path.size() || path[t] == '/') return false;
      }
    }
    if (s == path.size()) return false;
    if (pc == '?') {
      if (path[s] == '/') return false;
      ++p;
    } else if (pc == '[') {
      size_t next = 0;
      if (!MatchClass(pattern, p, path[s], next)) return false;
      p = next;
    } else {
      if (pc != path[s]) return false;
      ++p;
    }
    ++s;
  }
  return s == path.size();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  while (pattern.size() > 1 && pattern.back() == '/') pattern.remove_suffix(1);
  return Match(pattern, 0, path, 0);
}

}  // namespace dsaudit::config
