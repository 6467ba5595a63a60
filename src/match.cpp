#include "match.h"

#include <algorithm>

#include "pattern.h"

namespace jobmatch {
namespace {

}  // namespace

RE2::Options Matcher::set_options() {
  RE2::Options o;
  o.set_max_mem(256 << 20);
  o.set_log_errors(false);
  return o;
}

namespace {

RE2::Options span_options() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
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
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m[2];
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, m, 2)) {
    const auto begin = static_cast<uint32_t>(m[1].data() - text.data());
    const auto end = static_cast<uint32_t>(begin + m[1].size());
    out->push_back({begin, end});
    pos = end;  // the boundary after this match may open the next one
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

  auto compile = [&](const std::string& pattern, const std::string& what) -> std::unique_ptr<RE2> {
    auto re = std::make_unique<RE2>(pattern, span_options());
    if (!re->ok()) {
      *error = what + ": " + re->error();
      return nullptr;
    }
    return re;
  };

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
      auto re = compile(pattern, c.id);
      if (!re) return nullptr;
      m->m_groups.push_back(Group{ci, weak, std::move(re)});
    }
    Guards& g = m->m_guards[ci];
    g.window = c.window;
    if (!c.weak.empty()) {
      auto near = fragments(c.near);
      for (auto& f : fragments(c.strong)) near.push_back(std::move(f));
      if (!(g.near = compile(wrap_in_boundaries(near), c.id + " near"))) return nullptr;
    }
    if (!c.exclude.empty() &&
        !(g.exclude = compile(wrap_in_boundaries(fragments(c.exclude)), c.id + " not")))
      return nullptr;
  }
  if (!m->m_set.Compile()) {
    *error = "the pattern set does not compile (RE2 out of memory)";
    return nullptr;
  }
  return m;
}

void Matcher::match(const TokenStream& ts, std::vector<ConceptMatch>* out) const {
  out->clear();
  const std::string_view text = ts.text;
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  if (!m_set.Match(re2::StringPiece(text.data(), text.size()), &hits, &info)) {
    hits.clear();
    if (info.kind != RE2::Set::kNoError) {
      // The DFA ran out of memory on this input: fall back to one search per group, which gives
      // the same answer.
      for (size_t g = 0; g < m_groups.size(); ++g)
        if (RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *m_groups[g].re))
          hits.push_back(static_cast<int>(g));
    }
  }
  if (hits.empty()) return;
  std::sort(hits.begin(), hits.end());

  std::vector<TextSpan> spans, context, excluded;
  for (size_t h = 0; h < hits.size();) {
    const size_t ci = m_groups[static_cast<size_t>(hits[h])].concept_index;
    const Guards& guard = m_guards[ci];
    spans.clear();
    for (; h < hits.size() && m_groups[static_cast<size_t>(hits[h])].concept_index == ci; ++h) {
      const Group& g = m_groups[static_cast<size_t>(hits[h])];
      if (!g.weak) {
        find_all(*g.re, text, &spans);
        continue;
      }
      std::vector<TextSpan> weak;
      find_all(*g.re, text, &weak);
      context.clear();
      find_all(*guard.near, text, &context);
      for (const TextSpan& w : weak) {
        const size_t tw0 = ts.token_at(w.begin), tw1 = ts.token_at(w.end - 1);
        const bool supported = std::any_of(context.begin(), context.end(), [&](const TextSpan& c) {
          if (c == w) return false;
          const size_t tc0 = ts.token_at(c.begin), tc1 = ts.token_at(c.end - 1);
          const size_t dist = tc1 < tw0 ? tw0 - tc1 : (tc0 > tw1 ? tc0 - tw1 : 0);
          return dist <= static_cast<size_t>(guard.window);
        });
        if (supported) spans.push_back(w);
      }
    }
    if (guard.exclude && !spans.empty()) {
      excluded.clear();
      find_all(*guard.exclude, text, &excluded);
      std::erase_if(spans, [&](const TextSpan& s) {
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
