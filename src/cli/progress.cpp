#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace jobmatch {
namespace {

constexpr size_t kLongRunInputs = 200;
constexpr double kLongRunSeconds = 2.0;
constexpr double kRedrawSeconds = 0.1;

void write_all(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;  // a progress line is never worth an error
    done += static_cast<size_t>(n);
  }
}

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

bool progress_allowed(int fd) {
  if (!::isatty(fd)) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

Progress::Progress(bool enabled, size_t total, const std::atomic<uint64_t>* bytes, int fd)
    : m_enabled(enabled), m_total(total), m_bytes(bytes), m_fd(fd) {
  m_start = m_last = std::chrono::steady_clock::now();
}

std::string Progress::line(size_t done, size_t total, double seconds, uint64_t bytes) {
  std::string s = "jobmatch: " + std::to_string(done);
  if (total > 0) s += "/" + std::to_string(total);
  s += " postings";
  char buf[64];
  if (seconds > 0) {
    std::snprintf(buf, sizeof buf, "  %.1f MB/s", static_cast<double>(bytes) / 1e6 / seconds);
    s += buf;
  }
  if (total > 0 && done > 0 && done <= total && seconds > 0)
    s += "  ETA " + clock_text(seconds / static_cast<double>(done) * static_cast<double>(total - done));
  return s;
}

void Progress::tick() {
  if (!m_enabled) return;
  ++m_done;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - m_start).count();
  if (m_done <= kLongRunInputs && elapsed < kLongRunSeconds) return;  // a short run shows nothing
  if (m_drawn && std::chrono::duration<double>(now - m_last).count() < kRedrawSeconds) return;
  m_last = now;
  std::string text = line(m_done, m_total, elapsed, m_bytes ? m_bytes->load() : 0);
  winsize ws{};
  if (::ioctl(m_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 && text.size() >= ws.ws_col) text.resize(ws.ws_col - 1);
  write_all(m_fd, "\r\033[K" + text);
  m_drawn = true;
}

void Progress::finish() {
  if (m_drawn) write_all(m_fd, "\r\033[K");
  m_drawn = false;
}

}  // namespace jobmatch
