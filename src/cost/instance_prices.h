// Instance prices by type name, for the audit's cost findings: what an
// always-on machine declared in Terraform costs a year. The figures are the
// shipped price table's (data/prices/), each with its own date.
#pragma once

#include <span>
#include <string_view>

#include "cost/price_table.h"

namespace dsaudit::cost {

std::span<const InstancePrice> AllInstancePrices();
// The entry for `type` (an RDS class "db.m5.large" too), or nullptr.
const InstancePrice* FindInstancePrice(std::string_view type);

}  // namespace dsaudit::cost
