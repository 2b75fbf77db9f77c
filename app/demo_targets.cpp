#include "app/demo_targets.h"

namespace exposcan {

// Jane Example's personal site and her accounts on eleven platforms, written the ways people write
// them (URLs and PLATFORM:ACCOUNT forms; see app/targets.h).
std::vector<std::string> demo_targets() {
  return {
      "https://jane.example/",
      "https://mastodon.social/@janeexample",
      "https://www.instagram.com/janeexample/",
      "threads:janeexample",
      "bsky:janeexample.bsky.social",
      "reddit:janeexample",
      "github:janeexample",
      "youtube:@janeexample",
      "https://www.facebook.com/janeexample",
      "x:janeexample",
      "linkedin:janeexample",
      "stackoverflow:4815162",
      "https://janeexample.wordpress.com/",
  };
}

}  // namespace exposcan
