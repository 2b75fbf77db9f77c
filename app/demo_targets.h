// app/demo_targets.h — the sample person's public profiles that `exposcan demo` scans.
#pragma once

#include <string>
#include <vector>

namespace exposcan {

std::vector<std::string> demo_targets();

}  // namespace exposcan
