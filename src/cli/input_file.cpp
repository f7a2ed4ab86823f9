#include "cli/input_file.h"

#include <cstdio>

#include "base/file_io.h"

namespace dsaudit::cli {

bool ReadInputFile(const std::string& path, std::string* bytes) {
  std::string why;
  if (ReadFileBytes(path, bytes, &why)) return true;
  std::fprintf(stderr, "dsaudit: error: cannot read %s: %s\n", path.c_str(), why.c_str());
  return false;
}

}  // namespace dsaudit::cli
