// Shell-style globs over '/'-separated relative paths, for per-file-ignores
// and exclude patterns.
#pragma once

#include <string_view>

namespace dsaudit::config {

// `*` matches any run of characters except '/', `**` as a whole segment
// matches zero or more segments, `?` one character except '/', and `[...]`
// a character class (`[!...]` or `[^...]` negated, `a-z` ranges). A trailing
// `/` in the pattern is ignored. Matching is on bytes, case-sensitive.
bool GlobMatch(std::string_view pattern, std::string_view path);

}  // namespace dsaudit::config
