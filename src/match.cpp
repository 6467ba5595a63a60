#include "match.h"

#include <algorithm>

#include "pattern.h"

namespace jobmatch {
namespace {

}  // namespace

RE2::Options Matcher::set_options() {
  RE2::Options o;
  o.set_max_mem(32 << 20);
  o.set_log_errors(false);
  return o;
}

namespace {

RE2::Options span_options() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  return o;
}

std::vector<std::string> fragments(const std::vector<Pattern>& ps) {
  std::vector<std::string> out;
  out.reserve(ps.size());
  for (const Pattern& p : ps) out.push_back(p.regex);
  return out;
}

// Sorts spans and merges overlapping ones.
void normalize_spans(std::vector<TextSpan>* spans) {
  std::sort(spans->begin(), spans->end(), [](const TextSpan& a, const TextSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<TextSpan> out;
  for (const TextSpan& s : *spans) {
    if (!out.empty() && s.begin < out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
      continue;
    }
    out.push_back(s);
  }
  *spans = std::move(out);
}

}  // namespace

void Matcher::find_all(const RE2& re, std::string_view text, std::vector<TextSpan>* out) {
  // Only the whole match is asked for (no capture groups), so RE2 can find both of its ends
  // with its DFA; the pattern is B(body)B and both boundaries are single bytes.
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto begin = static_cast<uint32_t>(m.data() - text.data() + 1);
    const auto end = static_cast<uint32_t>(m.data() - text.data() + m.size() - 1);
    out->push_back({begin, end});
    // Go on from just after this match's start, so overlapping matches ("excellent
    // communication", "communication skills") are found too and merge into one span.
    pos = begin;
  }
}

std::unique_ptr<Matcher> Matcher::build(const Lexicon& lexicon, const std::vector<size_t>& concepts,
                                        std::string* error) {
  std::unique_ptr<Matcher> m(new Matcher());
  m->m_guards.resize(lexicon.concepts.size());

  std::vector<size_t> chosen = concepts;
  if (chosen.empty())
    for (size_t i = 0; i < lexicon.concepts.size(); ++i) chosen.push_back(i);
  std::sort(chosen.begin(), chosen.end());  // groups of one concept stay adjacent, in order

  // Span regexes compile on first use; their syntax is checked here by the set (groups) or
  // was checked when the lexicon was parsed (near, not).
  auto lazy = [](std::string pattern) {
    return std::make_unique<LazyRE2>(std::move(pattern), span_options());
  };

  // The longest pattern, in words: chunks must overlap by more than that.
  size_t longest = 1;
  for (const size_t ci : chosen)
    for (const auto* ps : {&lexicon.concepts[ci].strong, &lexicon.concepts[ci].weak,
                           &lexicon.concepts[ci].near, &lexicon.concepts[ci].exclude})
      for (const Pattern& p : *ps)
        longest = std::max<size_t>(longest, p.source.starts_with("re:")
                                                 ? 8
                                                 : static_cast<size_t>(std::count(p.source.begin(), p.source.end(), ' ')) + 1);
  m->m_overlap = longest + 2;

  for (const size_t ci : chosen) {
    const Concept& c = lexicon.concepts[ci];
    for (const bool weak : {false, true}) {
      const auto& ps = weak ? c.weak : c.strong;
      if (ps.empty()) continue;
      const std::string pattern = wrap_in_boundaries(fragments(ps));
      std::string set_error;
      if (m->m_set.Add(pattern, &set_error) < 0) {
        *error = c.id + ": " + set_error;
        return nullptr;
      }
      m->m_groups.push_back(Group{ci, weak, lazy(pattern)});
    }
    Guards& g = m->m_guards[ci];
    g.window = c.window;
    if (!c.weak.empty()) {
      auto near = fragments(c.near);
      for (auto& f : fragments(c.strong)) near.push_back(std::move(f));
      g.near = lazy(wrap_in_boundaries(near));
    }
    if (!c.exclude.empty()) g.exclude = lazy(wrap_in_boundaries(fragments(c.exclude)));
  }
  if (!m->m_set.Compile()) {
    *error = "the pattern set does not compile (RE2 out of memory)";
    return nullptr;
  }
  return m;
}

namespace {

// The token text of tokens [from, to), with the space before and after: what a pattern sees.
std::string_view token_window(const TokenStream& ts, size_t from, size_t to, size_t* offset) {
  const size_t n = ts.token_count();
  to = std::min(to, n);
  from = std::min(from, to);
  const size_t b = from < n ? ts.starts[from] - 1 : ts.text.size() - 1;
  const size_t e = to < n ? ts.starts[to] : ts.text.size();
  *offset = b;
  return std::string_view(ts.text).substr(b, e - b);
}

// find_all over a window, with spans made absolute.
void find_in_window(const RE2& re, const TokenStream& ts, size_t from, size_t to,
                    std::vector<TextSpan>* out) {
  size_t offset;
  const std::string_view w = token_window(ts, from, to, &offset);
  const size_t first = out->size();
  Matcher::find_all(re, w, out);
  for (size_t i = first; i < out->size(); ++i) {
    (*out)[i].begin += static_cast<uint32_t>(offset);
    (*out)[i].end += static_cast<uint32_t>(offset);
  }
}

}  // namespace

void Matcher::set_hits(std::string_view chunk, std::vector<int>* hits) const {
  hits->clear();
  RE2::Set::ErrorInfo info;
  if (m_set.Match(re2::StringPiece(chunk.data(), chunk.size()), hits, &info)) return;
  hits->clear();
  if (info.kind == RE2::Set::kNoError) return;
  // The DFA ran out of memory on this input: one search per group gives the same answer.
  for (size_t g = 0; g < m_groups.size(); ++g)
    if (RE2::PartialMatch(re2::StringPiece(chunk.data(), chunk.size()), m_groups[g].re->get()))
      hits->push_back(static_cast<int>(g));
}

void Matcher::match(const TokenStream& ts, std::vector<ConceptMatch>* out) const {
  out->clear();
  const size_t n = ts.token_count();
  if (n == 0) return;
  // The set runs over chunks of kStride tokens that overlap by more than any pattern is long, so
  // each group's own regex (which finds the spans) only reads the chunks the group occurs in,
  // not the whole document once per group.
  struct Found {
    uint32_t group;
    TextSpan span;
  };
  std::vector<Found> found;
  std::vector<int> hits;
  std::vector<TextSpan> spans;
  for (size_t t0 = 0; t0 < n; t0 += kStride) {
    const size_t t1 = std::min(n, t0 + kStride + m_overlap);
    size_t offset;
    const std::string_view chunk = token_window(ts, t0, t1, &offset);
    set_hits(chunk, &hits);
    for (const int g : hits) {
      spans.clear();
      find_all(m_groups[static_cast<size_t>(g)].re->get(), chunk, &spans);
      for (const TextSpan& sp : spans)
        found.push_back({static_cast<uint32_t>(g), {static_cast<uint32_t>(sp.begin + offset),
                                                    static_cast<uint32_t>(sp.end + offset)}});
    }
    if (t1 == n) break;
  }
  if (found.empty()) return;
  // Groups of one concept are adjacent (build), so sorting by group groups by concept.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.group != b.group ? a.group < b.group : a.span.begin < b.span.begin;
  });

  std::vector<TextSpan> context, excluded;
  for (size_t i = 0; i < found.size();) {
    const size_t ci = m_groups[found[i].group].concept_index;
    const Guards& guard = m_guards[ci];
    spans.clear();
    for (; i < found.size() && m_groups[found[i].group].concept_index == ci; ++i) {
      const Group& g = m_groups[found[i].group];
      const TextSpan& w = found[i].span;
      if (!spans.empty() && spans.back() == w) continue;  // found twice in overlapping chunks
      if (!g.weak) {
        spans.push_back(w);
        continue;
      }
      // A weak match needs context within the window.
      const size_t tw0 = ts.token_at(w.begin), tw1 = ts.token_at(w.end - 1);
      const size_t reach = static_cast<size_t>(guard.window) + m_overlap;
      context.clear();
      find_in_window(guard.near->get(), ts, tw0 > reach ? tw0 - reach : 0, tw1 + 1 + reach, &context);
      const bool supported = std::any_of(context.begin(), context.end(), [&](const TextSpan& c) {
        if (c == w) return false;
        const size_t tc0 = ts.token_at(c.begin), tc1 = ts.token_at(c.end - 1);
        const size_t dist = tc1 < tw0 ? tw0 - tc1 : (tc0 > tw1 ? tc0 - tw1 : 0);
        return dist <= static_cast<size_t>(guard.window);
      });
      if (supported) spans.push_back(w);
    }
    if (guard.exclude && !spans.empty()) {
      std::erase_if(spans, [&](const TextSpan& s) {
        const size_t t0 = ts.token_at(s.begin), t1 = ts.token_at(s.end - 1);
        excluded.clear();
        find_in_window(guard.exclude->get(), ts, t0 > m_overlap ? t0 - m_overlap : 0, t1 + 1 + m_overlap,
                       &excluded);
        return std::any_of(excluded.begin(), excluded.end(),
                           [&](const TextSpan& x) { return s.begin < x.end && x.begin < s.end; });
      });
    }
    if (spans.empty()) continue;
    normalize_spans(&spans);
    out->push_back(ConceptMatch{ci, spans});
  }
}

}  // namespace jobmatch
