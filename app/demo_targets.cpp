#include "app/demo_targets.h"

namespace exposcan {

std::vector<std::string> demo_targets() {
  return {
      "https://jane.example/",
      "https://mastodon.social/@janeexample",
      "https://www.instagram.com/janeexample/",
  };
}

}  // namespace exposcan
