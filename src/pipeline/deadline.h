// A time limit per posting, checked cooperatively. Analyzer::analyze sets one for the posting it
// works on (DeadlineScope); the stages call poll_deadline() at points where stopping is safe
// (between tokens, patterns, pages), and a posting past its limit ends as a `timeout` error
// record while the batch goes on. Every stage is linear in its input (the scaling tests show
// it): the limit is the defence against a path that is not.
#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>

namespace jobmatch {

struct DeadlineExceeded : std::exception {
  const char* what() const noexcept override { return "deadline exceeded"; }
};

namespace detail {
// Polls left before the clock is read again; with no deadline set, so many that it never is.
inline thread_local uint32_t deadline_countdown = UINT32_MAX;
void deadline_check_clock();
}  // namespace detail

// Sets the calling thread's deadline to `seconds` from now for the scope's lifetime (<= 0: none);
// the one it replaces comes back at the end.
class DeadlineScope {
 public:
  explicit DeadlineScope(double seconds);
  ~DeadlineScope();
  DeadlineScope(const DeadlineScope&) = delete;
  DeadlineScope& operator=(const DeadlineScope&) = delete;

 private:
  std::chrono::steady_clock::time_point m_saved_at;
  bool m_saved_set;
  uint32_t m_saved_countdown;
};

// Throws DeadlineExceeded if the calling thread's deadline has passed. Reads the clock only every
// 256th call, so a hot loop pays a decrement.
inline void poll_deadline() {
  if (--detail::deadline_countdown == 0) detail::deadline_check_clock();
}

// Reads the clock now: for stage boundaries.
void check_deadline();

// The calling thread's deadline, if it has one: for a wait on another process.
std::optional<std::chrono::steady_clock::time_point> current_deadline();

}  // namespace jobmatch
