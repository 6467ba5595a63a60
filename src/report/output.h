// Buffered standard output that notices a closed pipe, so a run can end quietly on
// `jobmatch score big/ | head -1` instead of dying on SIGPIPE, and any other write error, so a
// run on a full disk does not look like success.
#pragma once

#include <string>
#include <string_view>

namespace jobmatch {

class Output {
 public:
  explicit Output(int fd = 1) : m_fd(fd) {}
  ~Output() { flush(); }

  void write(std::string_view s) {
    m_buf.append(s);
    if (m_buf.size() >= (1u << 16)) flush();
  }
  // Writes out the buffer. After a write error (EPIPE, ENOSPC...), further output is dropped.
  void flush();
  bool broken() const { return m_broken; }
  // Marks the output incomplete for a reason of its own (the table could not read back rows it
  // had put aside): writing goes on, and the run ends as after a write error.
  void fail(int err) {
    if (!m_errno) m_errno = err;
    m_incomplete = true;
  }
  bool complete() const { return !m_broken && !m_incomplete; }
  int error() const { return m_errno; }  // why it is broken or incomplete

 private:
  int m_fd;
  std::string m_buf;
  bool m_broken = false;
  bool m_incomplete = false;
  int m_errno = 0;
};

}  // namespace jobmatch
