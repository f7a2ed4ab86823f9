// The price table shipped with dsaudit: on-demand Linux list prices of common
// cloud instance types, dated, so that a finding can say what an always-on
// machine costs a year. Prices change; the date travels with every figure.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace dsaudit::cost {

// When the prices below were read from the providers' public price lists.
inline constexpr std::string_view kPriceTableDate = "2025-06";
inline constexpr double kHoursPerYear = 8760;

struct InstancePrice {
  std::string_view provider;  // aws, gcp, azure
  std::string_view region;    // the list the price comes from
  std::string_view type;      // as Terraform writes it: p3.2xlarge, a2-highgpu-1g, Standard_NC6s_v3
  uint32_t vcpus = 0;
  double memory_gib = 0;
  uint32_t gpus = 0;
  std::string_view gpu_model;  // "" without GPU
  double usd_per_hour = 0;

  double UsdPerYear() const { return usd_per_hour * kHoursPerYear; }
};

std::span<const InstancePrice> AllInstancePrices();
// The entry for `type` (an RDS class "db.m5.large" too), or nullptr.
const InstancePrice* FindInstancePrice(std::string_view type);

}  // namespace dsaudit::cost
