#include "pipeline/deadline.h"

namespace jobmatch {
namespace {

constexpr uint32_t kPollsPerClockRead = 256;

thread_local std::chrono::steady_clock::time_point t_at;
thread_local bool t_set = false;

}  // namespace

void detail::deadline_check_clock() {
  if (!t_set) {
    deadline_countdown = UINT32_MAX;
    return;
  }
  deadline_countdown = kPollsPerClockRead;
  if (std::chrono::steady_clock::now() >= t_at) throw DeadlineExceeded{};
}

DeadlineScope::DeadlineScope(double seconds)
    : m_saved_at(t_at), m_saved_set(t_set), m_saved_countdown(detail::deadline_countdown) {
  t_set = seconds > 0;
  if (t_set)
    t_at = std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
  detail::deadline_countdown = t_set ? kPollsPerClockRead : UINT32_MAX;
}

DeadlineScope::~DeadlineScope() {
  t_at = m_saved_at;
  t_set = m_saved_set;
  detail::deadline_countdown = m_saved_countdown;
}

void check_deadline() {
  if (t_set && std::chrono::steady_clock::now() >= t_at) throw DeadlineExceeded{};
}

std::optional<std::chrono::steady_clock::time_point> current_deadline() {
  if (!t_set) return std::nullopt;
  return t_at;
}

}  // namespace jobmatch
