#include "input/records.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <simdjson.h>

#include "input/sniff.h"
#include "input/jsonl_id.h"
#include "text/text_util.h"

namespace jobmatch {

LineReader::LineReader(ByteStream& in, size_t max_bytes, size_t block_bytes)
    : m_in(&in), m_max(max_bytes), m_buf(std::max<size_t>(block_bytes, 1)) {}

LineReader::LineReader(int fd, size_t max_bytes, size_t block_bytes)
    : m_own(std::make_unique<FdStream>(fd)), m_in(m_own.get()), m_max(max_bytes),
      m_buf(std::max<size_t>(block_bytes, 1)) {}

Expected<LineReader::Item> LineReader::next(std::string* line) {
  line->clear();
  bool any = false, too_long = false;
  for (;;) {
    if (m_pos == m_len) {
      if (m_done) return any ? (too_long ? Item::kTooLong : Item::kLine) : Item::kEnd;
      const Expected<size_t> n = m_in->read(m_buf.data(), m_buf.size());
      if (!n.ok() || *n == 0) {
        m_done = true;
        if (!n.ok()) {
          line->clear();
          return n.error();
        }
        continue;
      }
      m_pos = 0;
      m_len = *n;
    }
    any = true;
    const char* start = m_buf.data() + m_pos;
    const size_t avail = m_len - m_pos;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    const size_t take = nl ? static_cast<size_t>(nl - start) : avail;
    if (!too_long) {
      if (line->size() + take > m_max) {
        too_long = true;
        line->clear();
      } else {
        line->append(start, take);
      }
    }
    m_pos += take;
    if (nl) {
      ++m_pos;
      return too_long ? Item::kTooLong : Item::kLine;
    }
  }
}

JsonSplitter::JsonSplitter(ByteStream& in, size_t max_bytes, size_t block_bytes)
    : m_in(in), m_max(max_bytes), m_buf(std::max<size_t>(block_bytes, 1)) {}

int JsonSplitter::get() {
  if (m_pushback >= 0) {
    const int c = m_pushback;
    m_pushback = -1;
    return c;
  }
  if (m_pos == m_len) {
    if (m_done) return -1;
    m_offset += m_len;
    const Expected<size_t> n = m_in.read(m_buf.data(), m_buf.size());
    if (!n.ok() || *n == 0) {
      if (!n.ok()) {
        m_error = n.error().message;
        m_error_kind = m_in.error_kind();
      }
      m_pos = m_len = 0;
      return -1;
    }
    m_pos = 0;
    m_len = *n;
  }
  return static_cast<unsigned char>(m_buf[m_pos++]);
}

int JsonSplitter::skip_space() {
  for (;;) {
    const int c = get();
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
  }
}

Error JsonSplitter::fail(const std::string& what) {
  m_done = true;
  if (m_error.empty()) {
    const uint64_t at = m_offset + m_pos;
    m_error = what + " at byte " + std::to_string(at > 0 ? at - 1 : 0);
    m_error_kind = "json";
  }
  return Error(m_error);
}

bool JsonSplitter::more_follow() {
  if (m_done) return false;
  const int c = skip_space();
  if (c < 0) return !m_error.empty();  // a read error still has to be reported
  m_pushback = c;
  return true;
}

Expected<JsonSplitter::Item> JsonSplitter::next(std::string* value) {
  value->clear();
  if (m_done) return Item::kEnd;
  int c = skip_space();
  if (!m_started) {
    m_started = true;
    if (c == 0xEF) {  // a UTF-8 byte order mark (get() gives bytes as 0..255)
      if (get() != 0xBB || get() != 0xBF) return fail("invalid JSON");
      c = skip_space();
    }
    if (c == '[') {
      m_array = true;
      c = skip_space();
      if (c == ']') c = -2;  // an empty array
    } else if (c < 0) {
      return m_error.empty() ? fail("no JSON value") : fail("");
    }
  } else if (m_array) {
    if (c == ']') c = -2;
    else if (c != ',') return c < 0 ? fail(m_error.empty() ? "the file ends inside the array" : "") : fail("expected , or ] after a record");
    else c = skip_space();
  }
  if (c == -2) {  // the array's end: only white space may follow
    const int after = skip_space();
    m_done = true;
    if (after >= 0) return fail("text after the end of the array");
    if (!m_error.empty()) return fail("");
    return Item::kEnd;
  }
  if (c < 0) {
    m_done = true;
    if (!m_error.empty()) return fail("");
    if (m_array) return fail("the file ends inside the array");
    return Item::kEnd;
  }
  if (!m_array && c != '{') return fail("expected a JSON object");
  // One value: an object, an array, a string or a scalar, read to its end.
  bool too_long = false;
  auto keep = [&](int ch) {
    if (too_long) return;
    if (value->size() >= m_max) {
      too_long = true;
      std::string().swap(*value);
      return;
    }
    value->push_back(static_cast<char>(ch));
  };
  int depth = 0;
  bool in_string = false;
  for (int ch = c;; ch = get()) {
    if (ch < 0) {
      m_done = true;
      return fail(m_error.empty() ? "the file ends inside a record" : "");
    }
    if (in_string) {
      keep(ch);
      if (ch == '\\') {
        const int esc = get();
        if (esc < 0) continue;  // reported above on the next round
        keep(esc);
      } else if (ch == '"') {
        in_string = false;
        if (depth == 0) break;
      }
      continue;
    }
    if (depth == 0 && ch != '{' && ch != '[' && ch != '"') {
      // A scalar element (a number, true, null): up to the next separator.
      if (ch == ',' || ch == ']' || ch == '}' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        m_pushback = ch;
        break;
      }
      keep(ch);
      continue;
    }
    keep(ch);
    if (ch == '"') {
      in_string = true;
    } else if (ch == '{' || ch == '[') {
      ++depth;
    } else if (ch == '}' || ch == ']') {
      if (--depth == 0) break;
    }
  }
  return too_long ? Item::kTooLong : Item::kValue;
}

namespace {

// A field by name, or else by its dotted path (job.id: the field id of the object job).
const nlohmann::json* find_field(const nlohmann::json& j, const std::string& name) {
  if (!j.is_object()) return nullptr;
  if (const auto it = j.find(name); it != j.end()) return &*it;
  const nlohmann::json* at = &j;
  for (size_t start = 0; start <= name.size();) {
    size_t dot = name.find('.', start);
    if (dot == std::string::npos) dot = name.size();
    const std::string part = name.substr(start, dot - start);
    if (at->is_object()) {
      const auto it = at->find(part);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array() && !part.empty() && part.find_first_not_of("0123456789") == std::string::npos &&
               part.size() < 10 && std::stoul(part) < at->size()) {
      at = &(*at)[std::stoul(part)];
    } else {
      return nullptr;
    }
    if (dot == name.size()) return at == &j ? nullptr : at;
    start = dot + 1;
  }
  return nullptr;
}

std::optional<std::string> string_field(const nlohmann::json& j, const std::string& name) {
  const nlohmann::json* f = find_field(j, name);
  if (!f) return std::nullopt;
  if (f->is_string()) return f->get<std::string>();
  if (f->is_number_integer() || f->is_number_unsigned()) return f->dump();
  return std::nullopt;
}

void fail(Input* out, const std::string& id, std::string kind, std::string message) {
  *out = Input{};
  out->id = id;
  out->error = InputError{std::move(kind), std::move(message)};
}

}  // namespace

RecordFormat::RecordFormat(RecordReader::Kind kind, const ReadOptions& options)
    : m_kind(kind),
      m_options(options),
      m_fast(options.id_field.find('.') == std::string::npos && options.title_field.find('.') == std::string::npos &&
             options.text_field.find('.') == std::string::npos &&
             std::none_of(options.keep_fields.begin(), options.keep_fields.end(),
                          [](const std::string& f) { return f.find('.') != std::string::npos; })) {}

std::string RecordFormat::label(uint64_t number) const {
  return (m_kind == RecordReader::Kind::kJsonLines ? "line " : "record ") + std::to_string(number);
}

DocFormat RecordFormat::text_format(std::string_view text) const {
  if (m_options.format == InputFormat::kHtml) return DocFormat::kHtml;
  if (m_options.format == InputFormat::kText) return DocFormat::kText;
  const std::string& f = m_options.text_field;
  const bool html_name = f.size() >= 4 && (f.ends_with("html") || f.ends_with("HTML"));
  return html_name || text_is_html(text) ? DocFormat::kHtml : DocFormat::kText;
}

// A record that does not parse (byte: where nlohmann stopped, if known; note: appended to the
// message). It is named by the id it got as far as ({"id": "p7", "text": "cut off...), with a
// message that does not count lines: a batch cut into shards then gives the single run's
// record, where FILE:LINE would count from the start of the shard. Only a record with no id to
// recover is named by its place (where), and its message says which ("line 7": label).
void RecordFormat::fail_unparsed(Input* out, const std::string& text, const std::string& where,
                                 uint64_t number, std::optional<size_t> byte, const std::string& note) const {
  if (m_options.id_field.find('.') == std::string::npos)
    if (const std::optional<std::string> id = recover_jsonl_id(text, m_options.id_field)) {
      const std::string at = byte ? " at byte " + std::to_string(*byte) + " of its " +
                                        (m_kind == RecordReader::Kind::kJsonLines ? "line" : "record")
                                  : "";
      fail(out, *id, "json", "invalid JSON" + at + note);
      return;
    }
  const std::string at = byte ? ", byte " + std::to_string(*byte) : "";
  fail(out, where, "json", label(number) + at + ": invalid JSON" + note);
}

// The common case, fast: a record simdjson parses (validating all of it, as nlohmann does)
// into an object whose text field is a string and whose id field, if any, is a string.
// Anything else (a parse error, a numeric id, a missing text...) returns false for the
// nlohmann path below, which gives the same answers and the error messages. Duplicate keys:
// the last wins, as in nlohmann-json.
bool RecordFormat::parse_plain_record(std::string* text, const std::string& where, Input* out) const {
  // Each thread its own parser, reused from record to record, and the kept fields found.
  thread_local simdjson::dom::parser json;
  thread_local std::vector<std::pair<simdjson::dom::element, bool>> fast_kept;
  // simdjson reads a few bytes past the end: spare capacity avoids its copy of the text.
  if (text->capacity() - text->size() < simdjson::SIMDJSON_PADDING)
    text->reserve(text->size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  if (json.parse(text->data(), text->size(), false).get(root)) return false;
  simdjson::dom::object object;
  if (root.get_object().get(object)) return false;
  simdjson::dom::element id, title, body;
  bool has_id = false, has_title = false, has_text = false;
  fast_kept.assign(m_options.keep_fields.size(), {});
  for (const simdjson::dom::key_value_pair field : object) {
    if (field.key == m_options.id_field) id = field.value, has_id = true;
    if (field.key == m_options.title_field) title = field.value, has_title = true;
    if (field.key == m_options.text_field) body = field.value, has_text = true;
    for (size_t k = 0; k < fast_kept.size(); ++k)
      if (field.key == m_options.keep_fields[k]) fast_kept[k] = {field.value, true};
  }
  std::string_view value;
  if (!has_text || body.get_string().get(value)) return false;
  // A kept field that is not a string is written as nlohmann-json writes its value, below.
  for (const auto& [element, present] : fast_kept)
    if (present && !element.is_string()) return false;
  *out = Input{};
  out->bytes.assign(value);
  if (!has_id) {
    out->id = where;
  } else if (!id.get_string().get(value)) {
    out->id.assign(value);
  } else {
    return false;  // a number is formatted as nlohmann-json does it, below
  }
  if (has_title && !title.get_string().get(value)) out->title = std::string(value);
  for (const auto& [element, present] : fast_kept) {
    KeptField& k = out->kept.emplace_back();
    if (present && !element.get_string().get(value)) k = {true, true, std::string(value)};
  }
  out->format = text_format(out->bytes);
  // One huge record must not keep its buffers for the rest of the run.
  if (text->size() > (4u << 20)) json = simdjson::dom::parser{};
  return true;
}

void RecordFormat::parse(std::string* text, const std::string& where, uint64_t number, Input* out) const {
  if (m_fast && !m_options.jsonl_reference && parse_plain_record(text, where, out)) return;
  *out = Input{};
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    fail_unparsed(out, *text, where, number, e.byte,
                  is_valid_utf8(*text) ? ""
                  : m_kind == RecordReader::Kind::kJsonLines ? " (not UTF-8: JSON Lines must be UTF-8)"
                                                             : " (not UTF-8: JSON must be UTF-8)");
    return;
  } catch (const nlohmann::json::out_of_range&) {  // 1e9999: a number no double holds
    fail_unparsed(out, *text, where, number, std::nullopt, " (a number out of range)");
    return;
  } catch (const nlohmann::json::exception&) {
    fail_unparsed(out, *text, where, number, std::nullopt, "");
    return;
  }
  if (!j.is_object()) {
    fail(out, where, "json", label(number) + ": not a JSON object");
    return;
  }
  const std::optional<std::string> id = string_field(j, m_options.id_field);
  out->id = id.value_or(where);
  for (const std::string& field : m_options.keep_fields) {
    KeptField& kept = out->kept.emplace_back();
    if (const nlohmann::json* f = find_field(j, field)) {
      kept.present = true;
      kept.string = f->is_string();
      kept.value = kept.string ? f->get<std::string>() : f->dump();
    }
  }
  const nlohmann::json* body = find_field(j, m_options.text_field);
  if (!body || !body->is_string()) {
    // Named by its id, the message need not (and, for shards to equal one run, must not)
    // say where the record is; without an id its place is all that tells the user which.
    out->error = InputError{"json", (id ? "" : label(number) + ": ") + "field '" + escape_invalid_utf8(m_options.text_field) +
                                        (!body ? "' is missing" : "' is not a string")};
    return;
  }
  out->bytes = body->get<std::string>();
  if (const nlohmann::json* title = find_field(j, m_options.title_field); title && title->is_string())
    out->title = title->get<std::string>();
  out->format = text_format(out->bytes);
}

void parse_record(Input* in) {
  if (!in->unparsed) return;
  const std::shared_ptr<const RecordFormat> format = std::move(in->unparsed);
  std::string text = std::move(in->bytes), where = std::move(in->id);
  try {
    format->parse(&text, where, in->record_number, in);
  } catch (...) {
    in->id = std::move(where);  // a fault (out of memory) names the record by its place
    throw;
  }
}

struct RecordReader::Impl {
  std::unique_ptr<ByteStream> in;
  std::string name;
  Kind kind;
  size_t max_bytes;
  bool defer;  // ReadOptions::parse_in_worker
  std::shared_ptr<const RecordFormat> format;
  std::unique_ptr<LineReader> lines;
  std::unique_ptr<JsonSplitter> splitter;
  size_t count = 0;  // lines read (JSON Lines) or records read (JSON)
  bool single = false;  // JSON: the file holds one object

  // The record with JSON text *text (number: its line or index) into *out: parsed, or left for
  // parse_record.
  void record(std::string* text, const std::string& where, uint64_t number, Input* out) {
    if (!defer) {
      format->parse(text, where, number, out);
      return;
    }
    *out = Input{};
    out->id = where;
    out->bytes = std::move(*text);
    out->unparsed = format;
    out->record_number = number;
  }

  bool next_line(Input* out) {
    std::string line;
    for (;;) {
      const Expected<LineReader::Item> item = lines->next(&line);
      if (item.ok() && *item == LineReader::Item::kEnd) return false;
      ++count;
      const std::string n = std::to_string(count);
      const std::string where = name + ":" + n;
      if (!item.ok()) {
        fail(out, where, in->error_kind(), "line " + n + ": " + item.error().message);
        return true;
      }
      if (*item == LineReader::Item::kTooLong) {
        // Named FILE:LINE even when its id is near the start: LineReader drops the line, prefix
        // and all, as soon as it passes --max-bytes, so there is nothing to recover an id from.
        fail(out, where, "too_large",
             "line " + n + " is longer than --max-bytes (" + std::to_string(max_bytes) + ")");
        return true;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
      record(&line, where, count, out);
      return true;
    }
  }

  bool next_value(Input* out) {
    std::string value;
    const Expected<JsonSplitter::Item> item = splitter->next(&value);
    if (item.ok() && *item == JsonSplitter::Item::kEnd) return false;
    const size_t index = count++;
    if (index == 0 && !splitter->in_array())  // one object, or no JSON at all: named FILE
      single = !item.ok() || *item != JsonSplitter::Item::kValue || !splitter->more_follow();
    const std::string where = single ? name : name + "#" + std::to_string(index);
    if (!item.ok()) {
      fail(out, where, splitter->error_kind(), item.error().message);
      return true;
    }
    if (*item == JsonSplitter::Item::kTooLong) {
      fail(out, where, "too_large",
           format->label(index) + " is longer than --max-bytes (" + std::to_string(max_bytes) + ")");
      return true;
    }
    record(&value, where, index, out);
    return true;
  }
};

RecordReader::RecordReader(std::unique_ptr<ByteStream> in, std::string name, Kind kind, const ReadOptions& options)
    : m_impl(std::make_unique<Impl>()) {
  Impl& s = *m_impl;
  s.in = std::move(in);
  s.name = std::move(name);
  s.kind = kind;
  s.max_bytes = options.max_bytes;
  s.defer = options.parse_in_worker;
  s.format = std::make_shared<const RecordFormat>(kind, options);
  if (kind == Kind::kJsonLines)
    s.lines = std::make_unique<LineReader>(*s.in, options.max_bytes, options.block_bytes);
  else
    s.splitter = std::make_unique<JsonSplitter>(*s.in, options.max_bytes, options.block_bytes);
}

RecordReader::~RecordReader() = default;

bool RecordReader::next(Input* out) {
  return m_impl->kind == Kind::kJsonLines ? m_impl->next_line(out) : m_impl->next_value(out);
}

}  // namespace jobmatch
