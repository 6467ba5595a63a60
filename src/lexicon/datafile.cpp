#include "lexicon/datafile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include "text/text_util.h"

namespace jobmatch {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file.empty() ? "jobmatch" : escape_for_terminal(d.file);
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.col);
  out += ": error: " + escape_for_terminal(d.message) + "\n";
  if (!d.line_text.empty()) {
    const std::string shown = escape_for_terminal(d.line_text);
    out += "    " + shown + "\n    ";
    // The caret goes under the column, counted in characters of the line as shown.
    const std::string_view before = std::string_view(d.line_text).substr(
        0, std::min(d.col > 0 ? d.col - 1 : 0, d.line_text.size()));
    out += std::string(utf8_width(escape_for_terminal(before)), ' ');
    out += "^\n";
  }
  return out;
}

std::vector<DataLine> split_data_lines(const SourceFile& file) {
  std::vector<DataLine> out;
  const std::string_view text = file.text;
  size_t start = 0;
  size_t line_no = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_no;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] != '#') {
      DataLine d;
      d.line = line_no;
      d.text = line;
      d.key_col = first;
      size_t key_end = line.find_first_of(" \t", first);
      if (key_end == std::string_view::npos) key_end = line.size();
      d.key = line.substr(first, key_end - first);
      const size_t vstart = line.find_first_not_of(" \t", key_end);
      if (vstart != std::string_view::npos) {
        d.value_col = vstart;
        d.value = trim(line.substr(vstart));
      } else {
        d.value_col = line.size();
      }
      out.push_back(d);
    }
    start = end + 1;
  }
  return out;
}

Diagnostic diagnostic_at(const SourceFile& file, const DataLine& line, size_t col,
                         std::string message) {
  return Diagnostic{file.name, line.line, col + 1, std::move(message), std::string(line.text)};
}

Expected<std::string> read_data_file(const std::string& path) {
  const auto too_large = [] { return Error("larger than " + std::to_string(kMaxDataFileBytes >> 20) + " MiB"); };
  // O_NONBLOCK: opening a FIFO without a writer would wait for one.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    struct stat st {};
    return Error(err == ENXIO && ::stat(path.c_str(), &st) == 0 ? "not a regular file" : std::strerror(err));  // a socket
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error(S_ISDIR(st.st_mode) ? std::strerror(EISDIR) : "not a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxDataFileBytes) {
    ::close(fd);
    return too_large();
  }
  std::string out;
  out.resize(static_cast<size_t>(st.st_size) + 1);  // one byte more: a file that grew is seen
  size_t have = 0;
  for (;;) {
    if (have == out.size()) {
      if (have > kMaxDataFileBytes) break;
      out.resize(std::min(have * 2 + 4096, kMaxDataFileBytes + 1));
    }
    const ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Error error(std::strerror(errno));
      ::close(fd);
      return error;
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  ::close(fd);
  if (have > kMaxDataFileBytes) return too_large();
  out.resize(have);
  return out;
}

bool parse_number(std::string_view value, double* out) {
  if (value.empty()) return false;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, *out);
  return ec == std::errc() && ptr == end && std::isfinite(*out);
}

}  // namespace jobmatch
