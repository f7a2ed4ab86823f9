// DS153 depends on the file name, which a fixture (named *_fixture.ipynb)
// cannot have.
#include <gtest/gtest.h>

#include <string>

#include "checks/engine.h"

namespace dsaudit::checks {
namespace {

const char kNotebook[] =
    R"({"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],)"
    R"( "source": ["x = 1\n"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})";

size_t FindingsFor(const std::string& path) {
  config::Config config;
  config.selections.push_back({.select = std::vector<std::string>{"DS153"}});
  Engine engine(config);
  return engine.CheckFile({.path = path, .is_notebook = true, .bytes = kNotebook}).findings.size();
}

TEST(UntitledNotebookTest, ReportsJupyterDefaultNames) {
  EXPECT_EQ(FindingsFor("Untitled.ipynb"), 1u);
  EXPECT_EQ(FindingsFor("notebooks/Untitled3.ipynb"), 1u);
  EXPECT_EQ(FindingsFor("Untitled-1.ipynb"), 1u);
  EXPECT_EQ(FindingsFor("Untitled1-Copy1.ipynb"), 1u);
}

TEST(UntitledNotebookTest, AcceptsRealNames) {
  EXPECT_EQ(FindingsFor("notebooks/01-eda.ipynb"), 0u);
  EXPECT_EQ(FindingsFor("untitled_notes.ipynb"), 0u);
  EXPECT_EQ(FindingsFor("UntitledProject.ipynb"), 0u);
}

}  // namespace
}  // namespace dsaudit::checks
