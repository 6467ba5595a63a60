#include "report/writer.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "text/text_util.h"

namespace jobmatch {

void Output::flush() {
  size_t done = 0;
  while (!m_broken && done < m_buf.size()) {
    const ssize_t n = ::write(m_fd, m_buf.data() + done, m_buf.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      m_broken = true;  // EPIPE or another write error: stop writing
      m_errno = errno;
      break;
    }
    done += static_cast<size_t>(n);
  }
  m_buf.clear();
}

bool parse_format(std::string_view name, Format* out) {
  if (name == "table") *out = Format::kTable;
  else if (name == "tsv") *out = Format::kTsv;
  else if (name == "csv") *out = Format::kCsv;
  else if (name == "jsonl") *out = Format::kJsonl;
  else if (name == "json") *out = Format::kJson;
  else return false;
  return true;
}

bool parse_sort(std::string_view name, SortOrder* out) {
  if (name == "score") *out = SortOrder::kScore;
  else if (name == "id") *out = SortOrder::kId;
  else if (name == "input") *out = SortOrder::kInput;
  else return false;
  return true;
}

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

std::unique_ptr<Writer> make_writer(Format format, Output& out, const Engine& engine,
                                    const ReportOptions& options) {
  switch (format) {
    case Format::kTable: return make_table_writer(out, engine, options);
    case Format::kTsv: return make_delimited_writer(out, engine, '\t', options);
    case Format::kCsv: return make_delimited_writer(out, engine, ',', options);
    case Format::kJsonl: return make_json_writer(out, engine, true, options);
    case Format::kJson: return make_json_writer(out, engine, false, options);
  }
  return nullptr;
}

}  // namespace jobmatch
