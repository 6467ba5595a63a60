#include "input/read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <utility>

#include "input/records.h"
#include "input/sniff.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

std::string join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string errno_text(int err) { return std::strerror(err); }

void fail(Input* out, const std::string& id, std::string kind, std::string message) {
  *out = Input{};
  out->id = id;
  out->error = InputError{std::move(kind), std::move(message)};
}

// What --input-format forces, as the content it names (kAuto: nothing forced).
std::optional<Content> forced_content(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return std::nullopt;
    case InputFormat::kText: return Content::kText;
    case InputFormat::kHtml: return Content::kHtml;
    case InputFormat::kMarkdown: return Content::kMarkdown;
    case InputFormat::kJsonl: return Content::kJsonl;
    case InputFormat::kJson: return Content::kJson;
    case InputFormat::kPdf: return Content::kPdf;
    case InputFormat::kDocx: return Content::kZip;
  }
  return std::nullopt;
}

DocFormat doc_format(Content c) {
  switch (c) {
    case Content::kHtml: return DocFormat::kHtml;
    case Content::kMarkdown: return DocFormat::kMarkdown;
    case Content::kPdf: return DocFormat::kPdf;
    case Content::kZip: return DocFormat::kDocx;
    default: return DocFormat::kText;
  }
}

// Reads from in into *head until content can be sniffed (sniff_ready). False on a read error.
// Each read asks for the rest of a sniff block: a file gives it at once, a pipe what it has.
bool read_head(ByteStream& in, std::string* head) {
  while (!sniff_ready(*head, false)) {
    const size_t have = head->size();
    head->resize(kSniffBytes);
    const ptrdiff_t n = in.read(head->data() + have, kSniffBytes - have);
    head->resize(have + static_cast<size_t>(std::max<ptrdiff_t>(n, 0)));
    if (n <= 0) return n == 0;
  }
  return true;
}

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

  std::unique_ptr<RecordReader> records;  // the JSON records being read, if any
  std::string records_name;               // and the input they come from
  size_t records_read = 0;                // how many it gave so far

  size_t skipped = 0, empty = 0;
  std::vector<std::string> skipped_examples, empty_examples;
  std::vector<std::string> output_skipped;

  bool wanted(const std::string& name) const {
    const std::string ext = extension_of(name, true);
    return std::find(options.extensions.begin(), options.extensions.end(), ext) != options.extensions.end();
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
    if (!explicit_path && std::find(options.output_files.begin(), options.output_files.end(),
                                     std::make_pair(st.st_dev, st.st_ino)) != options.output_files.end()) {
      output_skipped.push_back(path);  // the file this run is writing: never read as a posting
      return;
    }
    if (!explicit_path && !wanted(path)) {
      if (skipped_examples.size() < 5) skipped_examples.push_back(path);
      ++skipped;
      return;
    }
    *produced = true;
    const bool fifo_ok = explicit_path && S_ISFIFO(st.st_mode);
    if (!S_ISREG(st.st_mode) && !fifo_ok) {
      fail(out, path, "not_regular", "not a regular file (FIFO, socket or device): skipped");
      return;
    }
    const int fd = open_checked(path, fifo_ok, &st, out);
    if (fd < 0) return;
    const uint64_t size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
    *produced = open_stream(std::make_unique<FdStream>(fd, true), path, extension_of(path, true), size, out);
  }

  // Sniffs a stream and reads it: as JSON records (then the first record, if any, is *out), or
  // as one document. size: the file's size if known (0: unknown). False if nothing came out (a
  // JSON file with no records).
  bool open_stream(std::unique_ptr<ByteStream> in, const std::string& name, const std::string& ext,
                   uint64_t size, Input* out) {
    std::string head;
    if (!read_head(*in, &head)) {
      fail(out, name, in->error_kind(), in->error());
      return true;
    }
    const Compression compression = sniff_compression(head);
    if (compression != Compression::kNone) {
      in = decompress(compression, std::make_unique<PrefixStream>(std::move(head), std::move(in)));
      head.clear();
      if (!read_head(*in, &head)) {
        fail(out, name, in->error_kind(), in->error());
        return true;
      }
    }
    const Content content = forced_content(options.format).value_or(sniff_content(head, ext));
    if (content == Content::kJsonl || content == Content::kJson) {
      records = std::make_unique<RecordReader>(
          std::make_unique<PrefixStream>(std::move(head), std::move(in)), name,
          content == Content::kJsonl ? RecordReader::Kind::kJsonLines : RecordReader::Kind::kJson, options);
      records_name = name;
      records_read = 0;
      return next_record(out);
    }
    if (compression == Compression::kNone && size > options.max_bytes) {
      fail(out, name, "too_large",
           std::to_string(size) + " bytes, larger than --max-bytes (" + std::to_string(options.max_bytes) + ")");
      return true;
    }
    *out = Input{};
    out->id = name;
    out->format = doc_format(content);
    PrefixStream whole(std::move(head), std::move(in));
    bool too_large = false;
    std::string error;
    if (!read_all(whole, options.max_bytes, &out->bytes, &too_large, &error)) {
      if (too_large)
        out->error = InputError{"too_large", std::string(compression == Compression::kNone ? "larger than"
                                                                                           : "decompresses to more than") +
                                                 " --max-bytes (" + std::to_string(options.max_bytes) + " bytes)"};
      else
        out->error = InputError{whole.error_kind(), error};
    }
    return true;
  }

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
};

InputSource::InputSource(std::vector<std::string> paths, ReadOptions options)
    : m_impl(std::make_unique<Impl>()) {
  m_impl->paths = std::move(paths);
  m_impl->options = std::move(options);
}

InputSource::~InputSource() = default;

size_t InputSource::skipped_count() const { return m_impl->skipped; }
const std::vector<std::string>& InputSource::skipped_examples() const { return m_impl->skipped_examples; }
size_t InputSource::empty_count() const { return m_impl->empty; }
const std::vector<std::string>& InputSource::empty_examples() const { return m_impl->empty_examples; }
const std::vector<std::string>& InputSource::output_skipped() const { return m_impl->output_skipped; }

bool InputSource::next(Input* out) {
  Impl& s = *m_impl;
  for (;;) {
    if (s.records) {
      if (s.next_record(out)) return true;
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
      if (s.open_stream(std::make_unique<FdStream>(STDIN_FILENO), "-", "", 0, out)) return true;
      continue;
    }
    bool produced;
    s.visit(path, true, out, &produced);
    if (produced) return true;
  }
}

}  // namespace jobmatch
