// Stage 1a: reading. The only stage that touches the disk. Turns the command line's paths into
// a stream of inputs, one per posting, in a deterministic order:
//   - a file is one posting (or one per line, for JSON Lines);
//   - a folder is walked recursively, entries sorted by name, hidden entries skipped, and only
//     files with a posting extension taken (--ext); symlinked folders are followed once (no
//     loops); FIFOs, sockets and devices in a folder become error records, never reads;
//   - "-" is standard input.
// Anything that cannot be read becomes an Input with an error, so it is reported, not lost.
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
  size_t max_bytes = 16u << 20;  // per document
  std::vector<std::string> extensions = {"txt", "text", "html", "htm"};
  std::string id_field = "id", title_field = "title", text_field = "text";
};

struct Input {
  std::string id;                    // the path as given, or the JSONL id
  std::string bytes;                 // the posting (file contents, or the JSONL text field)
  std::optional<std::string> title;  // from a JSONL title field; else the first line is the title
  bool html = false;                 // to be converted from HTML
  std::optional<InputError> error;   // set if the input could not be read
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
