// The progress line on standard error: postings done (of how many, when known), MB/s and an
// ETA, redrawn in place. Shown only when standard error is a terminal, --quiet is not given, and
// the run is long (more than 2 seconds or more than 200 inputs); cleared at the end, so nothing
// of it stays in a terminal's scrollback or ever reaches a file or a pipe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace jobmatch {

class Progress {
 public:
  // total: the number of inputs if known in advance, else 0 (then no ETA). bytes: read so far
  // (RunOptions::bytes_read); may be null.
  Progress(bool enabled, size_t total, const std::atomic<uint64_t>* bytes, int fd = 2);
  ~Progress() { finish(); }

  // Call once per input handed over.
  void tick();
  // Clears the line, if one was drawn.
  void finish();

  // The line for a state, without escape codes (for tests): "1234/5000 postings  12.3 MB/s  ETA 0:42".
  static std::string line(size_t done, size_t total, double seconds, uint64_t bytes);

 private:
  bool m_enabled;
  size_t m_total;
  const std::atomic<uint64_t>* m_bytes;
  int m_fd;
  size_t m_done = 0;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_start, m_last;
};

// Whether progress may be drawn: fd is a terminal and TERM is not "dumb".
bool progress_allowed(int fd = 2);

}  // namespace jobmatch
