// The paths of the command line turned into the files to read, in a deterministic order (the
// rules are in input/read.h): folders walked recursively, entries sorted bytewise, hidden
// entries, unwanted extensions and the command's own output files left out (and counted),
// symlink loops, FIFOs, sockets and devices in a folder reported, never opened. Opens each file
// it hands out; reads nothing from it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "base/expected.h"
#include "input/decode.h"
#include "input/read.h"

namespace jobmatch {

// One thing the walk found: an open file, standard input, or an error.
struct Found {
  std::string path;               // as given, or the folder's path joined with the entry's name
  int fd = -1;                    // open; -1 with an error
  bool owned = true;              // the receiver closes fd (not standard input's)
  uint64_t size = 0;              // a regular file's size; 0 for a FIFO or standard input
  bool may_block = false;         // standard input or a FIFO: a read may wait for data
  std::optional<InputError> error;
};

// --files0-from: the paths of a list such as `find -print0` writes, each ended by a NUL (the
// last one's NUL may be left out), in order. An error for an empty name (two NULs in a row, or
// a NUL first) and for a list with newlines but no NUL at all (`find -print` by mistake: one
// name holding the whole list is never what was meant). An empty list is no paths.
Expected<std::vector<std::string>> split_files0(std::string_view list);

// Reads and splits the list in from ("-": standard input, to its end). The error says which
// list and why ("cannot read --files0-from list.txt: No such file or directory").
Expected<std::vector<std::string>> read_files0(const std::string& from);

class Walker {
 public:
  Walker(std::vector<std::string> paths, const ReadOptions& options);
  ~Walker();
  Walker(const Walker&) = delete;
  Walker& operator=(const Walker&) = delete;

  // The next file, standard input ("-") or error; false at the end of the paths.
  bool next(Found* out);

  size_t skipped_count() const { return m_skipped; }
  const std::vector<std::string>& skipped_examples() const { return m_skipped_examples; }
  const std::vector<std::string>& output_skipped() const { return m_output_skipped; }

 private:
  struct Dir {
    std::string path;
    std::vector<std::string> entries;  // sorted names
    size_t next = 0;
    std::pair<dev_t, ino_t> key;
  };

  bool visit(const std::string& path, bool explicit_path, Found* out);
  bool open_dir(const std::string& path, dev_t dev, ino_t ino, Found* out);
  bool wanted(const std::string& name) const;

  std::vector<std::string> m_paths;
  const ReadOptions& m_options;
  size_t m_next_path = 0;
  std::vector<Dir> m_stack;  // the folders being walked, outermost first
  size_t m_skipped = 0;
  std::vector<std::string> m_skipped_examples, m_output_skipped;
};

}  // namespace jobmatch
