// One input (a posting, or the error record of something that could not be read), and Inputs,
// what the pipeline (pipeline/run.h) takes them from: the reader (InputSource, input/read.h),
// or a test's fake.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "input/decode.h"

namespace jobmatch {

class RecordFormat;  // input/records.h

// How the pipeline turns an input's bytes into text.
enum class DocFormat { kText, kHtml, kMarkdown, kPdf, kDocx };

// A field of a JSON record copied into the output record (score --keep-field).
struct KeptField {
  bool present = false;  // the record has the field (false too for an input that is not a record)
  bool string = false;   // a JSON string: value is the string; else value is the JSON text
  std::string value;
};

struct Input {
  // The record id (README, Output): the path as reached from the command line; for a JSON
  // record its id field, else FILE:LINE (JSON Lines), FILE#INDEX or FILE (JSON).
  std::string id;
  std::string bytes;                 // the posting (file contents, or the record's text field)
  std::optional<std::string> title;  // from a JSON title field; else the document's own
  DocFormat format = DocFormat::kText;
  std::optional<InputError> error;   // set if the input could not be read
  std::vector<KeptField> kept;       // ReadOptions::keep_fields, in its order (JSON records only)
  // A JSON record the reader cut out and left for the thread that analyzes it to parse
  // (ReadOptions::parse_in_worker): bytes holds its JSON text and id the name its place gives
  // it, until parse_record (input/records.h) makes the input of it. Null for any other input.
  std::shared_ptr<const RecordFormat> unparsed;
  uint64_t record_number = 0;  // with unparsed: its line (JSON Lines) or index (JSON)
};

class Inputs {
 public:
  virtual ~Inputs() = default;
  // Fills *out with the next input; false when there is none left. Called from one thread at
  // a time.
  virtual bool next(Input* out) = 0;
  // From any thread: reading is to end early. A next() waiting for data that may never come
  // (standard input, a FIFO) returns soon after, and so does every later one; what it returns
  // does not matter, the caller stops calling. Never blocks.
  virtual void cancel() = 0;
};

}  // namespace jobmatch
