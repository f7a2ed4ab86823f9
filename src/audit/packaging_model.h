// The project's declared dependencies and what its code imports, read once
// from every dependency manager's files so that the packaging checks compare
// like with like (PEP 503-normalized distribution names).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "audit/inventory.h"

namespace dsaudit::audit {

struct Dependency {
  std::string name;  // normalized: lowercase, runs of -_. become '-'
  std::string spec;  // as written
  const InventoryFile* file = nullptr;
  Span span;
  bool pinned = false;  // exact version, URL or hash: reproducible as written
  bool dev = false;     // dev/test/optional group: never "unused"
};

struct PyprojectFacts {
  bool parsed = false;
  bool has_project = false;   // [project]
  bool has_poetry = false;    // [tool.poetry]
  bool has_version = false;   // static or dynamic version
  bool has_coverage = false;  // [tool.coverage.*] or pytest --cov addopts
  bool has_lint = false;      // [tool.ruff], [tool.black], [tool.pylint], [tool.flake8], [tool.mypy], [tool.isort]
  std::string error;
};

struct PackagingModel {
  std::vector<Dependency> dependencies;
  PyprojectFacts pyproject;
  // Top-level modules imported by Python files and notebooks, with the first place seen.
  struct Import {
    std::string module;
    const InventoryFile* file = nullptr;
    Span span;
  };
  std::vector<Import> third_party_imports;  // stdlib and the project's own modules left out
  std::set<std::string> imported;           // every top-level module imported anywhere
};

std::string NormalizeDistribution(std::string_view name);
PackagingModel BuildPackagingModel(const Inventory& inventory);

// Distributions that can provide import `module` (normalized names): the
// common mismatches (sklearn -> scikit-learn) plus the module's own name.
std::vector<std::string> DistributionsFor(std::string_view module);
bool IsStdlibModule(std::string_view module);
// Tools used from the command line rather than imported (pytest, gunicorn).
bool IsToolDistribution(std::string_view normalized);

}  // namespace dsaudit::audit
