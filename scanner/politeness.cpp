#include "scanner/politeness.h"

#include <algorithm>

#include "core/text.h"
#include "core/url.h"

namespace exposcan {

TokenBucket::TokenBucket(double rate, int burst, Clock::time_point now)
    : m_rate(rate), m_burst(std::max(1, burst)), m_tokens(std::max(1, burst)), m_last(now) {}

void TokenBucket::refill(Clock::time_point now) {
  if (now <= m_last) return;
  double elapsed = std::chrono::duration<double>(now - m_last).count();
  m_tokens = std::min(m_burst, m_tokens + elapsed * m_rate);
  m_last = now;
}

bool TokenBucket::try_take(Clock::time_point now) {
  if (unlimited()) return true;
  refill(now);
  if (m_tokens < 1.0) return false;
  m_tokens -= 1.0;
  return true;
}

TokenBucket::Clock::time_point TokenBucket::next_available(Clock::time_point now) {
  if (unlimited()) return now;
  refill(now);
  if (m_tokens >= 1.0) return now;
  double wait_s = (1.0 - m_tokens) / m_rate;
  return now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait_s));
}

std::string ascii_host_pattern(std::string_view pattern) {
  if (is_ascii(pattern)) return std::string(pattern);
  std::string out;
  const std::vector<std::string_view> labels = split(pattern, '.');
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += '.';
    std::string ascii = labels[i].find('*') == std::string_view::npos ? host_to_ascii(labels[i]) : std::string();
    out += ascii.empty() ? std::string(labels[i]) : ascii;
  }
  return out;
}

bool host_matches(std::string_view pattern, std::string_view host) {
  // Iterative glob with '*' only.
  size_t p = 0, h = 0, star = std::string_view::npos, mark = 0;
  while (h < host.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = h;
    } else if (p < pattern.size() && ascii_lower_char(pattern[p]) == ascii_lower_char(host[h])) {
      ++p;
      ++h;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      h = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

const HostPolicy& policy_for_host(const std::vector<HostPolicy>& policies, const HostPolicy& fallback,
                                  std::string_view host) {
  for (const auto& p : policies)
    if (host_matches(p.host_pattern, host)) return p;
  return fallback;
}

}  // namespace exposcan
