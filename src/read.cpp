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
#include <utility>

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
bool read_fd(int fd, size_t max_bytes, std::string* out, std::optional<InputError>* error) {
  out->clear();
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = InputError{"io", "read failed: " + errno_text(errno)};
      return false;
    }
    if (n == 0) return true;
    if (out->size() + static_cast<size_t>(n) > max_bytes) {
      *error = InputError{"too_large", "larger than --max-bytes (" + std::to_string(max_bytes) + " bytes)"};
      out->clear();
      return false;
    }
    out->append(buf, static_cast<size_t>(n));
  }
}

// Reads lines of at most max_bytes from a FILE; longer lines are reported, not buffered.
class LineReader {
 public:
  LineReader(FILE* f, size_t max_bytes) : m_file(f), m_max(max_bytes) {}
  // false at end of input. *too_long is set if the line was cut.
  bool next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    for (;;) {
      const int c = getc_unlocked(m_file);
      if (c == EOF) return any;
      any = true;
      if (c == '\n') return true;
      if (line->size() < m_max) line->push_back(static_cast<char>(c));
      else *too_long = true;
    }
  }

 private:
  FILE* m_file;
  size_t m_max;
};

}  // namespace

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
  FILE* jsonl = nullptr;
  bool jsonl_owned = false;
  std::string jsonl_name;
  size_t jsonl_line = 0;
  std::unique_ptr<LineReader> lines;

  ~Impl() { close_jsonl(); }

  void close_jsonl() {
    if (jsonl && jsonl_owned) std::fclose(jsonl);
    jsonl = nullptr;
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

  void open_dir(const std::string& path, const struct stat& st, Input* out, bool* produced) {
    const std::pair<dev_t, ino_t> key{st.st_dev, st.st_ino};
    for (const Dir& d : stack)
      if (d.key == key) {  // a symlink loop: this folder is already being walked
        *out = Input{};
        out->id = path;
        out->error = InputError{"loop", "symbolic link loop: folder " + d.path + " is already being walked"};
        *produced = true;
        return;
      }
    DIR* dir = ::opendir(path.c_str());
    if (!dir) {
      *out = Input{};
      out->id = path;
      out->error = InputError{"io", "cannot open folder: " + errno_text(errno)};
      *produced = true;
      return;
    }
    Dir d;
    d.path = path;
    d.key = key;
    while (const dirent* e = ::readdir(dir)) {
      const std::string name = e->d_name;
      if (name.empty() || name[0] == '.') continue;  // ".", "..", hidden entries
      d.entries.push_back(name);
    }
    ::closedir(dir);
    std::sort(d.entries.begin(), d.entries.end());
    stack.push_back(std::move(d));
  }

  // Handles one path; sets *produced if *out was filled.
  void visit(const std::string& path, bool explicit_path, Input* out, bool* produced) {
    *produced = false;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      const int err = errno;
      struct stat lst;
      *out = Input{};
      out->id = path;
      if (err == ENOENT && ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
        out->error = InputError{"not_found", "dangling symbolic link"};
      else if (err == ELOOP)
        out->error = InputError{"io", "too many levels of symbolic links"};
      else
        out->error = InputError{err == ENOENT ? "not_found" : "io", errno_text(err)};
      *produced = true;
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      open_dir(path, st, out, produced);
      return;
    }
    if (!explicit_path && !wanted(path)) return;
    if (!S_ISREG(st.st_mode) && !(explicit_path && S_ISFIFO(st.st_mode))) {
      *out = Input{};
      out->id = path;
      out->error = InputError{"not_regular", "not a regular file (FIFO, socket or device): skipped"};
      *produced = true;
      return;
    }
    if (is_jsonl(path)) {
      FILE* f = std::fopen(path.c_str(), "rb");
      if (!f) {
        *out = Input{};
        out->id = path;
        out->error = InputError{"io", errno_text(errno)};
        *produced = true;
        return;
      }
      start_jsonl(f, true, path);
      *produced = next_jsonl(out);
      return;
    }
    *out = Input{};
    out->id = path;
    out->html = is_html(path);
    if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > options.max_bytes) {
      out->error = InputError{"too_large", std::to_string(st.st_size) + " bytes, larger than --max-bytes (" +
                                               std::to_string(options.max_bytes) + ")"};
      *produced = true;
      return;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      out->error = InputError{"io", errno_text(errno)};
    } else {
      read_fd(fd, options.max_bytes, &out->bytes, &out->error);
      ::close(fd);
    }
    *produced = true;
  }

  void start_jsonl(FILE* f, bool owned, const std::string& name) {
    close_jsonl();
    jsonl = f;
    jsonl_owned = owned;
    jsonl_name = name;
    jsonl_line = 0;
    lines = std::make_unique<LineReader>(f, options.max_bytes);
  }

  static std::optional<std::string> string_field(const nlohmann::json& j, const std::string& key) {
    const auto it = j.find(key);
    if (it == j.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
    return std::nullopt;
  }

  // The next record of the open JSON Lines stream; false (and closed) at its end.
  bool next_jsonl(Input* out) {
    std::string line;
    bool too_long;
    while (lines->next(&line, &too_long)) {
      ++jsonl_line;
      const std::string where = jsonl_name + ":" + std::to_string(jsonl_line);
      *out = Input{};
      if (too_long) {
        out->id = where;
        out->error = InputError{"too_large", "line " + std::to_string(jsonl_line) +
                                                 " is longer than --max-bytes (" +
                                                 std::to_string(options.max_bytes) + ")"};
        return true;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        out->id = where;
        out->error = InputError{"json", "line " + std::to_string(jsonl_line) + ", byte " +
                                            std::to_string(e.byte) + ": invalid JSON"};
        return true;
      }
      if (!j.is_object()) {
        out->id = where;
        out->error = InputError{"json", "line " + std::to_string(jsonl_line) + ": not a JSON object"};
        return true;
      }
      out->id = string_field(j, options.id_field).value_or(where);
      const auto text = j.find(options.text_field);
      if (text == j.end() || !text->is_string()) {
        out->error = InputError{"json", "line " + std::to_string(jsonl_line) + ": field '" +
                                            options.text_field +
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
    if (s.jsonl) {
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
        s.start_jsonl(stdin, false, "-");
        continue;
      }
      *out = Input{};
      out->id = "-";
      out->html = s.options.format == InputFormat::kHtml;
      read_fd(STDIN_FILENO, s.options.max_bytes, &out->bytes, &out->error);
      return true;
    }
    bool produced;
    s.visit(path, true, out, &produced);
    if (produced) return true;
  }
}

}  // namespace jobmatch
