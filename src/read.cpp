#include "read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <nlohmann/json.hpp>
#include <set>
#include <simdjson.h>
#include <utility>

#include "jsonl_id.h"
#include "text_util.h"

namespace jobmatch {
namespace {

std::string join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string extension_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot + 1 == path.size())
    return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string errno_text(int err) { return std::strerror(err); }

// Reads a whole file descriptor, up to max_bytes. Returns false with *error on failure.
bool read_fd(int fd, size_t max_bytes, size_t size_hint, std::string* out, std::optional<InputError>* error) {
  out->clear();
  out->reserve(std::min(size_hint, max_bytes) + 1);
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = InputError{"io", "read failed: " + errno_text(errno)};
      out->clear();
      return false;
    }
    if (n == 0) return true;
    if (out->size() + static_cast<size_t>(n) > max_bytes) {
      *error = InputError{"too_large", "larger than --max-bytes (" + std::to_string(max_bytes) + " bytes)"};
      out->clear();
      out->shrink_to_fit();
      return false;
    }
    out->append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

LineReader::LineReader(int fd, size_t max_bytes, size_t block_bytes)
    : m_fd(fd), m_max(max_bytes), m_buf(std::max<size_t>(block_bytes, 1)) {}

LineReader::Status LineReader::next(std::string* line) {
  line->clear();
  bool any = false, too_long = false;
  for (;;) {
    if (m_pos == m_len) {
      if (m_done) return any ? (too_long ? Status::kTooLong : Status::kLine) : Status::kEnd;
      const ssize_t n = ::read(m_fd, m_buf.data(), m_buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        m_done = true;
        if (n < 0) {
          m_errno = errno;
          line->clear();
          return Status::kError;
        }
        continue;
      }
      m_pos = 0;
      m_len = static_cast<size_t>(n);
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
      return too_long ? Status::kTooLong : Status::kLine;
    }
  }
}

struct InputSource::Impl {
  std::vector<std::string> paths;
  ReadOptions options;
  size_t next_path = 0;

  struct Dir {
    std::string path;
    std::vector<std::string> entries;  // sorted names
    size_t next = 0;
    std::pair<dev_t, ino_t> key;
  };
  std::vector<Dir> stack;  // the folders being walked, outermost first

  // The JSON Lines stream being read, if any.
  int jsonl_fd = -1;
  bool jsonl_owned = false;
  std::string jsonl_name;
  size_t jsonl_line = 0;
  std::unique_ptr<LineReader> lines;
  simdjson::dom::parser json;  // reused from line to line

  ~Impl() { close_jsonl(); }

  void close_jsonl() {
    if (jsonl_fd >= 0 && jsonl_owned) ::close(jsonl_fd);
    jsonl_fd = -1;
    lines.reset();
  }

  bool is_jsonl(const std::string& path) const {
    return options.format == InputFormat::kJsonl ||
           (options.format == InputFormat::kAuto && extension_of(path) == "jsonl");
  }
  bool is_html(const std::string& path) const {
    if (options.format == InputFormat::kHtml) return true;
    if (options.format != InputFormat::kAuto) return false;
    const std::string ext = extension_of(path);
    return ext == "html" || ext == "htm";
  }
  bool wanted(const std::string& name) const {
    const std::string ext = extension_of(name);
    if (ext == "jsonl" && options.format != InputFormat::kText) return true;
    return std::find(options.extensions.begin(), options.extensions.end(), ext) !=
           options.extensions.end();
  }

  static void fail(Input* out, const std::string& id, std::string kind, std::string message) {
    *out = Input{};
    out->id = id;
    out->error = InputError{std::move(kind), std::move(message)};
  }

  void open_dir(const std::string& path, const struct stat& st, Input* out, bool* produced) {
    const std::pair<dev_t, ino_t> key{st.st_dev, st.st_ino};
    for (const Dir& d : stack)
      if (d.key == key) {  // a symlink loop: this folder is already being walked
        fail(out, path, "loop",
             "symbolic link loop: folder " + escape_invalid_utf8(d.path) + " is already being walked");
        *produced = true;
        return;
      }
    DIR* dir = ::opendir(path.c_str());
    if (!dir) {
      fail(out, path, "io", "cannot open folder: " + errno_text(errno));
      *produced = true;
      return;
    }
    Dir d;
    d.path = path;
    d.key = key;
    while (const dirent* e = ::readdir(dir)) {
      const char* name = e->d_name;
      if (name[0] == '\0' || name[0] == '.') continue;  // ".", "..", hidden entries
      d.entries.emplace_back(name);
    }
    ::closedir(dir);
    std::sort(d.entries.begin(), d.entries.end());
    stack.push_back(std::move(d));
  }

  // Opens a file found to be a regular file (or a FIFO named explicitly) without ever blocking
  // on something else: a walked path is opened non-blocking and checked again with fstat, so a
  // file swapped for a FIFO or device between stat and open is still not read.
  int open_checked(const std::string& path, bool fifo_ok, struct stat* st, Input* out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | (fifo_ok ? 0 : O_NONBLOCK));
    if (fd < 0) {
      const int err = errno;
      fail(out, path, err == ENOENT ? "not_found" : "io", errno_text(err));
      return -1;
    }
    if (::fstat(fd, st) != 0 || !(S_ISREG(st->st_mode) || (fifo_ok && S_ISFIFO(st->st_mode)))) {
      ::close(fd);
      fail(out, path, "not_regular", "not a regular file (FIFO, socket or device): skipped");
      return -1;
    }
    if (!fifo_ok) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
  }

  // Handles one path; sets *produced if *out was filled.
  void visit(const std::string& path, bool explicit_path, Input* out, bool* produced) {
    *produced = false;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      const int err = errno;
      struct stat lst;
      if (err == ENOENT && ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        fail(out, path, "not_found", "dangling symbolic link");
      else if (err == ELOOP)
        fail(out, path, "loop", "symbolic link loop (too many levels of symbolic links)");
      else
        fail(out, path, err == ENOENT ? "not_found" : "io", errno_text(err));
      *produced = true;
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      open_dir(path, st, out, produced);
      return;
    }
    if (!explicit_path && !wanted(path)) return;
    *produced = true;
    const bool fifo_ok = explicit_path && S_ISFIFO(st.st_mode);
    if (!S_ISREG(st.st_mode) && !fifo_ok) {
      fail(out, path, "not_regular", "not a regular file (FIFO, socket or device): skipped");
      return;
    }
    if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > options.max_bytes && !is_jsonl(path)) {
      fail(out, path, "too_large", std::to_string(st.st_size) + " bytes, larger than --max-bytes (" +
                                       std::to_string(options.max_bytes) + ")");
      return;
    }
    const int fd = open_checked(path, fifo_ok, &st, out);
    if (fd < 0) return;
    if (is_jsonl(path)) {
      start_jsonl(fd, true, path);
      *produced = next_jsonl(out);
      return;
    }
    *out = Input{};
    out->id = path;
    out->html = is_html(path);
    read_fd(fd, options.max_bytes, S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 0, &out->bytes,
            &out->error);
    ::close(fd);
  }

  void start_jsonl(int fd, bool owned, const std::string& name) {
    close_jsonl();
    jsonl_fd = fd;
    jsonl_owned = owned;
    jsonl_name = name;
    jsonl_line = 0;
    lines = std::make_unique<LineReader>(fd, options.max_bytes, options.block_bytes);
  }

  static std::optional<std::string> string_field(const nlohmann::json& j, const std::string& key) {
    const auto it = j.find(key);
    if (it == j.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
    return std::nullopt;
  }

  // A JSON line that does not parse (byte: where nlohmann stopped, if known; note: appended to
  // the message). It is named by the id it got as far as ({"id": "p7", "text": "cut off...),
  // with a message that does not count lines: a batch cut into shards then gives the single
  // run's record, where FILE:LINE would count from the start of the shard. Only a line with no
  // id to recover is named FILE:LINE, and its message says which line.
  void fail_unparsed(Input* out, const std::string& line, const std::string& where,
                     const std::string& n, std::optional<size_t> byte, const std::string& note) {
    if (const std::optional<std::string> id = recover_jsonl_id(line, options.id_field)) {
      const std::string at = byte ? " at byte " + std::to_string(*byte) + " of its line" : "";
      fail(out, *id, "json", "invalid JSON" + at + note);
      return;
    }
    const std::string at = byte ? ", byte " + std::to_string(*byte) : "";
    fail(out, where, "json", "line " + n + at + ": invalid JSON" + note);
  }

  // The common case, fast: a line simdjson parses (validating all of it, as nlohmann does) into
  // an object whose text field is a string and whose id field, if any, is a string. Anything
  // else (a parse error, a numeric id, a missing text...) returns false for the nlohmann path
  // below, which gives the same answers and the error messages. Duplicate keys: the last wins,
  // as in nlohmann-json.
  bool parse_plain_record(std::string* line, const std::string& where, Input* out) {
    // simdjson reads a few bytes past the end: spare capacity avoids its copy of the line.
    if (line->capacity() - line->size() < simdjson::SIMDJSON_PADDING) line->reserve(line->size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::element root;
    if (json.parse(line->data(), line->size(), false).get(root)) return false;
    simdjson::dom::object object;
    if (root.get_object().get(object)) return false;
    simdjson::dom::element id, title, text;
    bool has_id = false, has_title = false, has_text = false;
    for (const simdjson::dom::key_value_pair field : object) {
      if (field.key == options.id_field) id = field.value, has_id = true;
      if (field.key == options.title_field) title = field.value, has_title = true;
      if (field.key == options.text_field) text = field.value, has_text = true;
    }
    std::string_view value;
    if (!has_text || text.get_string().get(value)) return false;
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
    out->html = options.format == InputFormat::kHtml;
    // One huge line must not keep its buffers for the rest of the run.
    if (line->size() > (4u << 20)) json = simdjson::dom::parser{};
    return true;
  }

  // The next record of the open JSON Lines stream; false (and closed) at its end.
  bool next_jsonl(Input* out) {
    std::string line;
    for (;;) {
      const LineReader::Status status = lines->next(&line);
      if (status == LineReader::Status::kEnd) break;
      ++jsonl_line;
      const std::string n = std::to_string(jsonl_line);
      const std::string where = jsonl_name + ":" + n;
      if (status == LineReader::Status::kError) {
        fail(out, where, "io", "line " + n + ": read failed: " + errno_text(lines->error()));
        close_jsonl();
        return true;
      }
      if (status == LineReader::Status::kTooLong) {
        // Named FILE:LINE even when its id is near the start: LineReader drops the line, prefix
        // and all, as soon as it passes --max-bytes, so there is nothing to recover an id from.
        fail(out, where, "too_large",
             "line " + n + " is longer than --max-bytes (" + std::to_string(options.max_bytes) + ")");
        return true;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
      if (!options.jsonl_reference && parse_plain_record(&line, where, out)) return true;
      *out = Input{};
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        fail_unparsed(out, line, where, n, e.byte,
                      is_valid_utf8(line) ? "" : " (not UTF-8: JSON Lines must be UTF-8)");
        return true;
      } catch (const nlohmann::json::out_of_range&) {  // 1e9999: a number no double holds
        fail_unparsed(out, line, where, n, std::nullopt, " (a number out of range)");
        return true;
      } catch (const nlohmann::json::exception&) {
        fail_unparsed(out, line, where, n, std::nullopt, "");
        return true;
      }
      if (!j.is_object()) {
        fail(out, where, "json", "line " + n + ": not a JSON object");
        return true;
      }
      const std::optional<std::string> id = string_field(j, options.id_field);
      out->id = id.value_or(where);
      const auto text = j.find(options.text_field);
      if (text == j.end() || !text->is_string()) {
        // Named by its id, the message need not (and, for shards to equal one run, must not)
        // count lines; without an id the line number is all that tells the user which line.
        out->error =
            InputError{"json", (id ? "" : "line " + n + ": ") + "field '" +
                                   escape_invalid_utf8(options.text_field) +
                                   (text == j.end() ? "' is missing" : "' is not a string")};
        return true;
      }
      out->bytes = text->get<std::string>();
      const auto title = j.find(options.title_field);
      if (title != j.end() && title->is_string()) out->title = title->get<std::string>();
      out->html = options.format == InputFormat::kHtml;
      return true;
    }
    close_jsonl();
    return false;
  }
};

InputSource::InputSource(std::vector<std::string> paths, ReadOptions options)
    : m_impl(std::make_unique<Impl>()) {
  m_impl->paths = std::move(paths);
  m_impl->options = std::move(options);
}

InputSource::~InputSource() = default;

bool InputSource::next(Input* out) {
  Impl& s = *m_impl;
  for (;;) {
    if (s.lines) {
      if (s.next_jsonl(out)) return true;
      continue;
    }
    if (!s.stack.empty()) {
      Impl::Dir& d = s.stack.back();
      if (d.next == d.entries.size()) {
        s.stack.pop_back();
        continue;
      }
      const std::string path = join(d.path, d.entries[d.next++]);
      bool produced;
      s.visit(path, false, out, &produced);
      if (produced) return true;
      continue;
    }
    if (s.next_path == s.paths.size()) return false;
    const std::string path = s.paths[s.next_path++];
    if (path == "-") {
      if (s.options.format == InputFormat::kJsonl) {
        s.start_jsonl(STDIN_FILENO, false, "-");
        continue;
      }
      *out = Input{};
      out->id = "-";
      out->html = s.options.format == InputFormat::kHtml;
      read_fd(STDIN_FILENO, s.options.max_bytes, 0, &out->bytes, &out->error);
      return true;
    }
    bool produced;
    s.visit(path, true, out, &produced);
    if (produced) return true;
  }
}

}  // namespace jobmatch
