#include "app/progress.h"

#include <fmt/format.h>

#include <cstdio>

namespace exposcan {

ProgressLine::ProgressLine() : m_start(std::chrono::steady_clock::now()) {}

void ProgressLine::update(const CrawlProgress& p) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
  double rate = secs > 0 ? static_cast<double>(p.done) / secs : 0;
  std::string line = fmt::format("\r\x1b[2Kexposcan: {} pages, {} queued, {} in flight, {} errors, {:.1f} MB, {:.1f} pages/s{}",
                                 p.done, p.queued, p.in_flight, p.errors, static_cast<double>(p.bytes) / 1e6, rate,
                                 p.hosts_waiting ? fmt::format(", {} host(s) waiting (politeness)", p.hosts_waiting) : "");
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  m_drawn = true;
}

void ProgressLine::finish() {
  if (m_drawn) std::fputs("\r\x1b[2K", stderr);
  std::fflush(stderr);
}

}  // namespace exposcan
