#include "input/walk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <utility>

#include "input/sniff.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

std::string join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string errno_text(int err) { return std::strerror(err); }

bool fail(Found* out, const std::string& path, std::string kind, std::string message) {
  *out = Found{};
  out->path = path;
  out->error = InputError{std::move(kind), std::move(message)};
  return true;
}

// Opens a file found to be a regular file (or a FIFO named explicitly) without ever blocking
// on something else: a walked path is opened non-blocking and checked again with fstat, so a
// file swapped for a FIFO or device between stat and open is still not read.
bool open_checked(const std::string& path, bool fifo_ok, Found* out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | (fifo_ok ? 0 : O_NONBLOCK));
  if (fd < 0) {
    const int err = errno;
    return fail(out, path, err == ENOENT ? "not_found" : "io", errno_text(err));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || (fifo_ok && S_ISFIFO(st.st_mode)))) {
    ::close(fd);
    return fail(out, path, "not_regular", "not a regular file (FIFO, socket or device): skipped");
  }
  if (!fifo_ok) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  *out = Found{};
  out->path = path;
  out->fd = fd;
  out->size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  out->may_block = !S_ISREG(st.st_mode);
  return true;
}

}  // namespace

Expected<std::vector<std::string>> split_files0(std::string_view list) {
  std::vector<std::string> paths;
  if (list.find('\0') == std::string_view::npos && list.find('\n') != std::string_view::npos)
    return Error("the list holds newlines but no NUL: its paths must each end with a NUL (find -print0)");
  for (size_t start = 0; start < list.size();) {
    size_t nul = list.find('\0', start);
    if (nul == std::string_view::npos) nul = list.size();
    if (nul == start)
      return Error("empty file name after " + std::to_string(paths.size()) +
                   (paths.size() == 1 ? " path" : " paths") + " (two NULs in a row, or a NUL first)");
    paths.emplace_back(list.substr(start, nul - start));
    start = nul + 1;
  }
  return paths;
}

Expected<std::vector<std::string>> read_files0(const std::string& from) {
  const bool is_stdin = from == "-";
  const std::string what = "--files0-from " + (is_stdin ? std::string("- (standard input)") : escape_invalid_utf8(from));
  const int fd = is_stdin ? STDIN_FILENO : ::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return Error("cannot read " + what + ": " + errno_text(errno));
  std::string list;
  char buf[64 << 10];
  int err = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      list.append(buf, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      if (n < 0) err = errno;
      break;
    }
  }
  if (!is_stdin) ::close(fd);
  if (err) return Error("cannot read " + what + ": " + errno_text(err));
  auto paths = split_files0(list);
  if (!paths.ok()) return Error(what + ": " + paths.error().message);
  if (is_stdin)
    for (const std::string& p : *paths)
      if (p == "-") return Error(what + ": names '-', but standard input is the list itself");
  return paths;
}

Walker::Walker(std::vector<std::string> paths, const ReadOptions& options)
    : m_paths(std::move(paths)), m_options(options) {}

Walker::~Walker() = default;

bool Walker::wanted(const std::string& name) const {
  const std::string ext = extension_of(name, true);
  return std::find(m_options.extensions.begin(), m_options.extensions.end(), ext) != m_options.extensions.end();
}

// Pushes a folder to walk; true (and *out an error) if it cannot be walked.
bool Walker::open_dir(const std::string& path, dev_t dev, ino_t ino, Found* out) {
  const std::pair<dev_t, ino_t> key{dev, ino};
  for (const Dir& d : m_stack)
    if (d.key == key)  // a symlink loop: this folder is already being walked
      return fail(out, path, "loop",
                  "symbolic link loop: folder " + escape_invalid_utf8(d.path) + " is already being walked");
  DIR* dir = ::opendir(path.c_str());
  if (!dir) return fail(out, path, "io", "cannot open folder: " + errno_text(errno));
  Dir d;
  d.path = path;
  d.key = key;
  while (const dirent* e = ::readdir(dir)) {
    const char* name = e->d_name;
    if (name[0] == '\0' || name[0] == '.') continue;  // ".", "..", hidden entries
    d.entries.emplace_back(name);
  }
  ::closedir(dir);
  std::sort(d.entries.begin(), d.entries.end());
  m_stack.push_back(std::move(d));
  return false;
}

// Handles one path; true if *out was filled.
bool Walker::visit(const std::string& path, bool explicit_path, Found* out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    struct stat lst;
    if (err == ENOENT && ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
      return fail(out, path, "not_found", "dangling symbolic link");
    if (err == ELOOP) return fail(out, path, "loop", "symbolic link loop (too many levels of symbolic links)");
    return fail(out, path, err == ENOENT ? "not_found" : "io", errno_text(err));
  }
  if (S_ISDIR(st.st_mode)) return open_dir(path, st.st_dev, st.st_ino, out);
  if (!explicit_path && std::find(m_options.output_files.begin(), m_options.output_files.end(),
                                   std::make_pair(st.st_dev, st.st_ino)) != m_options.output_files.end()) {
    m_output_skipped.push_back(path);  // the file this run is writing: never read as a posting
    return false;
  }
  if (!explicit_path && !wanted(path)) {
    if (m_skipped_examples.size() < 5) m_skipped_examples.push_back(path);
    ++m_skipped;
    return false;
  }
  const bool fifo_ok = explicit_path && S_ISFIFO(st.st_mode);
  if (!S_ISREG(st.st_mode) && !fifo_ok)
    return fail(out, path, "not_regular", "not a regular file (FIFO, socket or device): skipped");
  return open_checked(path, fifo_ok, out);
}

bool Walker::next(Found* out) {
  for (;;) {
    if (!m_stack.empty()) {
      Dir& d = m_stack.back();
      if (d.next == d.entries.size()) {
        m_stack.pop_back();
        continue;
      }
      const std::string path = join(d.path, d.entries[d.next++]);
      if (visit(path, false, out)) return true;
      continue;
    }
    if (m_next_path == m_paths.size()) return false;
    const std::string path = m_paths[m_next_path++];
    if (path == "-") {
      *out = Found{};
      out->path = "-";
      out->fd = STDIN_FILENO;
      out->owned = false;
      out->may_block = true;
      return true;
    }
    if (visit(path, true, out)) return true;
  }
}

}  // namespace jobmatch
