#include "report/shortlist.h"

#include <algorithm>

namespace jobmatch {

namespace {
constexpr size_t kExamples = 3;  // error records named on standard error
}  // namespace

bool passes(const Result& r, const ShortlistOptions& o) {
  if (r.error) return false;
  if (o.min_score && r.score < *o.min_score) return false;
  return o.langs.empty() || std::find(o.langs.begin(), o.langs.end(), r.lang) != o.langs.end();
}

Shortlist::Shortlist(Writer& writer, ShortlistOptions options)
    : m_writer(writer), m_o(std::move(options)), m_hold(!m_o.writer_ranks && m_o.sort != SortOrder::kInput) {}

bool Shortlist::before(const Held& a, const Held& b) const {
  if (m_o.sort == SortOrder::kScore) {
    if (a.error != b.error) return !a.error;
    if (a.score != b.score) return a.score > b.score;
  } else if (m_o.sort == SortOrder::kId && a.id != b.id) {
    return a.id < b.id;
  }
  return a.order < b.order;
}

// Keeps the best top of what is held once twice as many are: linear time over the run.
void Shortlist::trim() {
  const uint64_t top = *m_o.top;
  if (m_held.size() <= top) return;
  const auto less = [&](const Held& a, const Held& b) { return before(a, b); };
  std::nth_element(m_held.begin(), m_held.begin() + static_cast<std::ptrdiff_t>(top), m_held.end(), less);
  m_postings_left_out += m_held.size() - top;
  m_held.resize(top);
}

void Shortlist::add(Result&& r) {
  const uint64_t order = m_count++;
  if (m_o.filters() && !passes(r, m_o)) {
    if (r.error) {
      if (m_error_examples.size() < kExamples) m_error_examples.push_back(r.id);
      ++m_errors_left_out;
    } else {
      ++m_postings_left_out;
    }
    return;
  }
  if (!m_hold) {
    if (!m_o.writer_ranks && m_o.top && m_written >= *m_o.top) {
      ++m_postings_left_out;
      return;
    }
    ++m_written;
    std::string rendered = std::move(r.rendered);
    m_writer.write(r, std::move(rendered));
    return;
  }
  m_held.push_back({order, r.score, r.error.has_value(), m_o.sort == SortOrder::kId ? std::move(r.id) : std::string(),
                    std::move(r.rendered)});
  if (m_o.top && m_held.size() >= 2 * std::max<uint64_t>(*m_o.top, 1)) trim();
}

void Shortlist::finish() {
  if (m_hold) {
    if (m_o.top) trim();
    std::sort(m_held.begin(), m_held.end(), [&](const Held& a, const Held& b) { return before(a, b); });
    const Result none;  // (the writer reads nothing but the rendered text)
    for (Held& h : m_held) {
      m_writer.write(none, std::move(h.rendered));
      std::string().swap(h.id);  // freed as it goes
    }
    m_held.clear();
  }
  m_writer.set_left_out(m_postings_left_out);
  m_writer.finish();
}

}  // namespace jobmatch
