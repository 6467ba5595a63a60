#include "input/read.h"

#include <utility>

#include "input/open.h"
#include "input/records.h"
#include "input/walk.h"
#include "input/sniff.h"

namespace jobmatch {

struct InputSource::Impl {
  ReadOptions options;
  Walker walker;
  ReadCancel cancel;

  std::unique_ptr<RecordReader> records;  // the JSON records being read, if any
  std::string records_name;               // and the input they come from
  size_t records_read = 0;                // how many it gave so far

  size_t empty = 0;
  std::vector<std::string> empty_examples;

  Impl(std::vector<std::string> paths, ReadOptions o) : options(std::move(o)), walker(std::move(paths), options) {}

  // The next record of the open JSON records; false (and closed) at their end. An input that
  // gave no record is counted, so it is not passed over in silence.
  bool next_record(Input* out) {
    if (records->next(out)) {
      ++records_read;
      return true;
    }
    records.reset();
    if (records_read == 0) {
      if (empty_examples.size() < 5) empty_examples.push_back(records_name);
      ++empty;
    }
    return false;
  }

  // Reads what the walk found: the document or error record (true), or the first of its JSON
  // records (true), or nothing (false: JSON with no records).
  bool open(Found&& found, Input* out) {
    if (found.error) {
      *out = Input{};
      out->id = std::move(found.path);
      out->error = std::move(found.error);
      return true;
    }
    // Standard input (the one descriptor not owned) has no name to take an extension from.
    const std::string ext = found.owned ? extension_of(found.path, true) : std::string();
    Opened opened = open_input(std::make_unique<FdStream>(found.fd, found.owned, found.may_block ? &cancel : nullptr),
                               found.path, ext, found.size, options);
    if (opened.document) {
      *out = std::move(*opened.document);
      return true;
    }
    records = std::move(opened.records);
    records_name = found.path;
    records_read = 0;
    return next_record(out);
  }
};

InputSource::InputSource(std::vector<std::string> paths, ReadOptions options)
    : m_impl(std::make_unique<Impl>(std::move(paths), std::move(options))) {}

InputSource::~InputSource() = default;

size_t InputSource::skipped_count() const { return m_impl->walker.skipped_count(); }
const std::vector<std::string>& InputSource::skipped_examples() const { return m_impl->walker.skipped_examples(); }
size_t InputSource::empty_count() const { return m_impl->empty; }
const std::vector<std::string>& InputSource::empty_examples() const { return m_impl->empty_examples; }
const std::vector<std::string>& InputSource::output_skipped() const { return m_impl->walker.output_skipped(); }

void InputSource::cancel() { m_impl->cancel.cancel(); }

bool InputSource::next(Input* out) {
  Impl& s = *m_impl;
  for (;;) {
    if (s.records) {
      if (s.next_record(out)) return true;
      continue;
    }
    Found found;
    if (!s.walker.next(&found)) return false;
    if (s.open(std::move(found), out)) return true;
  }
}

}  // namespace jobmatch
