// Postings that come as JSON records, read from a stream one record at a time:
//   - JSON Lines: one object per line (.jsonl, .ndjson, or sniffed); a record without an id
//     field is named FILE:LINE;
//   - JSON: the elements of a top-level array, or one or more top-level objects (.json, or
//     sniffed); a record without an id field is named FILE#INDEX (0-based), a file holding one
//     object with no id is named FILE.
// Field names may be paths (job.id, description.html). A text field that holds HTML (it starts
// with a tag or closes paragraphs, or its path ends in "html") is read as HTML. A record that
// does not parse, or lacks its text, is an error record named by its id if one can be read.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/stream.h"
#include "input/read.h"

namespace jobmatch {

class RecordReader {
 public:
  enum class Kind { kJsonLines, kJson };
  RecordReader(std::unique_ptr<ByteStream> in, std::string name, Kind kind, const ReadOptions& options);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // The next record (or error record); false at the end of the stream. With
  // ReadOptions::parse_in_worker, a record is handed on as its JSON text, for parse_record.
  bool next(Input* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// How the records of one input are parsed (its kind and the field options): immutable, shared
// by the reader and the inputs it leaves unparsed. parse may run in any number of threads at
// once (each has its own simdjson parser).
class RecordFormat {
 public:
  RecordFormat(RecordReader::Kind kind, const ReadOptions& options);
  // One record's JSON text into *out (the posting, or its error record): where names it if it
  // has no id; number is its line (JSON Lines) or index (JSON), which an error message names
  // ("line 7", "record 3"). *text may get spare capacity.
  void parse(std::string* text, const std::string& where, uint64_t number, Input* out) const;
  // The label of the record with this line number (JSON Lines) or index (JSON).
  std::string label(uint64_t number) const;

 private:
  DocFormat text_format(std::string_view text) const;
  void fail_unparsed(Input* out, const std::string& text, const std::string& where, uint64_t number,
                     std::optional<size_t> byte, const std::string& note) const;
  bool parse_plain_record(std::string* text, const std::string& where, Input* out) const;

  RecordReader::Kind m_kind;
  ReadOptions m_options;
  bool m_fast;  // simdjson for plain records (field names without dots)
};

// Makes *in the input its record is, if the reader left it unparsed (Input::unparsed): the
// work of parsing JSON moves from the one reader thread to the workers, so one reader feeds
// many more of them. Does nothing to any other input. If it throws (out of memory), in->id is
// still the record's place.
void parse_record(Input* in);

// Splits what a stream delivers into lines, reading blocks of block_bytes; one read per refill,
// so a line is returned as soon as its newline has arrived.
class LineReader {
 public:
  LineReader(ByteStream& in, size_t max_bytes, size_t block_bytes = 256u << 10);
  LineReader(int fd, size_t max_bytes, size_t block_bytes = 256u << 10);  // fd not owned

  enum class Item {
    kLine,     // *line holds the next line, without its '\n'
    kTooLong,  // the next line was longer than max_bytes: skipped to its end, *line empty
    kEnd,      // no more input
  };
  // The next item, or the Error of a read that failed (*line empty; the reader is then done:
  // next() gives kEnd). The stream's error_kind() says what kind of failure it was.
  Expected<Item> next(std::string* line);

 private:
  std::unique_ptr<FdStream> m_own;
  ByteStream* m_in;
  size_t m_max;
  std::vector<char> m_buf;
  size_t m_pos = 0, m_len = 0;
  bool m_done = false;
};

// Splits a JSON text into its top-level records: the elements of an array, or the objects one
// after another. Holds one record (at most max_bytes of it) and one block at a time; time linear
// in the input.
class JsonSplitter {
 public:
  JsonSplitter(ByteStream& in, size_t max_bytes, size_t block_bytes = 256u << 10);
  enum class Item {
    kValue,    // *value holds the next record's JSON text
    kTooLong,  // the next record was longer than max_bytes: skipped, *value empty
    kEnd,      // no more records
  };
  // The next item, or an Error: text that is not JSON that can be split (what, and at which
  // byte), or a read that failed (the stream's Error). The splitter is then done.
  Expected<Item> next(std::string* value);
  // The kind of the failure next() returned, for the error record: "json", or the stream's
  // error_kind() when a read failed (kept here, as ByteStream keeps it: Error has no kinds).
  const char* error_kind() const { return m_error_kind; }
  // Whether the records are an array's elements (else top-level objects).
  bool in_array() const { return m_array; }
  // After the first record of top-level objects: whether another follows (reads ahead).
  bool more_follow();

 private:
  int get();        // the next byte, or -1 at the end or on a read error (m_error set)
  int skip_space();  // the next byte that is not JSON white space
  // Done, with an Error: what, at the byte reached; or the read's error if a read failed.
  Error fail(const std::string& what);

  ByteStream& m_in;
  size_t m_max;
  std::vector<char> m_buf;
  size_t m_pos = 0, m_len = 0;
  uint64_t m_offset = 0;  // bytes consumed before m_buf
  int m_pushback = -1;
  bool m_started = false, m_array = false, m_done = false, m_first = true;
  std::string m_error;
  const char* m_error_kind = "json";
};

}  // namespace jobmatch
