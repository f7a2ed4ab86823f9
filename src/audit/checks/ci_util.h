// What the project's CI configuration runs, read as text: every CI system
// spells its steps differently, but the commands inside are the same.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "audit/inventory.h"

namespace dsaudit::audit {

std::vector<const InventoryFile*> CiFiles(const Inventory& inventory);
// Whether any CI file mentions one of `words` (tool names, commands).
bool CiMentions(const Inventory& inventory, std::span<const std::string_view> words);

inline constexpr std::string_view kTestCommands[] = {
    "pytest", "unittest", "tox", "nox", "make test", "manage.py test", "coverage run"};
inline constexpr std::string_view kLintCommands[] = {
    "ruff", "flake8", "pylint", "black", "mypy", "pre-commit", "isort", "dsaudit", "bandit",
    "pyright", "make lint"};

}  // namespace dsaudit::audit
