#include "report/output_file.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>

namespace jobmatch {
namespace {

namespace fs = std::filesystem;

// What the signal handler removes: one temporary file at a time (one report per process). The
// handler only reads these; they are written with the signals blocked.
char g_temp_path[PATH_MAX + 1];
volatile sig_atomic_t g_armed = 0;

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr size_t kSignalCount = std::size(kSignals);
struct sigaction g_previous[kSignalCount];
bool g_installed[kSignalCount] = {};

extern "C" void remove_temp_and_die(int sig) {
  // unlink, signal and raise are async-signal-safe. The signal is blocked while its handler
  // runs, so the raised one is delivered, with the default action, when the handler returns:
  // the process ends as killed by that signal.
  if (g_armed) ::unlink(g_temp_path);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

sigset_t fatal_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (const int sig : kSignals) sigaddset(&set, sig);
  return set;
}

// Installs the handler for each signal that is not ignored (a signal the parent ignores, as
// nohup does for SIGHUP, stays ignored: it cannot interrupt the write).
void install_handlers() {
  for (size_t i = 0; i < kSignalCount; ++i) {
    struct sigaction old {};
    if (::sigaction(kSignals[i], nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction sa {};
    sa.sa_handler = remove_temp_and_die;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    if (::sigaction(kSignals[i], &sa, &g_previous[i]) == 0) g_installed[i] = true;
  }
}

void restore_handlers() {
  for (size_t i = 0; i < kSignalCount; ++i)
    if (g_installed[i]) {
      ::sigaction(kSignals[i], &g_previous[i], nullptr);
      g_installed[i] = false;
    }
}

// The permission bits an ordinary create gives a new file: 0666 less the umask. umask() can only
// be read by setting it; this runs before any worker thread exists.
mode_t create_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

fs::path normalised(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  fs::path out = fs::weakly_canonical(abs, ec);
  if (ec) out = abs;
  out = out.lexically_normal();
  if (!out.has_filename() && out.has_parent_path() && out != out.root_path()) out = out.parent_path();
  return out;
}

}  // namespace

std::optional<FileId> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

bool same_file(const std::string& a, const std::string& b) {
  const auto ia = file_id(a), ib = file_id(b);
  if (ia && ib) return *ia == *ib;
  return normalised(a) == normalised(b);
}

OutputFile::~OutputFile() { discard(); }

Status OutputFile::open(const std::string& path) {
  m_path = path;
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    // A symbolic link: the file it points to is replaced, as writing through the link would.
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      m_path = real;
      ::free(real);
    }
  }
  mode_t mode = create_mode();
  uid_t uid = static_cast<uid_t>(-1);  // -1: left as created
  gid_t gid = static_cast<gid_t>(-1);
  if (::stat(m_path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      return Error(std::strerror(EISDIR));
    }
    if (!S_ISREG(st.st_mode)) {
      // A device or FIFO: nothing to replace; written as a stream (this may wait for a FIFO's
      // reader, as any writer does).
      m_fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (m_fd < 0) {
        return Error(std::strerror(errno));
      }
      return {};
    }
    // A FILE write-protected for us stays protected (the folder may allow replacing it).
    if (::access(m_path.c_str(), W_OK) != 0) {
      return Error(std::strerror(errno));
    }
    m_old = FileId{st.st_dev, st.st_ino};
    // The file keeps its permissions, owner and group, as when it was rewritten in place.
    mode = st.st_mode & 0777;
    uid = st.st_uid;
    gid = st.st_gid;
  }

  const fs::path target(m_path);
  std::string dir = target.parent_path().string();
  if (dir.empty()) dir = ".";
  std::string name = target.filename().string();
  if (name.size() > 200) name.resize(200);  // the temporary name must fit in NAME_MAX too
  std::string temp = dir + "/." + name + ".XXXXXX";
  if (temp.size() > PATH_MAX) return Error(std::strerror(ENAMETOOLONG));

  // The signals are blocked from before the file exists until the handler knows its name.
  const sigset_t fatal = fatal_signals();
  sigset_t old_mask;
  ::pthread_sigmask(SIG_BLOCK, &fatal, &old_mask);
  install_handlers();
  m_fd = ::mkostemp(temp.data(), O_CLOEXEC);
  const int err = errno;
  if (m_fd >= 0) {
    std::memcpy(g_temp_path, temp.c_str(), temp.size() + 1);
    g_armed = 1;
    m_temp = temp;
  } else {
    restore_handlers();
  }
  ::pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  if (m_fd < 0) return Error(std::strerror(err));
  // The owner first (a chown may clear the mode's set-id bits), and only where allowed: root may
  // give the file back to its owner, a user may keep its group if a member of it.
  if (::fchown(m_fd, uid, gid) != 0 && ::fchown(m_fd, static_cast<uid_t>(-1), gid) != 0) {
    // neither allowed: the file belongs to whoever runs the report, as a new one would
  }
  if (::fchmod(m_fd, mode) != 0) {
    const int chmod_err = errno;
    discard();
    return Error(std::strerror(chmod_err));
  }
  if (struct stat tst {}; ::fstat(m_fd, &tst) == 0) m_temp_id = FileId{tst.st_dev, tst.st_ino};
  return {};
}

std::vector<FileId> OutputFile::ids() const {
  std::vector<FileId> out;
  if (m_old) out.push_back(*m_old);
  if (m_temp_id) out.push_back(*m_temp_id);
  return out;
}

Status OutputFile::commit() {
  if (m_fd < 0) return Error(std::strerror(EBADF));
  if (m_temp.empty()) {  // written directly
    const int rc = ::close(m_fd);
    m_fd = -1;
    if (rc != 0) return Error(std::strerror(errno));
    return {};
  }
  // fsync before the rename: FILE is replaced only by bytes that are on the disk, so a crash
  // or power cut right after cannot leave an empty file where the old report was (some file
  // systems write the rename before the data), and an error that only the flush to disk shows
  // (a full disk under delayed allocation, NFS) fails the run instead of a later read.
  int err = ::fsync(m_fd) == 0 ? 0 : errno;
  const int rc = ::close(m_fd);
  m_fd = -1;
  if (err == 0 && rc != 0) err = errno;
  if (err == 0 && ::rename(m_temp.c_str(), m_path.c_str()) != 0) err = errno;
  if (err != 0) {
    discard();
    return Error(std::strerror(err));
  }
  g_armed = 0;
  restore_handlers();
  m_temp.clear();
  return {};
}

void OutputFile::discard() {
  if (m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
  if (m_temp.empty()) return;
  ::unlink(m_temp.c_str());  // before disarming: a signal in between finds nothing left to do
  g_armed = 0;
  restore_handlers();
  m_temp.clear();
}

}  // namespace jobmatch
