#include "base/file_io.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace dsaudit {
namespace {

bool ReadAll(int fd, size_t size, std::string* bytes, std::string* error) {
  bytes->resize(size);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, bytes->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::strerror(errno);
      return false;
    }
    // A file that shrank while being read is used as far as it goes.
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  bytes->resize(done);
  return true;
}

}  // namespace

bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error,
                   size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  struct stat info;
  bool ok = false;
  if (::fstat(fd, &info) != 0) {
    *error = std::strerror(errno);
  } else if (S_ISDIR(info.st_mode)) {
    *error = std::strerror(EISDIR);
  } else if (!S_ISREG(info.st_mode)) {
    *error = "not a regular file";
  } else if (static_cast<size_t>(info.st_size) > max_bytes) {
    *error = fmt::format("file too large ({:.1f} MB, limit {} MB), not read",
                         static_cast<double>(info.st_size) / 1e6, max_bytes >> 20);
  } else {
    ok = ReadAll(fd, static_cast<size_t>(info.st_size), bytes, error);
  }
  ::close(fd);
  return ok;
}

bool ReadStreamBytes(int fd, std::string* bytes, std::string* error, size_t max_bytes) {
  bytes->clear();
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    if (bytes->size() + static_cast<size_t>(n) > max_bytes) {
      *error = fmt::format("input too large (over {} MB), not read", max_bytes >> 20);
      return false;
    }
    bytes->append(buffer, static_cast<size_t>(n));
  }
}

bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    *error = std::strerror(errno);
    return false;
  }
  std::string temporary = path + ".dsaudit-tmp";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, info.st_mode & 07777);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::strerror(errno);
      ::close(fd);
      ::unlink(temporary.c_str());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) {
    *error = std::strerror(errno);
    ::unlink(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace dsaudit
