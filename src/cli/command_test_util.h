// A fixture for tests that run the real dsaudit binary: a command's contract
// is its output and exit status. Header-only: only *_test.cpp files include it.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace dsaudit::cli {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class CommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("dsaudit_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" +
            std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes a file below the test's directory and returns its path.
  std::string Write(const std::string& name, const std::string& bytes) {
    std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  // Runs `dsaudit ARGS`, from `cwd` when given.
  CommandResult Run(const std::string& args, const std::filesystem::path& cwd = {}) {
    std::string command = cwd.empty() ? "" : "cd " + cwd.string() + " && ";
    command += std::string(DSAUDIT_BINARY) + " " + args + " >" + (dir_ / "out").string() +
               " 2>" + (dir_ / "err").string();
    CommandResult run;
    int raw = std::system(command.c_str());
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = ReadAll(dir_ / "out");
    run.err = ReadAll(dir_ / "err");
    return run;
  }

  std::filesystem::path dir_;
};

}  // namespace dsaudit::cli
