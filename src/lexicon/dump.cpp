#include "lexicon/dump.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "lexicon/embedded.h"

namespace jobmatch {
namespace {

// Writes data to a new file at path (O_EXCL: never through an existing file or link).
Status write_new_file(const std::string& path, std::string_view data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0644);
  if (fd < 0) return Error("cannot write " + path + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Error error("cannot write " + path + ": " + std::strerror(errno));
      ::close(fd);
      ::unlink(path.c_str());
      return error;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    Error error("cannot write " + path + ": " + std::strerror(errno));
    ::unlink(path.c_str());
    return error;
  }
  return {};
}

}  // namespace

Expected<std::vector<std::string>> dump_embedded_files(const std::string& dir, bool force) {
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) return Error("cannot create " + dir + ": " + std::strerror(errno));
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return Error(dir + " is not a folder");
  const std::string prefix = dir.ends_with('/') ? dir : dir + "/";
  std::vector<std::string> paths;
  for (const EmbeddedFile& f : embedded_lexicon_files()) {
    paths.push_back(prefix + std::string(f.name));
    if (!force && ::lstat(paths.back().c_str(), &st) == 0)
      return Error(paths.back() + " exists (--force replaces it); nothing written");
  }
  size_t i = 0;
  for (const EmbeddedFile& f : embedded_lexicon_files()) {
    const std::string& path = paths[i++];
    if (!force) {
      if (Status written = write_new_file(path, f.data); !written.ok()) return written.error();
      continue;
    }
    const std::string temp = prefix + "." + std::string(f.name) + ".tmp" + std::to_string(::getpid());
    if (Status written = write_new_file(temp, f.data); !written.ok()) return written.error();
    if (::rename(temp.c_str(), path.c_str()) != 0) {
      Error error("cannot replace " + path + ": " + std::strerror(errno));
      ::unlink(temp.c_str());
      return error;
    }
  }
  return paths;
}

}  // namespace jobmatch
