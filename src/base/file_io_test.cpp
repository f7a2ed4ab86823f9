#include "base/file_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>

namespace dsaudit {
namespace {

// Feeds `text` through a pipe, as a shell feeds standard input.
std::string ReadThroughPipe(const std::string& text, bool* ok, std::string* error) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    size_t done = 0;
    while (done < text.size()) {
      ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ::close(fds[1]);
  });
  std::string bytes;
  *ok = ReadStreamBytes(fds[0], &bytes, error);
  ::close(fds[0]);
  writer.join();
  return bytes;
}

TEST(ReadStreamBytesTest, ReadsAPipeLongerThanOneBufferToItsEnd) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "x = " + std::to_string(i) + "\n";
  bool ok = false;
  std::string error;
  EXPECT_EQ(ReadThroughPipe(text, &ok, &error), text);
  EXPECT_TRUE(ok) << error;
}

TEST(ReadStreamBytesTest, RefusesInputOverTheLimit) {
  // A file, not a pipe: the reader stops early, and a pipe's writer would
  // then die of SIGPIPE.
  std::FILE* file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  std::string big(3 << 20, 'a');
  ASSERT_EQ(std::fwrite(big.data(), 1, big.size(), file), big.size());
  std::fflush(file);
  std::rewind(file);
  std::string bytes, error;
  EXPECT_FALSE(ReadStreamBytes(::fileno(file), &bytes, &error, size_t{1} << 20));
  EXPECT_EQ(error, "input too large (over 1 MB), not read");
  std::fclose(file);
}

}  // namespace
}  // namespace dsaudit
