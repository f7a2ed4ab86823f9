// The debug commands' way to read a file named on the command line.
#pragma once

#include <string>

namespace dsaudit::cli {

// Reads `path` whole through ReadFileBytes; on failure prints
// "dsaudit: error: cannot read PATH: WHY" to stderr and returns false.
bool ReadInputFile(const std::string& path, std::string* bytes);

}  // namespace dsaudit::cli
