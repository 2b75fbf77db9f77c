// rules/identity_yaml.h — reads an Identity from an already parsed YAML node (internal to rules:
// the identity file and the identity pack's `test_identity:` block share this reader).
#pragma once

#include <yaml-cpp/yaml.h>

#include "core/expected.h"
#include "rules/identity.h"
#include "rules/yaml_util.h"

namespace exposcan {

// Errors: "file:line: message" (code "identity").
Expected<Identity> identity_from_yaml(const YAML::Node& node, const yaml::Where& where);

}  // namespace exposcan
