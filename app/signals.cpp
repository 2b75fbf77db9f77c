#include "app/signals.h"

#include <csignal>
#include <cstring>
#include <atomic>

#include <unistd.h>

#include "scanner/crawler.h"

namespace exposcan {
namespace {

std::atomic<Crawler*> g_crawler{nullptr};
std::atomic<int> g_count{0};
struct sigaction g_old_int, g_old_term;

void on_signal(int) {
  Crawler* c = g_crawler.load();
  int n = ++g_count;
  if (c == nullptr) return;
  if (n == 1) {
    static const char msg[] = "\nexposcan: interrupted: finishing requests in flight (again to abort)\n";
    ssize_t w = ::write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    c->request_stop();
  } else {
    c->request_abort();
  }
}

}  // namespace

InterruptGuard::InterruptGuard(Crawler& crawler) {
  g_count = 0;
  g_crawler = &crawler;
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = &on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &g_old_int);
  sigaction(SIGTERM, &sa, &g_old_term);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
  g_crawler = nullptr;
}

}  // namespace exposcan
