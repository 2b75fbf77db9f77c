// app/signals.h — SIGINT/SIGTERM during a scan: the first stops fetching (what is in hand is
// finished and reported as interrupted, exit 130); the second aborts transfers in flight.
#pragma once

namespace exposcan {

class Crawler;

// Installs the handlers for its lifetime and points them at `crawler`.
class InterruptGuard {
 public:
  explicit InterruptGuard(Crawler& crawler);
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

}  // namespace exposcan
