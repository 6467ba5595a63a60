// The table for people at a terminal: ranked by score (or by id, or in input order:
// ReportOptions::sort), at most ReportOptions::top rows, aligned, colour only when asked for.
// Its footer (how many were scored, the profile) goes to standard error, so that standard
// output holds the table alone.
//
// Ranking needs every row before the first is printed, but not every row in memory: each row is
// rendered by the worker into a few bytes (its cells already escaped, and cut to the widest
// column they could get), rows are kept in a block of about 4 MiB (ReportOptions::table_block),
// and a full block is sorted and written to an unnamed temporary file (in $TMPDIR, else /tmp)
// as a run. At the end the runs are merged (at most kMergeWays at a time) and the table is
// written as it is merged. So memory stays flat however many postings there are; only the
// temporary file grows (a row takes some 80 bytes). If no temporary file can be made (or it
// fills up), the rows from then on stay in memory.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/expected.h"
#include "report/writer.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

constexpr size_t kMergeWays = 64;         // runs merged at once
constexpr size_t kReadBuffer = 32u << 10; // per run being merged
constexpr size_t kTitleMax = 40;          // widest title column

// A row as bytes: u32 size of the whole row, u64 input order, u8 error, f64 score, then the
// cells lang, id, title, detail and key (the whole id, for --sort id; else empty), each as u32
// length + bytes.
struct RowView {
  uint64_t order = 0;
  bool error = false;
  double score = 0;
  std::string_view lang, id, title, detail, key;
};

void put_u32(std::string& s, uint32_t v) { s.append(reinterpret_cast<const char*>(&v), 4); }

template <typename T>
T get(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

RowView decode_row(const char* p) {
  RowView v;
  v.order = get<uint64_t>(p + 4);
  v.error = p[12] != 0;
  v.score = get<double>(p + 13);
  const char* q = p + 21;
  for (std::string_view* cell : {&v.lang, &v.id, &v.title, &v.detail, &v.key}) {
    const uint32_t n = get<uint32_t>(q);
    *cell = std::string_view(q + 4, n);
    q += 4 + n;
  }
  return v;
}

uint32_t row_size(const char* p) { return get<uint32_t>(p); }

// The ranking: for SortOrder::kScore scored rows first, highest score first; for kId by the
// whole id, bytewise; then input order (a stable sort).
bool ranks_before(SortOrder sort, const char* a, const char* b) {
  if (sort == SortOrder::kScore) {
    const bool ea = a[12] != 0, eb = b[12] != 0;
    if (ea != eb) return !ea;
    const double sa = get<double>(a + 13), sb = get<double>(b + 13);
    if (sa != sb) return sa > sb;
  } else if (sort == SortOrder::kId) {
    const std::string_view ka = decode_row(a).key, kb = decode_row(b).key;
    if (ka != kb) return ka < kb;
  }
  return get<uint64_t>(a + 4) < get<uint64_t>(b + 4);
}

// At most max_width + 1 code points of s: what fit() makes of s for any width up to max_width
// (utf8_width counts code points).
std::string_view cut(std::string_view s, size_t max_width) {
  size_t points = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++points > max_width + 1) return s.substr(0, i);
  return s;
}

std::string fit(std::string_view s, size_t width) {
  if (utf8_width(s) <= width) return std::string(s) + std::string(width - utf8_width(s), ' ');
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size() && w + 1 < width;) {
    size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    out.append(s.substr(i, len));
    i += len;
    ++w;
  }
  out += "…";
  return out + std::string(width - w - 1, ' ');
}

// The columns, from the terminal width and the widest id.
struct Layout {
  size_t id_w, title_w, detail_w;
};

constexpr size_t kFixed = 4 + 2 + 5 + 2 + 4 + 2;  // rank, score, lang and their gaps

size_t available(size_t width) { return width > kFixed + 40 ? width - kFixed : 40; }

Layout layout(size_t width, size_t widest_id) {
  const size_t avail = available(width);
  Layout l;
  l.id_w = std::min(std::max<size_t>(8, widest_id), avail / 3);
  l.title_w = std::min(kTitleMax, (avail - l.id_w) / 2);
  l.detail_w = avail > l.id_w + l.title_w + 4 ? avail - l.id_w - l.title_w - 4 : 10;
  return l;
}

// Sorted runs in an unnamed temporary file.
class RunFile {
 public:
  ~RunFile() {
    if (m_fd >= 0) ::close(m_fd);
  }
  // Writes bytes at the end (creating the file on first use): where they start in the file.
  Expected<uint64_t> append(std::string_view bytes) {
    if (m_fd < 0)
      if (Status opened = open(); !opened.ok()) return opened.error();
    const uint64_t offset = m_end;
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::pwrite(m_fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(m_end + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return Error(n < 0 ? std::strerror(errno) : "nothing written");
      done += static_cast<size_t>(n);
    }
    m_end += bytes.size();
    return offset;
  }
  Status read(uint64_t offset, char* buf, size_t n) const {
    for (size_t done = 0; done < n;) {
      const ssize_t got = ::pread(m_fd, buf + done, n - done, static_cast<off_t>(offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return Error(got < 0 ? std::strerror(errno) : "unexpected end of file");
      done += static_cast<size_t>(got);
    }
    return {};
  }

 private:
  Status open() {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/jobmatch-table-XXXXXX";
    m_fd = ::mkstemp(path.data());
    if (m_fd < 0) return Error(std::strerror(errno));
    ::unlink(path.c_str());
    return {};
  }
  int m_fd = -1;
  uint64_t m_end = 0;
};

struct Run {
  uint64_t begin, end;  // bytes in the run file
};

// Reads one run's rows in order, a buffer at a time.
class RunReader {
 public:
  RunReader(const RunFile& file, Run run) : m_file(file), m_next(run.begin), m_end(run.end) { fill(); }
  const char* row() const { return m_ok && m_pos < m_buf.size() ? m_buf.data() + m_pos : nullptr; }
  bool ok() const { return m_ok; }
  void advance() {
    m_pos += row_size(row());
    if (m_pos + 4 > m_buf.size() || m_pos + row_size(m_buf.data() + m_pos) > m_buf.size()) fill();
  }

 private:
  // Keeps the unread part of the buffer and reads on, at least up to the end of the next row.
  void fill() {
    m_buf.erase(0, m_pos);
    m_pos = 0;
    const auto more = [&](size_t want) {
      const size_t n = static_cast<size_t>(std::min<uint64_t>(want, m_end - m_next));
      const size_t old = m_buf.size();
      m_buf.resize(old + n);
      if (n && !m_file.read(m_next, m_buf.data() + old, n).ok()) m_ok = false;
      m_next += n;
    };
    if (m_buf.size() < 4) more(kReadBuffer);
    if (m_buf.size() >= 4 && row_size(m_buf.data()) > m_buf.size()) more(row_size(m_buf.data()) - m_buf.size() + kReadBuffer);
  }

  const RunFile& m_file;
  uint64_t m_next, m_end;
  std::string m_buf;
  size_t m_pos = 0;
  bool m_ok = true;
};

class TableWriter : public Writer {
 public:
  TableWriter(Output& out, const Engine& engine, const ReportOptions& options)
      : m_out(out), m_engine(engine), m_options(options),
        m_id_max(available(options.width) / 3), m_detail_max(std::max<size_t>(10, available(options.width))) {}

  // The row without its order (known only in write): error, score and the cells, escaped by
  // the display policy and cut to the widest column they could get.
  std::string render(const Result& r) const override {
    const std::string id = escape_for_terminal(display_id(r.id));
    std::string detail;
    if (r.error) {
      detail = escape_for_terminal(r.error->kind + ": " + r.error->message);
    } else {
      // The matched concepts the profile weighs most first (by weight, not by strength).
      std::vector<const MatchedConcept*> ms;
      for (const auto& m : r.matched) ms.push_back(&m);
      std::stable_sort(ms.begin(), ms.end(), [](auto* a, auto* b) { return a->weight > b->weight; });
      for (const auto* m : ms)
        detail += (detail.empty() ? "" : ", ") + m_engine.lexicon().concepts[m->concept_index].label;
      if (!r.missing_must.empty()) {
        std::string must;
        for (const size_t c : r.missing_must) must += (must.empty() ? "" : ", ") + m_engine.lexicon().concepts[c].label;
        detail = "[missing " + must + "] " + detail;
      }
      detail = escape_for_terminal(detail);
    }
    const std::string lang = escape_for_terminal(r.lang), title = escape_for_terminal(r.title);
    std::string row;
    row.push_back(r.error ? 1 : 0);
    row.append(reinterpret_cast<const char*>(&r.score), sizeof r.score);
    const std::string key = m_options.sort == SortOrder::kId ? display_id(r.id) : std::string();
    const std::string_view cells[] = {cut(lang, 4), cut(id, m_id_max), cut(title, kTitleMax), cut(detail, m_detail_max),
                                      key};
    for (const std::string_view cell : cells) {
      put_u32(row, static_cast<uint32_t>(cell.size()));
      row.append(cell);
    }
    // The widest id decides the id column; it is noted here, in utf8_width's count.
    put_u32(row, static_cast<uint32_t>(std::min<size_t>(utf8_width(id), UINT32_MAX)));
    return row;
  }
  bool writes_rendered_only() const override { return true; }

  void write(const Result&, std::string&& rendered) override {
    const size_t n = rendered.size();
    m_widest_id = std::max<size_t>(m_widest_id, get<uint32_t>(rendered.data() + n - 4));
    const uint64_t order = m_count++;
    m_offsets.push_back(m_block.size());
    put_u32(m_block, static_cast<uint32_t>(4 + 8 + n - 4));
    m_block.append(reinterpret_cast<const char*>(&order), 8);
    m_block.append(rendered, 0, n - 4);
    if (rendered[0]) ++m_errors;
    if (m_block.size() >= m_options.table_block && !m_no_file) spill();
  }

  void finish() override {
    m_lay = layout(m_options.width, m_widest_id);
    const std::string header = fit("   #", 4) + "  " + fit("SCORE", 5) + "  " + fit("LANG", 4) + "  " +
                               fit("POSTING", m_lay.id_w) + "  " + fit("TITLE", m_lay.title_w) + "  " + "EVIDENCE";
    if (m_options.header) m_out.write(paint(header, "1", m_options.color) + "\n");
    sort_block();
    if (!m_runs.empty()) {
      if (!m_no_file) spill();
      // Merge the oldest runs into one while there are too many to merge at once (if the
      // temporary file stops taking them, the rest are merged as they are).
      while (m_runs.size() > kMergeWays && merge_runs()) {
      }
    }
    uint64_t cut_off = 0;  // rows past --top
    merge(m_runs, [&](const char* row) {
      if (m_rank < m_options.top) print(row);
      else ++cut_off;
    });
    m_out.flush();
    // The footer, on standard error once the table is out: how many postings the table stands
    // for, and what it leaves out.
    const uint64_t scored = m_count - m_errors + m_left_out;
    const uint64_t left_out = m_left_out + cut_off;
    const std::string footer =
        std::to_string(scored) + (scored == 1 ? " posting" : " postings") + " scored" +
        (m_errors ? ", " + std::to_string(m_errors) + " could not be read" : "") +
        (left_out ? ", " + std::to_string(m_rank) + " listed" : "") + "; profile " +
        escape_for_terminal(m_engine.profile().name) + ", lexicon " + m_engine.hash();
    if (m_options.footer) std::fputs((paint(footer, "2", m_options.footer_color) + "\n").c_str(), stderr);
  }

  void set_left_out(uint64_t postings) override { m_left_out = postings; }

 private:
  static std::string paint(const std::string& s, const char* code, bool color) {
    return color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  }

  void print(const char* row) {
    const RowView r = decode_row(row);
    char num[24];
    std::snprintf(num, sizeof num, "%4zu", ++m_rank);
    std::string score = r.error ? "error" : format_score(r.score);
    score = std::string(5 - std::min<size_t>(5, score.size()), ' ') + score;
    const char* colour = r.error ? "31" : r.score >= 60 ? "32" : r.score >= 30 ? "33" : "2";
    std::string line = std::string(r.error ? "   -" : num) + "  " + paint(score, colour, m_options.color) + "  " + fit(r.lang, 4) +
                       "  " + fit(r.id, m_lay.id_w) + "  " + fit(r.title, m_lay.title_w) + "  " +
                       fit(r.detail, m_lay.detail_w);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    m_out.write(line);
  }

  void sort_block() {
    std::sort(m_offsets.begin(), m_offsets.end(),
              [&](size_t a, size_t b) { return ranks_before(m_options.sort, m_block.data() + a, m_block.data() + b); });
  }

  // Writes the block, sorted, as a run; if that fails, the rows stay in memory from now on.
  void spill() {
    sort_block();
    std::string sorted;
    sorted.reserve(m_block.size());
    for (const size_t off : m_offsets) sorted.append(m_block, off, row_size(m_block.data() + off));
    const Expected<uint64_t> at = m_file.append(sorted);
    if (!at.ok()) {
      m_no_file = true;
      return;
    }
    m_runs.push_back({*at, *at + sorted.size()});
    m_block.clear();
    m_offsets.clear();
  }

  // Merges the first kMergeWays runs into one new run at the end; false if it cannot be written.
  bool merge_runs() {
    const std::vector<Run> group(m_runs.begin(), m_runs.begin() + kMergeWays);
    Run merged{0, 0};
    bool first = true, ok = true;
    std::string buf;
    const auto flush = [&] {
      if (!ok) return;
      const Expected<uint64_t> at = m_file.append(buf);
      if (!at.ok()) {
        ok = false;
        return;
      }
      if (first) merged.begin = *at, first = false;
      merged.end = *at + buf.size();
      buf.clear();
    };
    merge(group, [&](const char* row) {
      buf.append(row, row_size(row));
      if (buf.size() >= m_options.table_block) flush();
    }, false);
    flush();
    if (!ok) return false;
    m_runs.erase(m_runs.begin(), m_runs.begin() + kMergeWays);
    m_runs.push_back(merged);
    return true;
  }

  // Calls f with every row of the runs (and, with `block`, of the sorted block), in ranking order.
  template <typename F>
  void merge(const std::vector<Run>& runs, F&& f, bool block = true) {
    std::vector<RunReader> readers;
    readers.reserve(runs.size());
    for (const Run& run : runs) readers.emplace_back(m_file, run);
    size_t next = block ? 0 : m_offsets.size();  // in the block
    for (;;) {
      RunReader* best = nullptr;
      for (RunReader& r : readers)
        if (r.row() && (!best || ranks_before(m_options.sort, r.row(), best->row()))) best = &r;
      const char* in_block = next < m_offsets.size() ? m_block.data() + m_offsets[next] : nullptr;
      if (in_block && (!best || ranks_before(m_options.sort, in_block, best->row()))) {
        f(in_block);
        ++next;
      } else if (best) {
        f(best->row());
        best->advance();
      } else {
        break;
      }
    }
    for (const RunReader& r : readers)
      if (!r.ok()) {
        std::fprintf(stderr, "jobmatch: error: cannot read back the temporary file of the table: rows are missing\n");
        m_out.fail(EIO);  // the run ends with the exit code of a write error
        break;
      }
  }

  Output& m_out;
  const Engine& m_engine;
  ReportOptions m_options;
  const size_t m_id_max, m_detail_max;
  std::string m_block;            // rows not yet in a run
  std::vector<size_t> m_offsets;  // where each row of m_block starts
  RunFile m_file;
  std::vector<Run> m_runs;
  bool m_no_file = false;
  size_t m_widest_id = 0;
  uint64_t m_count = 0;
  size_t m_errors = 0;
  size_t m_rank = 0;
  uint64_t m_left_out = 0;  // scored postings a shortlist left out before they reached the table
  Layout m_lay{};
};

}  // namespace

std::unique_ptr<Writer> make_table_writer(Output& out, const Engine& engine, const ReportOptions& o) {
  return std::make_unique<TableWriter>(out, engine, o);
}

}  // namespace jobmatch
