#include "match/re_chunks.h"

#include "lexicon/pattern.h"
#include "pipeline/deadline.h"

namespace jobmatch {

Status ReChunks::add(uint32_t group, const std::string& pattern) {
  std::string error;
  if (m_set.Add(pattern, &error) < 0) return Error(std::move(error));
  m_groups.push_back({group, std::make_unique<LazyRE2>(pattern, span_options())});
  return {};
}

Status ReChunks::finish() {
  if (!m_groups.empty() && !m_set.Compile())
    return Error("the re: patterns do not compile as a set (RE2 out of memory)");
  return {};
}

void ReChunks::set_hits(std::string_view chunk, std::vector<int>* hits) const {
  hits->clear();
  RE2::Set::ErrorInfo info;
  if (m_set.Match(re2::StringPiece(chunk.data(), chunk.size()), hits, &info)) return;
  hits->clear();
  if (info.kind == RE2::Set::kNoError) return;
  for (size_t i = 0; i < m_groups.size(); ++i)
    if (RE2::PartialMatch(re2::StringPiece(chunk.data(), chunk.size()), m_groups[i].re->get()))
      hits->push_back(static_cast<int>(i));
}

void ReChunks::find(const TokenStream& ts, size_t overlap, Scratch* s, GroupMatches* out) const {
  // Most documents have none: one pass of the set over the whole text says so.
  set_hits(ts.text, &s->hits);
  if (s->hits.empty()) return;
  const size_t n = ts.token_count();
  for (size_t t0 = 0; t0 < n; t0 += kStride) {
    check_deadline();
    const size_t t1 = std::min(n, t0 + kStride + overlap);
    size_t offset;
    const std::string_view chunk = token_window(ts, t0, t1, &offset);
    set_hits(chunk, &s->hits);
    for (const int h : s->hits) {
      const Group& g = m_groups[static_cast<size_t>(h)];
      s->spans.clear();
      Matcher::find_all(g.re->get(), chunk, &s->spans, kReReachBytes);
      for (const TextSpan& sp : s->spans)
        out->keep(g.group, {static_cast<uint32_t>(sp.begin + offset), static_cast<uint32_t>(sp.end + offset)});
    }
    if (t1 == n) break;
  }
}

}  // namespace jobmatch
