#include "cost/instance_prices.h"

#include <array>

namespace dsaudit::cost {
namespace {

// On-demand, Linux, no reservations or savings plans: AWS us-east-1, Google
// Cloud us-central1, Azure East US, as listed on kPriceTableDate. Rounded to
// the cent where the list has more digits.
constexpr std::array kPrices = {
    // AWS general purpose, compute and memory optimised
    InstancePrice{"aws", "us-east-1", "t3.medium", 2, 4, 0, "", 0.0416},
    InstancePrice{"aws", "us-east-1", "t3.large", 2, 8, 0, "", 0.0832},
    InstancePrice{"aws", "us-east-1", "t3.xlarge", 4, 16, 0, "", 0.1664},
    InstancePrice{"aws", "us-east-1", "m5.large", 2, 8, 0, "", 0.096},
    InstancePrice{"aws", "us-east-1", "m5.xlarge", 4, 16, 0, "", 0.192},
    InstancePrice{"aws", "us-east-1", "m5.2xlarge", 8, 32, 0, "", 0.384},
    InstancePrice{"aws", "us-east-1", "m5.4xlarge", 16, 64, 0, "", 0.768},
    InstancePrice{"aws", "us-east-1", "m5.12xlarge", 48, 192, 0, "", 2.304},
    InstancePrice{"aws", "us-east-1", "m5.24xlarge", 96, 384, 0, "", 4.608},
    InstancePrice{"aws", "us-east-1", "m6i.large", 2, 8, 0, "", 0.096},
    InstancePrice{"aws", "us-east-1", "m6i.xlarge", 4, 16, 0, "", 0.192},
    InstancePrice{"aws", "us-east-1", "m6i.2xlarge", 8, 32, 0, "", 0.384},
    InstancePrice{"aws", "us-east-1", "c5.xlarge", 4, 8, 0, "", 0.17},
    InstancePrice{"aws", "us-east-1", "c5.2xlarge", 8, 16, 0, "", 0.34},
    InstancePrice{"aws", "us-east-1", "c5.4xlarge", 16, 32, 0, "", 0.68},
    InstancePrice{"aws", "us-east-1", "c5.24xlarge", 96, 192, 0, "", 4.08},
    InstancePrice{"aws", "us-east-1", "r5.xlarge", 4, 32, 0, "", 0.252},
    InstancePrice{"aws", "us-east-1", "r5.2xlarge", 8, 64, 0, "", 0.504},
    InstancePrice{"aws", "us-east-1", "r5.24xlarge", 96, 768, 0, "", 6.048},
    // AWS GPU
    InstancePrice{"aws", "us-east-1", "g4dn.xlarge", 4, 16, 1, "T4", 0.526},
    InstancePrice{"aws", "us-east-1", "g4dn.2xlarge", 8, 32, 1, "T4", 0.752},
    InstancePrice{"aws", "us-east-1", "g4dn.12xlarge", 48, 192, 4, "T4", 3.912},
    InstancePrice{"aws", "us-east-1", "g5.xlarge", 4, 16, 1, "A10G", 1.006},
    InstancePrice{"aws", "us-east-1", "g5.2xlarge", 8, 32, 1, "A10G", 1.212},
    InstancePrice{"aws", "us-east-1", "g5.12xlarge", 48, 192, 4, "A10G", 5.672},
    InstancePrice{"aws", "us-east-1", "p3.2xlarge", 8, 61, 1, "V100", 3.06},
    InstancePrice{"aws", "us-east-1", "p3.8xlarge", 32, 244, 4, "V100", 12.24},
    InstancePrice{"aws", "us-east-1", "p3.16xlarge", 64, 488, 8, "V100", 24.48},
    InstancePrice{"aws", "us-east-1", "p4d.24xlarge", 96, 1152, 8, "A100", 32.77},
    InstancePrice{"aws", "us-east-1", "p5.48xlarge", 192, 2048, 8, "H100", 98.32},
    // AWS RDS (PostgreSQL, single-AZ)
    InstancePrice{"aws", "us-east-1", "db.t3.medium", 2, 4, 0, "", 0.072},
    InstancePrice{"aws", "us-east-1", "db.m5.large", 2, 8, 0, "", 0.171},
    InstancePrice{"aws", "us-east-1", "db.m5.xlarge", 4, 16, 0, "", 0.342},
    InstancePrice{"aws", "us-east-1", "db.r5.large", 2, 16, 0, "", 0.25},
    // Google Cloud
    InstancePrice{"gcp", "us-central1", "e2-standard-4", 4, 16, 0, "", 0.134},
    InstancePrice{"gcp", "us-central1", "n1-standard-4", 4, 15, 0, "", 0.19},
    InstancePrice{"gcp", "us-central1", "n2-standard-4", 4, 16, 0, "", 0.194},
    InstancePrice{"gcp", "us-central1", "n2-standard-8", 8, 32, 0, "", 0.388},
    InstancePrice{"gcp", "us-central1", "n2-standard-32", 32, 128, 0, "", 1.554},
    InstancePrice{"gcp", "us-central1", "g2-standard-4", 4, 16, 1, "L4", 0.71},
    InstancePrice{"gcp", "us-central1", "a2-highgpu-1g", 12, 85, 1, "A100", 3.67},
    InstancePrice{"gcp", "us-central1", "a2-highgpu-8g", 96, 680, 8, "A100", 29.39},
    // Azure
    InstancePrice{"azure", "eastus", "Standard_D4s_v5", 4, 16, 0, "", 0.192},
    InstancePrice{"azure", "eastus", "Standard_D8s_v5", 8, 32, 0, "", 0.384},
    InstancePrice{"azure", "eastus", "Standard_NC4as_T4_v3", 4, 28, 1, "T4", 0.526},
    InstancePrice{"azure", "eastus", "Standard_NC6s_v3", 6, 112, 1, "V100", 3.06},
    InstancePrice{"azure", "eastus", "Standard_NC24ads_A100_v4", 24, 220, 1, "A100", 3.673},
    InstancePrice{"azure", "eastus", "Standard_ND96asr_v4", 96, 900, 8, "A100", 27.197},
};

}  // namespace

std::span<const InstancePrice> AllInstancePrices() { return kPrices; }

const InstancePrice* FindInstancePrice(std::string_view type) {
  for (const InstancePrice& price : kPrices) {
    if (price.type == type) return &price;
  }
  return nullptr;
}

}  // namespace dsaudit::cost
