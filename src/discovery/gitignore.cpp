#include "discovery/gitignore.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

namespace dsaudit::discovery {
namespace {

namespace fs = std::filesystem;

// Besides plain success and failure, a failed sub-match can prove that no
// later start position can succeed either; without these two the matcher
// goes exponential on patterns like "*a*a*a*b".
enum class Wild { kMatch, kNoMatch, kAbortAll, kAbortToStarStar };

// The end of the pattern or text reads as NUL, as in git's C strings; that
// keeps the translation of its boundary rules literal.
char At(std::string_view s, std::size_t i) { return i < s.size() ? s[i] : '\0'; }

bool IsGlobSpecial(char c) { return c == '*' || c == '?' || c == '[' || c == '\\'; }

// nullopt: not a class name git knows, which makes the whole pattern fail.
std::optional<bool> InClass(std::string_view name, unsigned char c) {
  if (name == "alnum") return std::isalnum(c) != 0;
  if (name == "alpha") return std::isalpha(c) != 0;
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c) != 0;
  if (name == "digit") return std::isdigit(c) != 0;
  if (name == "graph") return std::isgraph(c) != 0;
  if (name == "lower") return std::islower(c) != 0;
  if (name == "print") return std::isprint(c) != 0;
  if (name == "punct") return std::ispunct(c) != 0;
  if (name == "space") return std::isspace(c) != 0;
  if (name == "upper") return std::isupper(c) != 0;
  if (name == "xdigit") return std::isxdigit(c) != 0;
  return std::nullopt;
}

// A bracket expression starting at p[*pi] == '['; leaves *pi on its ']'.
Wild MatchBracket(std::string_view p, std::size_t* pi, unsigned char t, bool pathname) {
  std::size_t i = *pi + 1;
  char c = At(p, i);
  bool negated = c == '!' || c == '^';
  if (negated) c = At(p, ++i);
  bool matched = false;
  char previous = 0;
  // A ']' right after '[' or '[!' is a member, hence do-while.
  do {
    if (c == '\0') return Wild::kAbortAll;
    if (c == '\\') {
      c = At(p, ++i);
      if (c == '\0') return Wild::kAbortAll;
      if (t == static_cast<unsigned char>(c)) matched = true;
    } else if (c == '-' && previous != 0 && At(p, i + 1) != '\0' && At(p, i + 1) != ']') {
      c = At(p, ++i);
      if (c == '\\') {
        c = At(p, ++i);
        if (c == '\0') return Wild::kAbortAll;
      }
      if (t <= static_cast<unsigned char>(c) && t >= static_cast<unsigned char>(previous)) {
        matched = true;
      }
      c = 0;  // A range's end cannot start another range.
    } else if (c == '[' && At(p, i + 1) == ':') {
      std::size_t start = i + 2;
      std::size_t end = start;
      while (At(p, end) != '\0' && At(p, end) != ']') ++end;
      if (At(p, end) == '\0') return Wild::kAbortAll;
      if (end == start || At(p, end - 1) != ':') {
        // No ":]": the '[' is an ordinary member.
        c = '[';
        if (t == '[') matched = true;
      } else {
        std::optional<bool> in = InClass(p.substr(start, end - 1 - start), t);
        if (!in) return Wild::kAbortAll;
        if (*in) matched = true;
        i = end;
        c = 0;
      }
    } else if (t == static_cast<unsigned char>(c)) {
      matched = true;
    }
    previous = c;
    c = At(p, ++i);
  } while (c != ']');
  *pi = i;
  if (matched == negated || (pathname && t == '/')) return Wild::kNoMatch;
  return Wild::kMatch;
}

Wild DoWild(std::string_view p, std::size_t pi, std::string_view t, std::size_t ti, bool pathname);

// p[pi] is the first '*' of a run, t[ti] the text it starts at.
Wild MatchStar(std::string_view p, std::size_t pi, std::string_view t, std::size_t ti,
               bool pathname) {
  bool match_slash = !pathname;
  if (At(p, pi + 1) == '*') {
    bool after_slash = pi == 0 || p[pi - 1] == '/';
    while (At(p, pi + 1) == '*') ++pi;
    ++pi;
    char next = At(p, pi);
    bool before_slash = next == '\0' || next == '/' || (next == '\\' && At(p, pi + 1) == '/');
    if (pathname && after_slash && before_slash) {
      // "a/**/b" also matches "a/b": try "**/" as nothing first.
      if (next == '/' && DoWild(p, pi + 1, t, ti, pathname) == Wild::kMatch) return Wild::kMatch;
      match_slash = true;
    }
  } else {
    ++pi;
  }
  if (pi >= p.size()) {
    if (!match_slash && t.find('/', ti) != std::string_view::npos) return Wild::kNoMatch;
    return Wild::kMatch;
  }
  if (!match_slash && p[pi] == '/') {
    // One '*' then '/' can only end at the next slash of the text.
    std::size_t slash = t.find('/', ti);
    if (slash == std::string_view::npos) return Wild::kNoMatch;
    return DoWild(p, pi + 1, t, slash + 1, pathname);
  }
  char tc = At(t, ti);
  while (tc != '\0') {
    // Skip straight to where the literal after the star could match.
    if (!IsGlobSpecial(p[pi])) {
      while ((tc = At(t, ti)) != '\0' && (match_slash || tc != '/')) {
        if (tc == p[pi]) break;
        ++ti;
      }
      if (tc != p[pi]) return Wild::kNoMatch;
    }
    Wild result = DoWild(p, pi, t, ti, pathname);
    if (result != Wild::kNoMatch) {
      if (!match_slash || result != Wild::kAbortToStarStar) return result;
    } else if (!match_slash && tc == '/') {
      return Wild::kAbortToStarStar;
    }
    tc = At(t, ++ti);
  }
  return Wild::kAbortAll;
}

Wild DoWild(std::string_view p, std::size_t pi, std::string_view t, std::size_t ti, bool pathname) {
  for (; pi < p.size(); ++pi, ++ti) {
    char pc = p[pi];
    if (ti >= t.size() && pc != '*') return Wild::kAbortAll;
    unsigned char tc = static_cast<unsigned char>(At(t, ti));
    switch (pc) {
      case '\\':
        // A trailing backslash escapes NUL and so never matches.
        if (tc != static_cast<unsigned char>(At(p, ++pi))) return Wild::kNoMatch;
        break;
      case '?':
        if (pathname && tc == '/') return Wild::kNoMatch;
        break;
      case '*':
        return MatchStar(p, pi, t, ti, pathname);
      case '[': {
        Wild result = MatchBracket(p, &pi, tc, pathname);
        if (result != Wild::kMatch) return result;
        break;
      }
      default:
        if (tc != static_cast<unsigned char>(pc)) return Wild::kNoMatch;
        break;
    }
  }
  return ti < t.size() ? Wild::kNoMatch : Wild::kMatch;
}

// git drops trailing spaces unless backslash-escaped; tabs stay.
std::string_view TrimTrailingSpaces(std::string_view line) {
  std::size_t keep = line.size();
  bool in_spaces = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ' ') {
      if (!in_spaces) keep = i;
      in_spaces = true;
      continue;
    }
    if (line[i] == '\\' && ++i >= line.size()) return line;
    in_spaces = false;
  }
  return in_spaces ? line.substr(0, keep) : line;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string_view Basename(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool WildMatch(std::string_view pattern, std::string_view text, bool pathname) {
  return DoWild(pattern, 0, text, 0, pathname) == Wild::kMatch;
}

std::optional<IgnorePattern> ParseIgnoreLine(std::string_view line) {
  // Comments are recognised before trimming, as git does.
  if (line.empty() || line.front() == '#') return std::nullopt;
  if (line.back() == '\r') line.remove_suffix(1);
  line = TrimTrailingSpaces(line);
  IgnorePattern pattern;
  if (!line.empty() && line.front() == '!') {
    pattern.negated = true;
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    pattern.directory_only = true;
    line.remove_suffix(1);
  }
  pattern.basename_only = line.find('/') == std::string_view::npos;
  if (!pattern.basename_only && line.front() == '/') line.remove_prefix(1);
  // Nothing left ("", "/", "//"): git keeps such a line but it matches no path.
  if (line.empty()) return std::nullopt;
  pattern.glob = std::string(line);
  std::size_t wildcard = 0;
  while (wildcard < line.size() && !IsGlobSpecial(line[wildcard])) ++wildcard;
  pattern.literal_prefix = wildcard;
  std::string_view rest = line.substr(1);
  pattern.ends_with = line.front() == '*' && std::none_of(rest.begin(), rest.end(), IsGlobSpecial);
  return pattern;
}

IgnoreList::IgnoreList(std::string_view text, std::string base) : base_(std::move(base)) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty()) {
    std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (std::optional<IgnorePattern> pattern = ParseIgnoreLine(line)) {
      patterns_.push_back(std::move(*pattern));
    }
  }
}

IgnoreVerdict IgnoreList::Check(std::string_view path, std::string_view name,
                                bool is_directory) const {
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->directory_only && !is_directory) continue;
    if (!Matches(*it, path, name)) continue;
    return it->negated ? IgnoreVerdict::kIncluded : IgnoreVerdict::kIgnored;
  }
  return IgnoreVerdict::kNone;
}

bool IgnoreList::Matches(const IgnorePattern& pattern, std::string_view path,
                         std::string_view name) const {
  std::string_view glob = pattern.glob;
  if (pattern.basename_only) {
    if (pattern.literal_prefix == glob.size()) return name == glob;
    if (pattern.ends_with) return name.ends_with(glob.substr(1));
    return WildMatch(glob, name, /*pathname=*/false);
  }
  // Anchored: the pattern is relative to the ignore file's directory.
  if (!base_.empty()) {
    if (path.size() <= base_.size() || !path.starts_with(base_) || path[base_.size()] != '/') {
      return false;
    }
    path.remove_prefix(base_.size() + 1);
  }
  std::string_view literal = glob.substr(0, pattern.literal_prefix);
  if (!path.starts_with(literal)) return false;
  if (literal.size() == glob.size()) return path.size() == literal.size();
  return WildMatch(glob.substr(literal.size()), path.substr(literal.size()), /*pathname=*/true);
}

GitIgnore::GitIgnore(fs::path top) : top_(std::move(top)) {
  std::error_code error;
  if (fs::is_directory(top_ / ".git", error)) {
    info_exclude_.emplace(ReadFile(top_ / ".git" / "info" / "exclude"), "");
  }
}

const IgnoreList& GitIgnore::ListFor(const std::string& directory) {
  auto it = lists_.find(directory);
  if (it != lists_.end()) return it->second;
  fs::path file = directory.empty() ? top_ / ".gitignore" : top_ / directory / ".gitignore";
  return lists_.try_emplace(directory, ReadFile(file), directory).first->second;
}

bool GitIgnore::IsIgnored(std::string_view path, bool is_directory) {
  std::string_view name = Basename(path);
  // Deeper files override shallower ones, and all override info/exclude.
  std::size_t end = path.size() - name.size();
  while (true) {
    std::string directory(path.substr(0, end == 0 ? 0 : end - 1));
    IgnoreVerdict verdict = ListFor(directory).Check(path, name, is_directory);
    if (verdict != IgnoreVerdict::kNone) return verdict == IgnoreVerdict::kIgnored;
    if (end == 0) break;
    std::size_t slash = directory.rfind('/');
    end = slash == std::string::npos ? 0 : slash + 1;
  }
  if (!info_exclude_) return false;
  return info_exclude_->Check(path, name, is_directory) == IgnoreVerdict::kIgnored;
}

bool GitIgnore::IsPathIgnored(std::string_view path, bool is_directory) {
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (IsIgnored(path.substr(0, slash), /*is_directory=*/true)) return true;
  }
  return IsIgnored(path, is_directory);
}

std::optional<fs::path> GitIgnore::FindRepositoryRoot(const fs::path& start) {
  std::error_code error;
  fs::path directory = fs::absolute(start, error).lexically_normal();
  if (error) return std::nullopt;
  if (!directory.has_filename()) directory = directory.parent_path();
  while (true) {
    if (fs::exists(directory / ".git", error)) return directory;
    fs::path parent = directory.parent_path();
    if (parent == directory) return std::nullopt;
    directory = parent;
  }
}

}  // namespace dsaudit::discovery
