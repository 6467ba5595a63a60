#include "match/match.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>
#include <span>

#include "base/uninit.h"
#include "lexicon/pattern.h"
#include "match/found.h"
#include "match/phrase_index.h"
#include "match/re_chunks.h"
#include "match/re_triggers.h"
#include "pipeline/deadline.h"

namespace jobmatch {
namespace {

enum class Kind : uint8_t { kStrong, kWeak, kNear, kExclude };

// Per-thread buffers, reused from one document to the next.
struct Scratch {
  GroupMatches found;
  ReTriggers::Scratch triggers;
  ReChunks::Scratch chunks;
  std::vector<TextSpan> spans;    // one concept's, in Matcher::match
  std::vector<uint32_t> matched;  // the places in Impl::concepts with a strong or weak match
  NotNearScratch not_near;
  // The span lists of the last output, for the next one's concepts (up to 1,024 spans each: a
  // longer one is freed).
  std::vector<std::vector<TextSpan>> spare;
};

// Sorts spans and merges overlapping ones.
void normalize_spans(std::vector<TextSpan>* spans) {
  std::sort(spans->begin(), spans->end(), [](const TextSpan& a, const TextSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  size_t n = 0;
  for (const TextSpan& s : *spans) {
    if (n && s.begin < (*spans)[n - 1].end) {
      (*spans)[n - 1].end = std::max((*spans)[n - 1].end, s.end);
      continue;
    }
    (*spans)[n++] = s;
  }
  spans->resize(n);
}

}  // namespace

struct Matcher::Impl {
  struct Group {
    size_t concept_index;
    Kind kind;
    std::vector<std::string> fragments;  // every alternative's regex (group_regex)
    // For a `not` group: B(its re: alternatives without literal elements)B, searched only
    // around the matches it could drop (find_not_near), not through every text.
    std::unique_ptr<const RE2> around;
  };
  // A concept's pattern groups (indexes into groups), where it has patterns of that kind.
  struct ConceptGroups {
    size_t concept_index;
    std::optional<uint32_t> strong, weak, near, exclude;
    size_t window = 8;
  };

  std::vector<Group> groups;
  std::vector<ConceptGroups> concepts;  // the chosen ones, ascending
  // Per group: its concept's place in `concepts` if it is the concept's strong or weak group,
  // else -1.
  std::vector<int32_t> counted_in;
  PhraseIndex phrases;                  // the word-language patterns
  ReTriggers triggers;                  // re: patterns with literals, tried where they are
  ReChunks chunks;                      // the other re: patterns (none in the shipped lexicon)
  // The longest pattern in tokens, plus two: re: chunks overlap by this much, and a `not` match
  // starts at most this far before a match it drops.
  size_t overlap = 8;

  // Every group's matches into s->found, sorted by start, the longest at each start; those of
  // `around` regexes only if asked to.
  void find(const TokenStream& ts, Scratch* s, bool with_around = false) const {
    s->found.reset(groups.size());
    triggers.start(ts, &s->triggers);
    if (ts.token_count() == 0) return;
    const std::string_view text = ts.text;
    const std::span<const Part> parts(ts.parts.data(), ts.parts.size());
    phrases.visit_parts(text, parts, [&](const Entry& e, size_t j, bool anchor_checked) {
      if (e.kind == EntryKind::kTrigger) {
        triggers.on_trigger(e.id, phrases, parts, j, text, &s->triggers, &s->found);
        return;
      }
      TextSpan span;
      if (phrases.try_phrase(e, parts, j, text, anchor_checked, &span))
        for (const uint32_t g : phrases.phrase(e.id).groups) s->found.keep(g, span);
    });
    if (!s->triggers.waiting.empty()) triggers.find_waiting(parts, &s->triggers, &s->found);
    phrases.visit_infixes(text, parts, [&](const Entry& e, size_t j) {
      TextSpan span;
      if (phrases.try_phrase(e, parts, j, text, false, &span))
        for (const uint32_t g : phrases.phrase(e.id).groups) s->found.keep(g, span);
    });
    if (!chunks.empty()) chunks.find(ts, overlap, &s->chunks, &s->found);
    if (with_around)
      for (uint32_t g = 0; g < groups.size(); ++g) {
        if (!groups[g].around) continue;
        s->spans.clear();
        find_all(*groups[g].around, ts.text, &s->spans, kReReachBytes);
        for (const TextSpan& sp : s->spans) s->found.keep(g, sp);
      }
    s->found.sort_each();
  }

  // Adds concept ci's group of the given kind; nullopt if it has no such patterns.
  Expected<std::optional<uint32_t>> add_group(const Concept& c, size_t ci, Kind kind,
                                              const std::vector<const Pattern*>& patterns);
};

Matcher::Matcher() : m(std::make_unique<Impl>()) {}
Matcher::~Matcher() = default;

void Matcher::find_all(const RE2& re, std::string_view text, std::vector<TextSpan>* out, size_t max_size) {
  // Only the whole match is asked for (no capture groups), so RE2 can find both of its ends
  // with its DFA; the pattern is B(body)B and both boundaries are single bytes.
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  const size_t n = text.size();
  // A match with its boundaries is at most `span` bytes. Each search reads a window of two
  // spans: a match that starts in its first half fits in it, so where there is none the next
  // window starts one span on; where there is one that may be cut off by the window's end or
  // longer than a span, an anchored search from its start finds the longest that fits.
  const size_t span = max_size >= n ? n : max_size + 2;
  size_t pos = 0;
  while (pos < n) {
    const size_t end = n - pos > 2 * span ? pos + 2 * span : n;
    if (!re.Match(input, pos, end, RE2::UNANCHORED, &match, 1)) {
      if (end == n) break;
      pos = end - span + 1;
      continue;
    }
    const auto at = static_cast<size_t>(match.data() - text.data());
    if (match.size() > span || (end < n && at + span > end)) {
      if (!re.Match(input, at, std::min(n, at + span), RE2::ANCHOR_START, &match, 1)) {
        pos = at + 1;
        continue;
      }
    }
    const auto begin = static_cast<uint32_t>(at + 1);
    const auto last = static_cast<uint32_t>(at + match.size() - 1);
    out->push_back({begin, last});
    // Go on from just after this match's start, so overlapping matches ("excellent
    // communication", "communication skills") are found too and merge into one span.
    pos = begin;
  }
}

Expected<std::optional<uint32_t>> Matcher::Impl::add_group(const Concept& c, size_t ci, Kind kind,
                                                            const std::vector<const Pattern*>& patterns) {
  if (patterns.empty()) return std::optional<uint32_t>();
  const auto g = static_cast<uint32_t>(groups.size());
  Group group{ci, kind, {}, nullptr};
  std::vector<std::string> re_fragments;  // the re: patterns without literal elements
  for (const Pattern* p : patterns) {
    group.fragments.push_back(p->regex);
    if (p->source.starts_with("re:")) {
      std::vector<std::vector<std::string>> elements;
      if (!literal_elements(p->regex, &elements)) {
        re_fragments.push_back(p->regex);
        continue;
      }
      if (Status added = triggers.add(p->regex, std::move(elements), g, &phrases); !added.ok())
        return Error(c.id + ": " + added.error().message);
      continue;
    }
    if (!p->words.parts.empty()) {
      phrases.add_phrase(p->words, g);
      continue;
    }
    Expected<WordPattern> words = parse_words(p->source);
    if (!words.ok()) return Error(c.id + ": " + words.error().message + " in '" + p->source + "'");
    phrases.add_phrase(*words, g);
  }
  if (!re_fragments.empty() && kind == Kind::kExclude) {
    group.around = std::make_unique<const RE2>(wrap_in_boundaries(re_fragments), span_options());
    if (!group.around->ok()) return Error(c.id + ": " + group.around->error());
  } else if (!re_fragments.empty()) {
    if (Status added = chunks.add(g, wrap_in_boundaries(re_fragments)); !added.ok())
      return Error(c.id + ": " + added.error().message);
  }
  groups.push_back(std::move(group));
  return std::optional<uint32_t>(g);
}

Expected<std::unique_ptr<Matcher>> Matcher::build(const Lexicon& lexicon, const std::vector<size_t>& concepts) {
  std::unique_ptr<Matcher> matcher(new Matcher());
  Impl& m = *matcher->m;

  std::vector<size_t> chosen = concepts;
  if (chosen.empty())
    for (size_t i = 0; i < lexicon.concepts.size(); ++i) chosen.push_back(i);
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());

  // The longest pattern, in words: re: chunks must overlap by more than that. A re: pattern
  // spans as many tokens as it can hold spaces, plus one (the lexicon refuses more than
  // kReReachTokens).
  auto re_tokens = [](std::string_view body) {
    size_t col;
    return std::min(re_max_spaces(body, &col), kReReachTokens - 1) + 1;
  };
  size_t longest = 1;
  for (const size_t ci : chosen)
    for (const auto* ps : {&lexicon.concepts[ci].strong, &lexicon.concepts[ci].weak,
                           &lexicon.concepts[ci].near, &lexicon.concepts[ci].exclude})
      for (const Pattern& p : *ps)
        longest = std::max<size_t>(longest, p.source.starts_with("re:") ? re_tokens(p.source.substr(3))
                                                                          : static_cast<size_t>(std::count(p.source.begin(), p.source.end(), ' ')) + 1);
  m.overlap = longest + 2;

  auto pointers = [](const std::vector<Pattern>& ps) {
    std::vector<const Pattern*> out;
    for (const Pattern& p : ps) out.push_back(&p);
    return out;
  };
  for (const size_t ci : chosen) {
    const Concept& c = lexicon.concepts[ci];
    Impl::ConceptGroups cg{ci};
    cg.window = static_cast<size_t>(std::max(c.window, 0));
    // A weak match's context: its near patterns and the concept's strong ones.
    std::vector<const Pattern*> near;
    if (!c.weak.empty()) {
      near = pointers(c.near);
      for (const Pattern* p : pointers(c.strong)) near.push_back(p);
    }
    for (auto [slot, kind, patterns] : {std::tuple{&cg.strong, Kind::kStrong, pointers(c.strong)},
                                        std::tuple{&cg.weak, Kind::kWeak, pointers(c.weak)},
                                        std::tuple{&cg.near, Kind::kNear, near},
                                        std::tuple{&cg.exclude, Kind::kExclude, pointers(c.exclude)}}) {
      Expected<std::optional<uint32_t>> g = m.add_group(c, ci, kind, patterns);
      if (!g.ok()) return g.error();
      *slot = *g;
    }
    m.concepts.push_back(cg);
  }
  m.counted_in.assign(m.groups.size(), -1);
  for (size_t k = 0; k < m.concepts.size(); ++k)
    for (const std::optional<uint32_t> g : {m.concepts[k].strong, m.concepts[k].weak})
      if (g) m.counted_in[*g] = static_cast<int32_t>(k);
  m.phrases.finish();
  m.triggers.finish();
  if (Status compiled = m.chunks.finish(); !compiled.ok()) return compiled.error();
  return matcher;
}

std::vector<std::vector<TextSpan>> Matcher::group_matches(const TokenStream& ts) const {
  Scratch s;
  m->find(ts, &s, true);
  s.found.found.resize(m->groups.size());
  return std::move(s.found.found);
}

std::string Matcher::group_regex(size_t g) const { return wrap_in_boundaries(m->groups.at(g).fragments); }

namespace {
// Matcher::match's buffers, one set per thread, reused from one document to the next.
thread_local Scratch t_scratch;
}  // namespace

void Matcher::release_scratch() { t_scratch = Scratch{}; }

void Matcher::match(const TokenStream& ts, std::vector<ConceptMatch>* out) const {
  Scratch& s = t_scratch;
  for (ConceptMatch& last : *out)
    if (last.spans.capacity() <= 1024) s.spare.push_back(std::move(last.spans));
  out->clear();
  m->find(ts, &s);
  if (s.found.touched.empty()) return;

  // The matches of group g (none if the concept has no such group), by start.
  auto group = [&](std::optional<uint32_t> g) -> std::span<const TextSpan> {
    if (!g) return {};
    return s.found.found[*g];
  };
  // The first match of r that starts at or after text offset `at`.
  auto first_from = [](std::span<const TextSpan> r, uint32_t at) {
    return static_cast<size_t>(
        std::lower_bound(r.begin(), r.end(), at, [](const TextSpan& f, uint32_t v) { return f.begin < v; }) - r.begin());
  };
  const size_t n = ts.token_count();
  auto token_start = [&](size_t t) { return t < n ? ts.starts[t] : static_cast<uint32_t>(ts.text.size()); };

  // The concepts with a strong or weak match, in order: a document matches a few dozen of the
  // lexicon's hundreds (and a title a few).
  std::vector<uint32_t>& matched = s.matched;
  matched.clear();
  for (const uint32_t g : s.found.touched)
    if (m->counted_in[g] >= 0) matched.push_back(static_cast<uint32_t>(m->counted_in[g]));
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());

  std::vector<TextSpan>& spans = s.spans;
  for (const uint32_t place : matched) {
    poll_deadline();
    const Impl::ConceptGroups& cg = m->concepts[place];
    const auto strong = group(cg.strong), weak = group(cg.weak);
    spans.assign(strong.begin(), strong.end());
    // A weak match needs context (a near or strong match other than itself) within the window.
    const auto near = group(cg.near);
    const size_t reach = cg.window + m->overlap;
    for (const TextSpan w : weak) {
      poll_deadline();
      const size_t tw0 = ts.token_at(w.begin), tw1 = ts.token_at(w.end - 1);
      bool supported = false;
      for (size_t k = first_from(near, token_start(tw0 > reach ? tw0 - reach : 0));
           k < near.size() && near[k].begin < token_start(tw1 + 1 + reach) && !supported; ++k) {
        const TextSpan c = near[k];
        if (c == w) continue;
        const size_t tc0 = ts.token_at(c.begin), tc1 = ts.token_at(c.end - 1);
        const size_t dist = tc1 < tw0 ? tw0 - tc1 : (tc0 > tw1 ? tc0 - tw1 : 0);
        supported = dist <= cg.window;
      }
      if (supported) spans.push_back(w);
    }
    // Any match that overlaps a `not` match goes: a match of the group, or of its `around`
    // regex in the token windows near the matches (find_not_near). A `not` match starts at most
    // m->overlap tokens before the match it drops.
    const auto exclude = group(cg.exclude);
    const RE2* around = cg.exclude ? m->groups[*cg.exclude].around.get() : nullptr;
    if ((!exclude.empty() || around) && !spans.empty()) {
      if (around) find_not_near(*around, ts, spans, m->overlap, &s.not_near);
      std::erase_if(spans, [&](const TextSpan& sp) {
        const size_t t0 = ts.token_at(sp.begin);
        const size_t from = t0 > m->overlap ? t0 - m->overlap : 0;
        for (size_t k = first_from(exclude, token_start(from)); k < exclude.size() && exclude[k].begin < sp.end; ++k)
          if (sp.begin < exclude[k].end) return true;
        return around && overlaps_not_near(s.not_near, sp);
      });
    }
    if (spans.empty()) continue;
    normalize_spans(&spans);
    std::vector<TextSpan> kept;
    if (!s.spare.empty()) {
      kept = std::move(s.spare.back());
      s.spare.pop_back();
    }
    kept.assign(spans.begin(), spans.end());
    out->push_back(ConceptMatch{cg.concept_index, std::move(kept)});
  }
}

}  // namespace jobmatch
