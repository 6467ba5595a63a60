#include "text/source_map.h"

#include <algorithm>
#include <stdexcept>

namespace jobmatch {

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

void SourceMap::clear() {
  m_runs.clear();
  m_constant.clear();
  m_out_size = m_in_size = 0;
}

void SourceMap::append(size_t out_end, uint32_t in, bool linear) {
  if (out_end <= m_out_size) return;
  if (out_end > UINT32_MAX) throw std::length_error("text larger than 4 GiB");
  if (out_end - m_out_size == 1) linear = true;  // one byte: either reading says the same
  if (linear && !m_runs.empty() && !m_constant.back()) {
    const Run& last = m_runs.back();
    if (last.in + (m_out_size - last.out) == in) {  // goes on where the last run stands
      m_out_size = static_cast<uint32_t>(out_end);
      return;
    }
  }
  m_runs.push_back({m_out_size, in});
  m_constant.push_back(!linear);
  m_out_size = static_cast<uint32_t>(out_end);
}

void SourceMap::truncate(size_t out_size) {
  if (out_size >= m_out_size) return;
  while (!m_runs.empty() && m_runs.back().out >= out_size) {
    m_runs.pop_back();
    m_constant.pop_back();
  }
  m_out_size = static_cast<uint32_t>(out_size);
}

size_t SourceMap::run_of(size_t i) const {
  const auto it = std::upper_bound(m_runs.begin(), m_runs.end(), i, [](size_t v, const Run& r) { return v < r.out; });
  return static_cast<size_t>(it - m_runs.begin()) - 1;
}

uint32_t SourceMap::at(std::string_view text, size_t i) const {
  if (i >= m_out_size) return m_in_size;
  const size_t r = run_of(i);
  const Run& run = m_runs[r];
  if (m_constant[r]) return run.in;
  while (i > run.out && continuation(text[i])) --i;  // the start of its character
  return run.in + static_cast<uint32_t>(i - run.out);
}

size_t SourceMap::first_at_or_after(std::string_view text, uint32_t in) const {
  // The first run that starts at or after in; only the run before it can hold an earlier byte
  // that maps there (every run maps to no more than where the next one starts).
  const auto it = std::lower_bound(m_runs.begin(), m_runs.end(), in, [](const Run& r, uint32_t v) { return r.in < v; });
  const size_t r = static_cast<size_t>(it - m_runs.begin());
  const size_t next = r < m_runs.size() ? m_runs[r].out : m_out_size;
  if (r == 0 || m_constant[r - 1]) return next;
  const Run& prev = m_runs[r - 1];
  size_t pos = prev.out + (in - prev.in);
  const size_t end = run_end(r - 1);
  while (pos < end && continuation(text[pos])) ++pos;
  return pos < end ? pos : next;
}

std::vector<uint32_t> SourceMap::expand(std::string_view text) const {
  std::vector<uint32_t> out;
  out.reserve(m_out_size + 1);
  for (size_t r = 0; r < m_runs.size(); ++r)
    for (size_t i = m_runs[r].out; i < run_end(r); ++i) out.push_back(at(text, i));
  out.push_back(m_in_size);
  return out;
}

}  // namespace jobmatch
