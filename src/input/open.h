// An opened input's bytes turned into what it holds: any compression is taken off as it
// streams, the content is sniffed (input/sniff.h) unless --input-format forces it, and the input
// is either one document, read whole up to max_bytes, or JSON records to be read one at a time
// (input/records.h). Never throws for bad input: what cannot be read is an error record.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "input/read.h"
#include "input/records.h"
#include "input/stream.h"

namespace jobmatch {

// Exactly one of the two is set.
struct Opened {
  std::optional<Input> document;          // the document, or the input's error record
  std::unique_ptr<RecordReader> records;  // JSON or JSON Lines: its records
};

// name: the input's id; ext: its file name's extension (lower case, compression suffix looked
// through; "" for standard input), a hint for sniffing; size: the file's size if known (0:
// unknown), so a file larger than max_bytes is refused without being read.
Opened open_input(std::unique_ptr<ByteStream> in, const std::string& name, const std::string& ext, uint64_t size,
                  const ReadOptions& options);

}  // namespace jobmatch
