// scanner/politeness.h — per-host request pacing: a token bucket and host-pattern policies.
// Not thread-safe: owned by the crawl thread.
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

#include "scanner/crawl_types.h"

namespace exposcan {

class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;
  TokenBucket(double rate, int burst, Clock::time_point now);
  // Takes one token if available.
  bool try_take(Clock::time_point now);
  // When the next token will be available (now when one is).
  Clock::time_point next_available(Clock::time_point now);
  bool unlimited() const { return m_rate <= 0; }

 private:
  void refill(Clock::time_point now);
  double m_rate;
  double m_burst;
  double m_tokens;
  Clock::time_point m_last;
};

// '*' wildcard match of a host against a pattern, ASCII case-insensitive ("*.example.org").
bool host_matches(std::string_view pattern, std::string_view host);

// A host pattern written with international labels ("*.münchen.example") in the ASCII (punycode)
// form that Url gives hosts, so host_matches can compare them; labels holding '*' are kept as
// written. Applied once to the configured patterns (app/pipeline.cpp crawl_options).
std::string ascii_host_pattern(std::string_view pattern);

// The first policy whose pattern matches the host, else the default.
const HostPolicy& policy_for_host(const std::vector<HostPolicy>& policies, const HostPolicy& fallback,
                                  std::string_view host);

}  // namespace exposcan
