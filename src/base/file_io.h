// Reading whole files with clear errors, shared by every command.
#pragma once

#include <cstddef>
#include <string>

namespace dsaudit {

// Larger files are refused unread: 32-bit token offsets, and no real source
// file is this big (the largest in CPython's stdlib is under 1 MB).
inline constexpr size_t kMaxSourceFileBytes = size_t{256} << 20;

// Reads a whole regular file of at most `max_bytes`; on failure returns false
// and sets `error` to a message fit for the user ("Permission denied",
// "Is a directory", "not a regular file", "file too large (...)"). Every
// command reads through this, so the messages read the same everywhere.
bool ReadFileBytes(const std::string& path, std::string* bytes, std::string* error,
                   size_t max_bytes = kMaxSourceFileBytes);

// Reads a stream (standard input, a pipe) to its end, refusing more than
// `max_bytes`; errors as ReadFileBytes words them.
bool ReadStreamBytes(int fd, std::string* bytes, std::string* error,
                     size_t max_bytes = kMaxSourceFileBytes);

// Replaces a file's content atomically (temporary file in the same
// directory, then rename), keeping its permissions.
bool WriteFileAtomically(const std::string& path, const std::string& bytes, std::string* error);

}  // namespace dsaudit
