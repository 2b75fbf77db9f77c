// app/progress.h — the live progress line on stderr (only on a TTY; --quiet turns it off).
#pragma once

#include <chrono>

#include "scanner/crawl_types.h"

namespace exposcan {

class ProgressLine {
 public:
  ProgressLine();
  void update(const CrawlProgress& p);
  void finish();  // clears the line

 private:
  std::chrono::steady_clock::time_point m_start;
  bool m_drawn = false;
};

}  // namespace exposcan
