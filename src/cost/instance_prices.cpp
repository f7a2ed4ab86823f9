#include "cost/instance_prices.h"

namespace dsaudit::cost {

std::span<const InstancePrice> AllInstancePrices() { return ShippedPrices().instances; }

const InstancePrice* FindInstancePrice(std::string_view type) {
  for (const InstancePrice& price : AllInstancePrices()) {
    if (price.type == type) return &price;
  }
  return nullptr;
}

}  // namespace dsaudit::cost
