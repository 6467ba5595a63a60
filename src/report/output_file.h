// An output file written safely (`report -o FILE`): the bytes go to a temporary file beside FILE,
// which is renamed over FILE only once everything is written, flushed to disk and closed. Until
// then FILE keeps its old content: a write error, a full disk, an exception or a SIGINT, SIGTERM,
// SIGHUP or SIGQUIT leaves it as it was, and the temporary file is removed (a signal handler
// unlinks it and re-raises the signal, so the exit status still says which signal ended the run).
//
// FILE that exists and is not a regular file (/dev/null, a FIFO such as >(gzip > r.gz)) cannot
// be replaced: it is written directly, as a stream, the way standard output is.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/expected.h"

namespace jobmatch {

// A file's identity on disk: device and inode (as ReadOptions::output_files takes them).
using FileId = std::pair<dev_t, ino_t>;

// The identity of the file at path (symbolic links followed); nullopt if there is none.
std::optional<FileId> file_id(const std::string& path);

// True if a and b name the same file: the same path once made absolute and normalised (`.`,
// `..`, repeated slashes, symbolic links of the folders that exist), or, both existing, the same
// device and inode (a hard link, a symbolic link).
bool same_file(const std::string& a, const std::string& b);

class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();  // removes the temporary file unless commit() succeeded
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Creates the temporary file in FILE's folder (hidden: .NAME.XXXXXX, so a folder walk never
  // takes it) with the permissions, owner and group FILE has (the owner where allowed), or for a
  // new FILE those an ordinary create gives (0666 less the umask), and arms the signal handlers.
  // An Error (strerror text) if it cannot, also for a FILE we may not write (access W_OK),
  // which a rename would otherwise replace.
  Status open(const std::string& path);

  int fd() const { return m_fd; }
  // The files a folder walk must not read while this one is written: FILE as it was (if it
  // existed) and the temporary file.
  std::vector<FileId> ids() const;

  // fsync, close and rename the temporary file over FILE (for a FILE written directly: close).
  // An Error (strerror text of the step that failed) if it cannot; the temporary file is then
  // removed and FILE is left as it was.
  Status commit();

  // Removes the temporary file now (also done by the destructor).
  void discard();

 private:
  std::string m_path;  // FILE (its target, if it is a symbolic link)
  std::string m_temp;  // the temporary file; empty when writing FILE directly or once done
  int m_fd = -1;
  std::optional<FileId> m_old, m_temp_id;
};

}  // namespace jobmatch
