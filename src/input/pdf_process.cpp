// read_pdf(), run_pdf_reader(): PDFs read in a helper process. See pdf_process.h.
#include "input/pdf_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstring>
#include <new>
#include <optional>

#include "pipeline/deadline.h"

extern char** environ;

#if defined(__SANITIZE_ADDRESS__)
#define JOBMATCH_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JOBMATCH_UNDER_ASAN 1
#endif
#endif

namespace jobmatch {
namespace {

// The helper's limit on its address space. A helper at work on a page of 5 KB held 64 MB of it
// (15 MB resident), and a file that claims more objects than it can hold is refused before
// poppler sizes a table for them (pdf.cpp); past this, an allocation fails and the helper
// stops: that posting's record.
// (Not under AddressSanitizer, which reserves terabytes of address space for its shadow.)
constexpr rlim_t kReaderAddressSpace = rlim_t{2} << 30;

// The largest answer the helper can give: text of at most 4 GiB (pdf.cpp) and its page starts.
constexpr uint64_t kMaxAnswer = uint64_t{16} << 30;

std::string g_program;  // set before any worker starts

void put_u64(std::string* out, uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  out->append(b, 8);
}

void put_bytes(std::string* out, std::string_view s) {
  put_u64(out, s.size());
  out->append(s);
}

uint64_t get_u64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Reads what encode_extracted wrote, field by field; ok() is false once a field ran past the end.
class Fields {
 public:
  explicit Fields(std::string_view in) : m_in(in) {}
  uint64_t u64() {
    if (m_in.size() < 8) return fail();
    const uint64_t v = get_u64(m_in.data());
    m_in.remove_prefix(8);
    return v;
  }
  std::string_view bytes() {
    const uint64_t n = u64();
    if (n > m_in.size()) return fail(), std::string_view();
    const std::string_view s = m_in.substr(0, n);
    m_in.remove_prefix(n);
    return s;
  }
  bool ok() const { return m_ok; }
  bool at_end() const { return m_in.empty(); }

 private:
  uint64_t fail() {
    m_ok = false;
    m_in = {};
    return 0;
  }
  std::string_view m_in;
  bool m_ok = true;
};

bool read_exactly(int fd, char* p, size_t n) {
  while (n > 0) {
    const ssize_t k = ::read(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    p += k;
    n -= static_cast<size_t>(k);
  }
  return true;
}

// On a socket: MSG_NOSIGNAL, so a helper that is gone is an error, not SIGPIPE.
bool send_all(int fd, std::string_view s) {
  while (!s.empty()) {
    const ssize_t k = ::send(fd, s.data(), s.size(), MSG_NOSIGNAL);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    s.remove_prefix(static_cast<size_t>(k));
  }
  return true;
}

// The calling thread's helper process and the socket to it.
class Helper {
 public:
  Helper() = default;
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;
  ~Helper() { stop(false); }

  // False if no helper could be started or reached.
  bool read(std::string_view bytes, ExtractedText* out);
  // Closes the socket (the helper then ends) and waits for it; kills it first if asked to.
  // Returns its wait status.
  int stop(bool kill_it);

 private:
  bool start();
  // Reads the answer into m_answer until the thread's deadline; false if the helper is gone.
  bool receive();

  pid_t m_pid = -1;
  int m_fd = -1;
  std::string m_answer;
};

bool Helper::start() {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return false;
  // The helper's end becomes its fd 3. dup2 onto itself would leave close-on-exec set.
  int child_end = sv[1];
  if (child_end == 3) {
    child_end = ::fcntl(sv[1], F_DUPFD_CLOEXEC, 4);
    ::close(sv[1]);
    if (child_end < 0) {
      ::close(sv[0]);
      return false;
    }
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child_end, 3);
  // Not the batch's standard input and output: a helper that outlived its batch would keep a
  // pipe open. Standard error stays (a sanitizer's report).
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  std::string parent = std::to_string(::getpid());
  // As `ps` shows it: jobmatch __pdf-reader PID.
  static char name[] = "jobmatch";
  char* argv[] = {name, const_cast<char*>(kPdfReaderCommand), parent.data(), nullptr};
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, g_program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(child_end);
  if (rc != 0) {
    ::close(sv[0]);
    return false;
  }
  m_pid = pid;
  m_fd = sv[0];
  return true;
}

int Helper::stop(bool kill_it) {
  int status = 0;
  if (m_fd >= 0) ::close(m_fd);
  if (m_pid > 0) {
    if (kill_it) ::kill(m_pid, SIGKILL);
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  m_fd = -1;
  m_pid = -1;
  return status;
}

bool Helper::receive() {
  using Clock = std::chrono::steady_clock;
  const std::optional<Clock::time_point> deadline = current_deadline();
  m_answer.clear();
  size_t need = 8;
  char chunk[1 << 16];
  while (m_answer.size() < need) {
    int timeout_ms = -1;
    if (deadline) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
      if (left <= 0) {
        stop(true);
        throw DeadlineExceeded{};
      }
      timeout_ms = static_cast<int>(std::min<int64_t>(left, INT_MAX));
    }
    pollfd p{m_fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeout_ms);
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;  // the deadline is looked at again
    const ssize_t k = ::read(m_fd, chunk, std::min(sizeof chunk, need - m_answer.size()));
    if (k < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (k <= 0) return false;
    m_answer.append(chunk, static_cast<size_t>(k));
    if (need == 8 && m_answer.size() == 8) {
      const uint64_t size = get_u64(m_answer.data());
      if (size > kMaxAnswer) return false;
      need = 8 + size;
      m_answer.reserve(need);
    }
  }
  return true;
}

bool Helper::read(std::string_view bytes, ExtractedText* out) {
  if (m_pid < 0 && !start()) return false;
  std::string header;
  put_u64(&header, bytes.size());
  if (!send_all(m_fd, header) || !send_all(m_fd, bytes)) {
    // A helper that cannot take a request is gone: one new start.
    stop(true);
    if (!start() || !send_all(m_fd, header) || !send_all(m_fd, bytes)) {
      stop(true);
      return false;
    }
  }
  if (receive() && decode_extracted(std::string_view(m_answer).substr(8), out)) return true;
  const int status = stop(true);
  *out = ExtractedText{};
  std::string why = "the PDF reader ended without an answer";
  if (WIFSIGNALED(status)) {
    const char* name = ::strsignal(WTERMSIG(status));
    why = "the PDF reader was stopped by signal " + std::to_string(WTERMSIG(status)) + " (" +
          (name ? name : "unknown") + ": out of memory, or a fault in it)";
  } else if (WIFEXITED(status)) {
    why += " (exit code " + std::to_string(WEXITSTATUS(status)) + ")";
  }
  out->error = InputError{"pdf", "not a readable PDF: " + why};
  return true;
}

thread_local Helper t_helper;

}  // namespace

void set_pdf_reader_program(std::string path) {
  t_helper.stop(true);  // (a helper of another program, in tests)
  g_program = std::move(path);
}

void read_pdf(std::string_view bytes, ExtractedText* out) {
  if (!g_program.empty() && t_helper.read(bytes, out)) return;
  extract_pdf(bytes, out);
}

std::string encode_extracted(const ExtractedText& t) {
  std::string out;
  put_u64(&out, t.error.has_value());
  if (t.error) {
    put_bytes(&out, t.error->kind);
    put_bytes(&out, t.error->message);
    return out;
  }
  put_bytes(&out, t.title);
  put_bytes(&out, t.text);
  put_bytes(&out, std::string_view(reinterpret_cast<const char*>(t.page_starts.data()), t.page_starts.size() * 4));
  return out;
}

bool decode_extracted(std::string_view bytes, ExtractedText* out) {
  *out = ExtractedText{};
  Fields in(bytes);
  const uint64_t has_error = in.u64();
  if (has_error > 1) return false;
  if (has_error) {
    const std::string_view kind = in.bytes(), message = in.bytes();
    out->error = InputError{std::string(kind), std::string(message)};
  } else {
    out->title = in.bytes();
    out->text = in.bytes();
    const std::string_view starts = in.bytes();
    if (starts.size() % 4 != 0) return false;
    out->page_starts.resize(starts.size() / 4);
    if (!starts.empty()) std::memcpy(out->page_starts.data(), starts.data(), starts.size());
  }
  if (!in.ok() || !in.at_end()) {
    *out = ExtractedText{};
    return false;
  }
  return true;
}

int run_pdf_reader(int fd, long parent) {
  // Killed with the thread that started it: a batch killed on its own (SIGTERM, SIGKILL) must
  // not leave a helper at work on a page that takes an hour. If that thread is gone already,
  // the signal will not come.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) return 0;
#ifndef JOBMATCH_UNDER_ASAN
  // A lower limit the batch runs under (ulimit -v) stays.
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) == 0) {
    limit.rlim_cur = std::min({limit.rlim_cur, limit.rlim_max, kReaderAddressSpace});
    ::setrlimit(RLIMIT_AS, &limit);
  }
#endif
  std::string request, answer;
  for (;;) {
    char header[8];
    if (!read_exactly(fd, header, 8)) return 0;  // the end of the requests
    const uint64_t size = get_u64(header);
    if (size > kMaxAnswer) return 2;
    request.resize(size);
    if (!read_exactly(fd, request.data(), size)) return 2;
    ExtractedText t;
    try {
      extract_pdf(request, &t);
    } catch (const std::bad_alloc&) {
      t = ExtractedText{};
      t.error = InputError{"resource", "out of memory while reading this PDF"};
    } catch (...) {  // (no deadline is set here)
      t = ExtractedText{};
      t.error = InputError{"pdf", "not a readable PDF"};
    }
    answer.assign(8, '\0');
    answer += encode_extracted(t);
    const uint64_t payload = answer.size() - 8;
    std::memcpy(answer.data(), &payload, 8);
    if (!send_all(fd, answer)) return 2;
  }
}

}  // namespace jobmatch
