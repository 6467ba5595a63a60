// Stage 1a: reading. The only stage that touches the disk. Turns the command line's paths into
// a stream of inputs, one per posting, in a deterministic order:
//   - a file is one posting (or one per line, for JSON Lines);
//   - a folder is walked recursively, entries sorted by name (bytewise), hidden entries skipped,
//     and only files with a posting extension taken (--ext); symlinks are followed, and a
//     symlinked folder that is already being walked (a loop) is an error record, not a walk;
//     FIFOs, sockets and devices in a folder become error records and are never opened;
//   - a FIFO named on the command line is read (it may be a pipe from a shell: `<(cmd)`);
//   - "-" is standard input.
// Anything that cannot be read becomes an Input with an error, so it is reported, not lost.
// JSON Lines are read in blocks and handed on as soon as each line is complete (a pipe feeding
// standard input is streamed, not slurped); a line longer than max_bytes is reported without
// being buffered.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "decode.h"

namespace jobmatch {

enum class InputFormat { kAuto, kText, kHtml, kJsonl };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  size_t max_bytes = 16u << 20;  // per document, and per JSON line
  size_t block_bytes = 256u << 10;  // JSON Lines read buffer (tests and fuzzers use tiny ones)
  std::vector<std::string> extensions = {"txt", "text", "html", "htm"};
  std::string id_field = "id", title_field = "title", text_field = "text";
  // JSON Lines are parsed by simdjson, falling back to nlohmann-json for every line simdjson
  // rejects or that is not a plain {"id": "...", "text": "..."} record; true: nlohmann-json for
  // every line (the reference the fast path is tested against).
  bool jsonl_reference = false;
};

struct Input {
  std::string id;                    // the path as given, or the JSONL id
  std::string bytes;                 // the posting (file contents, or the JSONL text field)
  std::optional<std::string> title;  // from a JSONL title field; else the first line is the title
  bool html = false;                 // to be converted from HTML
  std::optional<InputError> error;   // set if the input could not be read
};

// Splits what a file descriptor delivers into lines, reading blocks of block_bytes; one read(2)
// per refill, so a line is returned as soon as its newline has arrived.
class LineReader {
 public:
  LineReader(int fd, size_t max_bytes, size_t block_bytes = 256u << 10);

  enum class Status {
    kLine,     // *line holds the next line, without its '\n'
    kTooLong,  // the next line was longer than max_bytes: skipped to its end, *line empty
    kEnd,      // no more input
    kError,    // read(2) failed: error() is the errno; the stream is done
  };
  Status next(std::string* line);
  int error() const { return m_errno; }

 private:
  int m_fd;
  size_t m_max;
  std::vector<char> m_buf;
  size_t m_pos = 0, m_len = 0;
  bool m_done = false;
  int m_errno = 0;
};

class InputSource {
 public:
  InputSource(std::vector<std::string> paths, ReadOptions options);
  ~InputSource();
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  // Fills *out with the next input; false when there is none left. Never throws for bad input.
  bool next(Input* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace jobmatch
