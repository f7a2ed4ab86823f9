#include "audit/checks/ci_util.h"

namespace dsaudit::audit {

std::vector<const InventoryFile*> CiFiles(const Inventory& inventory) {
  std::vector<const InventoryFile*> out;
  for (const InventoryFile& file : inventory.files) {
    switch (file.role) {
      case FileRole::kGithubWorkflow:
      case FileRole::kGitlabCi:
      case FileRole::kJenkinsfile:
      case FileRole::kAzurePipelines:
      case FileRole::kCircleCi:
        out.push_back(&file);
        break;
      default:
        break;
    }
  }
  return out;
}

bool CiMentions(const Inventory& inventory, std::span<const std::string_view> words) {
  for (const InventoryFile* file : CiFiles(inventory)) {
    for (std::string_view word : words) {
      if (file->text.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace dsaudit::audit
