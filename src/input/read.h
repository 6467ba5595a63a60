// Stage 1a: reading. The only stage that touches the disk. Turns the command line's paths into
// a stream of inputs, one per posting, in a deterministic order:
//   - a file is one posting, or one per record for JSON Lines and JSON (an array of postings, or
//     one or more objects); what a file holds is sniffed from its content (input/sniff.h), after
//     any gzip, zstd, xz or bzip2 compression is taken off as it streams (input/stream.h);
//   - a folder is walked recursively, entries sorted by name (bytewise), hidden entries skipped,
//     and only files with a posting extension taken (--ext; a compression suffix is looked
//     through); the files of other types are counted and named by skipped(); symlinks are
//     followed, and a symlinked folder that is already being walked (a loop) is an error record,
//     not a walk; FIFOs, sockets and devices in a folder become error records and are never
//     opened; the file the command is writing (ReadOptions::output_files) is left out;
//   - a FIFO named on the command line is read (it may be a pipe from a shell: `<(cmd)`);
//   - "-" is standard input, sniffed like a file.
// Anything that cannot be read becomes an Input with an error, so it is reported, not lost.
// JSON records are read in blocks and handed on as soon as each is complete (a pipe feeding
// standard input is streamed, not slurped); a record longer than max_bytes is reported without
// being buffered.
// The pieces: input/walk.h finds and opens the files, input/open.h sniffs and decompresses each,
// input/records.h reads JSON records; InputSource strings them together.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "input/decode.h"
#include "input/input.h"
#include "input/stream.h"

namespace jobmatch {

// --input-format: kAuto sniffs each input; the others force how every input is read (after
// decompression, which is always sniffed).
enum class InputFormat { kAuto, kText, kHtml, kMarkdown, kJsonl, kJson, kPdf, kDocx };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  size_t max_bytes = 16u << 20;  // per document, and per JSON line
  size_t block_bytes = 256u << 10;  // JSON Lines read buffer (tests and fuzzers use tiny ones)
  // Taken when walking a folder, lower case, without the dot; a compression suffix (.gz, .zst,
  // .xz, .bz2) is looked through: "jsonl" takes postings.jsonl.gz.
  std::vector<std::string> extensions = {"txt",  "text", "html", "htm",  "xhtml", "md", "markdown", "mdown",
                                         "mkd",  "json", "jsonl", "ndjson", "pdf", "docx"};
  // Field names of JSON records; a name with dots is also tried as a path (job.id).
  std::string id_field = "id", title_field = "title", text_field = "text";
  // Fields of a JSON record copied into Input::kept (score --keep-field); names or paths, as
  // id_field. A value that is not a string is kept as nlohmann-json writes it.
  std::vector<std::string> keep_fields;
  // JSON records are parsed by simdjson, falling back to nlohmann-json for every line simdjson
  // rejects or that is not a plain {"id": "...", "text": "..."} record; true: nlohmann-json for
  // every line (the reference the fast path is tested against).
  bool jsonl_reference = false;
  // JSON records are handed on unparsed, as their JSON text, and parsed by parse_record
  // (input/records.h) in the thread that analyzes them: the reader thread only cuts them apart.
  bool parse_in_worker = false;
  // Files a folder walk leaves out, by device and inode, because the command is writing them
  // (report -o FILE: FILE as it was, and its temporary file); each is named by output_skipped().
  std::vector<std::pair<dev_t, ino_t>> output_files;
};

class InputSource : public Inputs {
 public:
  InputSource(std::vector<std::string> paths, ReadOptions options);
  ~InputSource() override;
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  // Fills *out with the next input; false when there is none left. Never throws for bad input.
  bool next(Input* out) override;
  // From any thread: a read of standard input or of a FIFO that waits for data fails at once
  // (an error record, "reading stopped"), and so does every later read of one. Not interrupted:
  // reads of regular files (they do not wait), and the open of a FIFO that has no writer yet.
  void cancel() override;

  // Files a folder walk left out because of their type (--ext): how many, and the first few
  // paths in walk order.
  size_t skipped_count() const;
  const std::vector<std::string>& skipped_examples() const;
  // JSON and JSON Lines inputs that held no record at all (an empty array, an empty file read
  // as JSON Lines): how many, and the first few names.
  size_t empty_count() const;
  const std::vector<std::string>& empty_examples() const;
  // Paths a folder walk left out because they are the command's output (output_files).
  const std::vector<std::string>& output_skipped() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace jobmatch
