#include "match/match.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <span>

#include "pipeline/deadline.h"
#include "lexicon/pattern.h"
#include "text/simd.h"
#include "text/text_util.h"
#include "base/uninit.h"

namespace jobmatch {
namespace {

enum class Kind : uint8_t { kStrong, kWeak, kNear, kExclude };

RE2::Options set_options() {
  RE2::Options o;
  o.set_max_mem(8 << 20);
  o.set_log_errors(false);
  return o;
}

RE2::Options span_options() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  return o;
}

// One part of a word pattern, taken apart for matching: head * middle * ... * tail.
struct Glob {
  std::string text;  // as in WordPattern::parts
  bool star = false;
  std::shared_ptr<const RE2> regex;  // if a literal has & + #: this decides (no shipped pattern)
  std::string_view head, tail;
  std::vector<std::string_view> middles;
  size_t min_size = 0;  // of a part it can match: its literals' bytes

  explicit Glob(std::string t) : text(std::move(t)) {
    const size_t first = text.find('*');
    if (first == std::string::npos) return;
    star = true;
    if (text.find_first_of("&+#") != std::string::npos)
      regex = std::make_shared<const RE2>(words_regex(WordPattern{{text}, ""}), span_options());
    const size_t last = text.rfind('*');
    const std::string_view v = text;
    head = v.substr(0, first);
    tail = v.substr(last + 1);
    for (size_t g = first + 1; g < last;) {
      const size_t next = text.find('*', g);
      if (next > g) middles.push_back(v.substr(g, next - g));
      g = next + 1;
    }
    min_size = head.size() + tail.size();
    for (const std::string_view m : middles) min_size += m.size();
  }
  Glob(const Glob& o) : Glob(o.text) {}  // the views point into this->text
  Glob& operator=(const Glob&) = delete;

  // part: a stretch of text between boundaries.
  bool matches(std::string_view part) const {
    if (!star) return part == text;
    if (part.size() < min_size) return false;
    if (regex) return RE2::FullMatch(re2::StringPiece(part.data(), part.size()), *regex);
    for (const char c : part)  // a star never takes & + #, and no literal here has them
      if (c == '&' || c == '+' || c == '#') return false;
    if (part.size() < head.size() + tail.size() || !part.starts_with(head) || !part.ends_with(tail))
      return false;
    std::string_view rest = part.substr(head.size(), part.size() - head.size() - tail.size());
    for (const std::string_view lit : middles) {
      const size_t at = rest.find(lit);
      if (at == std::string_view::npos) return false;
      rest.remove_prefix(at + lit.size());
    }
    return true;
  }
};

// A word-language pattern and the groups it belongs to (the same words may serve several: a
// concept's strong patterns are its near context too).
struct Phrase {
  WordPattern words;
  std::vector<Glob> globs;  // one per part
  std::vector<uint32_t> groups;
};

// A 64-bit hash of a short string: its first and last eight bytes and its length, mixed. Most
// parts are short words, so this reads each once.
uint64_t mix_part(uint64_t first8, uint64_t last8, size_t size) {
  const uint64_t h = (first8 ^ (last8 * 0xff51afd7ed558ccdULL) ^ size) * 0x9e3779b97f4a7c15ULL;
  return h ^ (h >> 29);
}
uint64_t hash_part(std::string_view s) {
  uint64_t a = 0, b = 0;
  if (s.size() >= 8) {
    std::memcpy(&a, s.data(), 8);
    std::memcpy(&b, s.data() + s.size() - 8, 8);
  } else {
    for (size_t i = 0; i < s.size(); ++i) a |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  }
  return mix_part(a, b, s.size());
}
// hash_part of text[begin, end): a part shorter than eight bytes is read with one load and a
// mask where the text goes on for eight bytes.
uint64_t hash_part_at(std::string_view text, size_t begin, size_t end) {
  const size_t n = end - begin;
  if (n >= 8 || begin + 8 > text.size()) return hash_part(text.substr(begin, n));
  uint64_t a;
  std::memcpy(&a, text.data() + begin, 8);
  return mix_part(n ? a & (~uint64_t{0} >> (64 - 8 * n)) : 0, 0, n);
}

// A phrase to try where its anchor part matches.
struct Entry {
  uint32_t phrase;
  uint32_t anchor;  // which of the phrase's parts is the anchor
  // A part next to the anchor that must be exactly some text (offset -1 or +1; 0: none), by
  // the upper half of its hash_part: checked against the text's part's hash before the phrase
  // itself is looked at, which most tries of a common anchor ("data", "learning") fail.
  int32_t neighbor = 0;
  uint32_t neighbor_tag = 0;
};

// Open addressing from a key (a whole part, or a packed head or tail of one) to the phrases
// anchored there.
template <typename Key>
class AnchorIndex {
 public:
  void add(const Key& key, Entry e) {
    const auto [it, added] = m_building.try_emplace(key, m_lists.size());
    if (added) m_lists.push_back({key, {}});
    m_lists[it->second].second.push_back(e);
  }
  void finish() {
    m_building.clear();
    size_t cap = 64;
    while (cap < m_lists.size() * 4) cap *= 2;
    m_slots.assign(cap, Slot{});
    m_mask = cap - 1;
    for (uint32_t l = 0; l < m_lists.size(); ++l) {
      const uint64_t h = hash(m_lists[l].first);
      size_t i = h & m_mask;
      while (m_slots[i].list != kEmpty) i = (i + 1) & m_mask;
      m_slots[i] = Slot{static_cast<uint32_t>(h >> 32), l};
    }
  }
  template <typename Probe>
  const std::vector<Entry>* find(const Probe& key) const {
    return find(key, hash(key));
  }
  template <typename Probe>
  const std::vector<Entry>* find(const Probe& key, uint64_t h) const {
    if (m_lists.empty()) return nullptr;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
      const Slot& s = m_slots[i];
      if (s.list == kEmpty) return nullptr;
      if (s.tag == tag && m_lists[s.list].first == key) return &m_lists[s.list].second;
    }
  }

 private:
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  struct Slot {
    uint32_t tag = 0;
    uint32_t list = kEmpty;
  };
  static uint64_t hash(std::string_view s) { return hash_part(s); }
  static uint64_t hash(uint64_t k) {
    const uint64_t h = k * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
  }
  std::vector<std::pair<Key, std::vector<Entry>>> m_lists;
  std::map<Key, size_t> m_building;  // key -> index into m_lists, until finish()
  std::vector<Slot> m_slots;
  size_t m_mask = 0;
};

// The key of a part's first (or last) n bytes, 2 <= n <= 4, with where they come from.
constexpr size_t kMaxAffix = 4;
uint64_t affix_key(std::string_view bytes, bool tail) {
  uint64_t k = static_cast<uint64_t>(tail) << 40 | static_cast<uint64_t>(bytes.size()) << 32;
  for (size_t i = 0; i < bytes.size(); ++i) k |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  return k;
}

// A stretch of the token text between two boundaries: text[begin, end), text[end] a boundary.
struct Part {
  uint32_t begin, end;
};

// Per-thread buffers, reused from one document to the next.
struct Scratch {
  UninitVector<Part> parts;  // sized for the worst case, a part per byte: only what is written costs
  std::vector<std::vector<TextSpan>> found;  // per group, its matches (at most kMaxMatchesPerGroup)
  std::vector<uint32_t> touched;             // the groups with a match in this document
  const TokenStream* tokens = nullptr;  // the document being matched
  // (anchored re: pattern, part) where to try it once the elements it needs are known: it
  // needs one not seen so far. At most kMaxFired: then the whole text is read for elements.
  std::vector<std::pair<uint32_t, uint32_t>> fired;
  bool seen_all = false;             // seen holds every element in the text, not only so far
  std::vector<uint32_t> last_tried;  // per anchored re: pattern, the part it was last tried at
  std::vector<uint32_t> seen;  // per anchored re: pattern, bit k: its element k is in the text
  std::vector<int> hits;
  std::vector<TextSpan> spans;
  std::vector<TextSpan> near;  // a `not` regex's matches near a concept's matches, by start
  std::vector<uint32_t> reach;  // reach[k]: the furthest end of near[0..k]
  std::vector<std::pair<size_t, size_t>> windows;  // token windows searched for near
};

// The most matches of one pattern group a document keeps: its first ones. A concept's strength
// saturates after a few mentions and a record shows 64 of them; a text that is one match after
// another ("ml-ml-ml-…", a dozen groups per word) would otherwise hold 30 bytes per byte of
// text. A real posting stays far below it: 16 MB of ordinary ads has a few thousand per group.
constexpr size_t kMaxMatchesPerGroup = 4096;

// The most anchored re: tries put off until the elements they need are known (Scratch::fired).
constexpr size_t kMaxFired = 4096;

void keep(Scratch* s, uint32_t group, TextSpan span) {
  std::vector<TextSpan>& v = s->found[group];
  if (v.empty()) s->touched.push_back(group);
  if (v.size() < kMaxMatchesPerGroup) v.push_back(span);
}

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

}  // namespace

struct Matcher::Impl {
  struct Group {
    size_t concept_index;
    Kind kind;
    std::vector<std::string> fragments;  // every alternative's regex (group_regex)
    std::unique_ptr<LazyRE2> re;         // B(the re: alternatives)B, if any
    // For a `not` group: B(its re: alternatives without literal elements)B, searched only
    // around the matches it could drop (Matcher::match), not through every text.
    std::unique_ptr<const RE2> around;
  };
  struct ConceptGroups {
    size_t concept_index;
    int strong = -1, weak = -1, near = -1, exclude = -1;
    size_t window = 8;
  };

  std::vector<Group> groups;
  std::vector<ConceptGroups> concepts;  // the chosen ones, ascending
  std::vector<Phrase> phrases;
  // Each phrase is found through one of its parts, its anchor: the longest part without '*',
  // else the '*' part with the longest literal head or tail (rarer words, fewer phrases to try
  // at each part of the text). Exact anchors are looked up by the whole part, the others by
  // the first or last 2-4 bytes of their literal head or tail; anchors with neither are tried
  // at every part.
  AnchorIndex<std::string> exact;
  AnchorIndex<uint64_t> affixes;
  // By a part's first (last) two bytes: bit n set if some anchor head (tail) key has n bytes
  // and starts (ends) with them. Most parts need no affix lookup at all.
  std::vector<uint8_t> head_lengths = std::vector<uint8_t>(1 << 12), tail_lengths = std::vector<uint8_t>(1 << 12);
  // Anchors with no literal head or tail of two bytes ("*prototyp*"): found by searching the
  // whole text for their longest literal (needle) once per document, then tried at the parts
  // it occurs in; with no literal at all, tried at every part.
  struct Infix {
    Entry entry;
    std::string needle;
  };
  std::vector<Infix> anywhere;
  // A re: pattern whose matches all start with one of a few literals, and contain others
  // (literal_elements): tried, anchored, at each part that starts with one of the first, in
  // documents that have a part starting with one of each of the others. The literals are keys
  // in `affixes`, like phrase anchors, with kTrigger set in Entry::phrase and their index here.
  struct Anchored {
    std::vector<uint32_t> groups;
    std::unique_ptr<const RE2> re;  // B(pattern)B
    uint32_t needs = 0;             // bit k: element k must be seen first (k > 0)
  };
  struct Trigger {
    std::string prefix;
    uint32_t pattern;  // into anchored
    uint32_t element;  // 0: where it is tried; else: it is in the text
  };
  static constexpr uint32_t kTrigger = 1u << 31;
  static constexpr size_t kMaxElements = 32;
  std::vector<Anchored> anchored;
  std::vector<Trigger> triggers;
  std::map<std::string, uint32_t> anchored_ids;  // by regex, while building
  // The groups with other re: alternatives, by their index in re_set.
  RE2::Set re_set{set_options(), RE2::UNANCHORED};
  std::vector<uint32_t> re_groups;
  size_t overlap = 8;  // tokens that re: chunks overlap by (> the longest pattern)
  static constexpr size_t kStride = 96;  // tokens per re: chunk, before the overlap

  void add_phrase(const WordPattern& words, uint32_t group) {
    // The same words in several groups are one phrase (looked up by parts and separators).
    std::string key = words.seps;
    for (const std::string& part : words.parts) key += '\0' + part;
    const auto [it, added] = phrase_ids.try_emplace(std::move(key), static_cast<uint32_t>(phrases.size()));
    if (!added) {
      std::vector<uint32_t>& g = phrases[it->second].groups;
      if (std::find(g.begin(), g.end(), group) == g.end()) g.push_back(group);
      return;
    }
    Phrase p{words, {}, {group}};
    for (const std::string& part : words.parts) p.globs.emplace_back(part);
    phrases.push_back(std::move(p));
  }
  std::map<std::string, uint32_t> phrase_ids;  // while building

  void index_phrases() {
    for (uint32_t p = 0; p < phrases.size(); ++p) {
      const std::vector<Glob>& globs = phrases[p].globs;
      // The best anchor: exact parts first, longest first; then the longest literal affix.
      size_t best = 0, best_score = 0;
      for (size_t k = 0; k < globs.size(); ++k) {
        const Glob& g = globs[k];
        const size_t score = g.star ? std::max(g.head.size(), g.tail.size()) : 1000 + g.text.size();
        if (score > best_score) best = k, best_score = score;
      }
      const Glob& g = globs[best];
      const auto a = static_cast<uint32_t>(best);
      Entry e{p, a};
      for (const int32_t d : {1, -1}) {
        const ptrdiff_t k = static_cast<ptrdiff_t>(best) + d;
        if (k < 0 || k >= static_cast<ptrdiff_t>(globs.size()) || globs[static_cast<size_t>(k)].star) continue;
        e.neighbor = d;
        e.neighbor_tag = static_cast<uint32_t>(hash_part(globs[static_cast<size_t>(k)].text) >> 32);
        break;
      }
      if (!g.star)
        exact.add(g.text, e);
      else if (best_score < 2) {
        std::string_view needle = g.head.size() >= g.tail.size() ? g.head : g.tail;
        for (const std::string_view m : g.middles)
          if (m.size() > needle.size()) needle = m;
        anywhere.push_back({e, std::string(needle)});
      }
      else if (g.head.size() >= g.tail.size()) {
        const std::string_view key = g.head.substr(0, std::min(g.head.size(), kMaxAffix));
        affixes.add(affix_key(key, false), e);
        head_lengths[fold_pair(key[0], key[1])] |= static_cast<uint8_t>(1u << key.size());
      } else {
        const std::string_view key = g.tail.substr(g.tail.size() - std::min(g.tail.size(), kMaxAffix));
        affixes.add(affix_key(key, true), e);
        tail_lengths[fold_pair(key[key.size() - 2], key.back())] |= static_cast<uint8_t>(1u << key.size());
      }
    }
    for (uint32_t t = 0; t < triggers.size(); ++t) {
      const std::string_view key = std::string_view(triggers[t].prefix).substr(0, kMaxAffix);
      affixes.add(affix_key(key, false), Entry{kTrigger | t, 0});
      head_lengths[fold_pair(key[0], key[1])] |= static_cast<uint8_t>(1u << key.size());
    }
    exact.finish();
    affixes.finish();
    phrase_ids.clear();
    anchored_ids.clear();
  }

  // Tries phrase p with its anchor part at part j; a match goes into found, once per group.
  void try_phrase(Entry e, std::span<const Part> parts, size_t j, std::string_view text,
                  bool anchor_checked, Scratch* s) const {
    if (e.phrase & kTrigger) {
      const Trigger& t = triggers[e.phrase & ~kTrigger];
      if (!text.substr(parts[j].begin, parts[j].end - parts[j].begin).starts_with(t.prefix)) return;
      if (t.element != 0) {
        s->seen[t.pattern] |= 1u << t.element;
        return;
      }
      // Tried here and now if the elements it needs are in the text so far (most need none),
      // else once the whole text is read.
      const auto part = static_cast<uint32_t>(j);
      if ((s->seen[t.pattern] & anchored[t.pattern].needs) == anchored[t.pattern].needs) {
        if (s->last_tried[t.pattern] != part) try_anchored(t.pattern, parts[j].begin, s);
        s->last_tried[t.pattern] = part;
      } else if (!s->seen_all) {
        s->fired.emplace_back(t.pattern, part);
        if (s->fired.size() >= kMaxFired) {  // a text of triggers: find every element first
          see_all_elements(parts, text, s);
          find_anchored(parts, s);
        }
      }
      return;
    }
    if (e.neighbor) {
      const size_t k = j + static_cast<size_t>(e.neighbor);
      if (k >= parts.size() || static_cast<uint32_t>(hash_part_at(text, parts[k].begin, parts[k].end) >> 32) != e.neighbor_tag)
        return;
    }
    const Phrase& phrase = phrases[e.phrase];
    const size_t n = phrase.globs.size();
    if (j < e.anchor || j - e.anchor + n > parts.size()) return;
    const size_t first = j - e.anchor;
    for (size_t k = 0; k < n; ++k) {
      if (k && phrase.words.seps[k - 1] && text[parts[first + k - 1].end] != phrase.words.seps[k - 1]) return;
      if (k == e.anchor && anchor_checked) continue;
      const Part& part = parts[first + k];
      if (!phrase.globs[k].matches(text.substr(part.begin, part.end - part.begin))) return;
    }
    const TextSpan span{parts[first].begin, parts[first + n - 1].end};
    for (const uint32_t g : phrase.groups) keep(s, g, span);
  }

  void find_phrases(const TokenStream& ts, Scratch* s) const {
    const std::string_view text = ts.text;
    UninitVector<Part>& parts = s->parts;
    // text is " tok tok ... ": a part between every two boundaries, empty ones included
    // (" .net" has one before its dot). At most one per byte: written without push_back's checks,
    // into room for at least 16 more, checked before each. Most text has a boundary every few
    // bytes; the buffer grows when it has more.
    if (const size_t want = std::max<size_t>(64, text.size() / 4); parts.size() < want) parts.resize(want);
    Part* out = parts.data();
    const auto room_for_16 = [&] {
      const auto used = static_cast<size_t>(out - parts.data());
      if (used + 16 > parts.size()) {
        parts.resize(std::min<size_t>(std::max(2 * parts.size(), used + 16), text.size() + 16));
        out = parts.data() + used;
      }
    };
    uint32_t begin = 1;
    // The bytes of is_boundary (lexicon/pattern.h), sixteen at a time where SIMD is built in.
    simd::for_each_of<' ', '/', '.', '\'', '-'>(text, 1, [&](size_t i) {
      room_for_16();
      const auto at = static_cast<uint32_t>(i);
      *out++ = Part{begin, at};
      begin = at + 1;
    });
    const std::span<const Part> all(parts.data(), out);
    for (size_t j = 0; j < all.size(); ++j) {
      poll_deadline();
      const std::string_view part = text.substr(all[j].begin, all[j].end - all[j].begin);
      if (const auto* list = exact.find(part, hash_part_at(text, all[j].begin, all[j].end)))
        for (const auto e : *list) try_phrase(e, all, j, text, true, s);
      for_affix_entries(part, [&](Entry e) { try_phrase(e, all, j, text, false, s); });
      for (const Infix& a : anywhere)
        if (a.needle.empty()) try_phrase(a.entry, all, j, text, false, s);
    }
    if (!s->fired.empty()) find_anchored(all, s);
    for (const Infix& a : anywhere) {
      if (a.needle.empty()) continue;
      // memmem, not string_view::find, which stops at every occurrence of the first byte.
      auto next = [&](size_t from) -> size_t {
        if (from >= text.size()) return std::string_view::npos;
        const void* hit = memmem(text.data() + from, text.size() - from, a.needle.data(), a.needle.size());
        return hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
      };
      for (size_t at = next(0); at != std::string_view::npos;) {
        // The part it occurs in (a needle never holds a boundary), tried once however often.
        const size_t j = static_cast<size_t>(
            std::upper_bound(all.begin(), all.end(), static_cast<uint32_t>(at),
                             [](uint32_t v, const Part& p) { return v < p.begin; }) - all.begin()) - 1;
        try_phrase(a.entry, all, j, text, false, s);
        at = next(all[j].end);
      }
    }
  }

  // Anchored re: pattern `pattern` at the part that starts at text offset begin: the longest
  // match that starts there, within kReReachTokens tokens and kReReachBytes bytes (pattern.h).
  void try_anchored(uint32_t pattern, uint32_t begin, Scratch* s) const {
    const TokenStream& ts = *s->tokens;
    const std::string_view text = ts.text;
    const re2::StringPiece input(text.data(), text.size());
    const size_t start = begin - 1;  // the boundary before the part
    const size_t t = ts.token_at(begin);
    size_t end = t + kReReachTokens < ts.token_count() ? ts.starts[t + kReReachTokens] : text.size();
    end = std::min(end, start + kReReachBytes + 2);
    re2::StringPiece match;
    if (!anchored[pattern].re->Match(input, start, end, RE2::ANCHOR_START, &match, 1)) return;
    const TextSpan span{static_cast<uint32_t>(start + 1), static_cast<uint32_t>(start + match.size() - 1)};
    for (const uint32_t g : anchored[pattern].groups) keep(s, g, span);
  }

  // Calls f with every entry of `affixes` keyed by the first or last 2-4 bytes of part.
  template <class F>
  void for_affix_entries(std::string_view part, F&& f) const {
    if (part.size() < 2) return;
    const unsigned heads = head_lengths[fold_pair(part[0], part[1])];
    const unsigned tails = tail_lengths[fold_pair(part[part.size() - 2], part.back())];
    for (size_t len = 2; (heads | tails) >> len && len <= std::min(part.size(), kMaxAffix); ++len) {
      if (heads >> len & 1)
        if (const auto* list = affixes.find(affix_key(part.substr(0, len), false)))
          for (const auto e : *list) f(e);
      if (tails >> len & 1)
        if (const auto* list = affixes.find(affix_key(part.substr(part.size() - len), true)))
          for (const auto e : *list) f(e);
    }
  }

  // Reads the whole text for the elements anchored re: patterns need, ahead of the pass that
  // tries them: then no try has to wait for the end of the text.
  void see_all_elements(std::span<const Part> parts, std::string_view text, Scratch* s) const {
    for (const Part& p : parts) {
      poll_deadline();
      const std::string_view part = text.substr(p.begin, p.end - p.begin);
      for_affix_entries(part, [&](Entry e) {
        if (!(e.phrase & kTrigger)) return;
        const Trigger& t = triggers[e.phrase & ~kTrigger];
        if (t.element != 0 && part.starts_with(t.prefix)) s->seen[t.pattern] |= 1u << t.element;
      });
    }
    s->seen_all = true;
  }

  // The anchored re: patterns put off until the elements they need were known, where they have
  // them now.
  void find_anchored(std::span<const Part> parts, Scratch* s) const {
    std::sort(s->fired.begin(), s->fired.end());
    s->fired.erase(std::unique(s->fired.begin(), s->fired.end()), s->fired.end());
    for (const auto& [pattern, j] : s->fired)
      if ((s->seen[pattern] & anchored[pattern].needs) == anchored[pattern].needs)
        try_anchored(pattern, parts[j].begin, s);
    s->fired.clear();
  }

  // Which re: groups occur in chunk (with a per-group search if the set's DFA runs out of memory).
  void set_hits(std::string_view chunk, std::vector<int>* hits) const {
    hits->clear();
    RE2::Set::ErrorInfo info;
    if (re_set.Match(re2::StringPiece(chunk.data(), chunk.size()), hits, &info)) return;
    hits->clear();
    if (info.kind == RE2::Set::kNoError) return;
    for (size_t i = 0; i < re_groups.size(); ++i)
      if (RE2::PartialMatch(re2::StringPiece(chunk.data(), chunk.size()), groups[re_groups[i]].re->get()))
        hits->push_back(static_cast<int>(i));
  }

  // The re: patterns, chunk by chunk of kStride tokens overlapping by more than any pattern is
  // long, so a group's own regex only reads the chunks it occurs in, and never a whole long
  // document once per match.
  void find_regexes(const TokenStream& ts, Scratch* s) const {
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
        const uint32_t g = re_groups[static_cast<size_t>(h)];
        s->spans.clear();
        find_all(groups[g].re->get(), chunk, &s->spans, kReReachBytes);
        for (const TextSpan& sp : s->spans)
          keep(s, g, {static_cast<uint32_t>(sp.begin + offset), static_cast<uint32_t>(sp.end + offset)});
      }
      if (t1 == n) break;
    }
  }

  // Every group's matches into s->found[group], sorted by start, the longest at each start;
  // those of `around` regexes only if asked to.
  void find(const TokenStream& ts, Scratch* s, bool with_around = false) const {
    // The last document's matches go; a group that held many gives its buffer back.
    for (const uint32_t g : s->touched) {
      if (s->found[g].capacity() > 1024) s->found[g] = {};
      else s->found[g].clear();
    }
    s->touched.clear();
    s->found.resize(groups.size());
    s->tokens = &ts;
    s->fired.clear();
    s->seen.assign(anchored.size(), 0);
    s->seen_all = false;
    s->last_tried.assign(anchored.size(), UINT32_MAX);
    if (ts.token_count() == 0) return;
    find_phrases(ts, s);
    if (!re_groups.empty()) find_regexes(ts, s);
    if (with_around)
      for (uint32_t g = 0; g < groups.size(); ++g) {
        if (!groups[g].around) continue;
        s->spans.clear();
        find_all(*groups[g].around, ts.text, &s->spans, kReReachBytes);
        for (const TextSpan& sp : s->spans) keep(s, g, sp);
      }
    // Each group's matches by start, longest first, and one per start.
    for (const uint32_t g : s->touched) {
      std::vector<TextSpan>& v = s->found[g];
      std::sort(v.begin(), v.end(), [](const TextSpan& a, const TextSpan& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
      });
      v.erase(std::unique(v.begin(), v.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin == b.begin; }),
              v.end());
    }
  }
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

std::unique_ptr<Matcher> Matcher::build(const Lexicon& lexicon, const std::vector<size_t>& concepts,
                                        std::string* error) {
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

  auto add_group = [&](size_t ci, Kind kind, const std::vector<const Pattern*>& patterns) -> int {
    if (patterns.empty()) return -1;
    const auto g = static_cast<uint32_t>(m.groups.size());
    Impl::Group group{ci, kind, {}, nullptr};
    std::vector<std::string> re_fragments;
    for (const Pattern* p : patterns) {
      group.fragments.push_back(p->regex);
      if (p->source.starts_with("re:")) {
        std::vector<std::vector<std::string>> elements;
        if (!literal_elements(p->regex, &elements)) {
          re_fragments.push_back(p->regex);
          continue;
        }
        const auto [it, added] = m.anchored_ids.try_emplace(p->regex, static_cast<uint32_t>(m.anchored.size()));
        if (!added) {
          std::vector<uint32_t>& gs = m.anchored[it->second].groups;
          if (std::find(gs.begin(), gs.end(), g) == gs.end()) gs.push_back(g);
          continue;
        }
        auto re = std::make_unique<const RE2>(wrap_in_boundaries({p->regex}), span_options());
        if (!re->ok()) {
          *error = lexicon.concepts[ci].id + ": " + re->error();
          return -2;
        }
        Impl::Anchored a{{g}, std::move(re), 0};
        for (size_t k = 0; k < elements.size() && k < Impl::kMaxElements; ++k) {
          if (k) a.needs |= 1u << k;
          for (std::string& prefix : elements[k])
            m.triggers.push_back({std::move(prefix), it->second, static_cast<uint32_t>(k)});
        }
        m.anchored.push_back(std::move(a));
        continue;
      }
      WordPattern words;
      std::string parse_error;
      size_t col;
      if (!parse_words(p->source, &words, &parse_error, &col)) {
        *error = lexicon.concepts[ci].id + ": " + parse_error + " in '" + p->source + "'";
        return -2;
      }
      m.add_phrase(words, g);
    }
    if (!re_fragments.empty() && kind == Kind::kExclude) {
      group.around = std::make_unique<const RE2>(wrap_in_boundaries(re_fragments), span_options());
      if (!group.around->ok()) {
        *error = lexicon.concepts[ci].id + ": " + group.around->error();
        return -2;
      }
    } else if (!re_fragments.empty()) {
      const std::string pattern = wrap_in_boundaries(re_fragments);
      std::string set_error;
      if (m.re_set.Add(pattern, &set_error) < 0) {
        *error = lexicon.concepts[ci].id + ": " + set_error;
        return -2;
      }
      m.re_groups.push_back(g);
      group.re = std::make_unique<LazyRE2>(pattern, span_options());
    }
    m.groups.push_back(std::move(group));
    return static_cast<int>(g);
  };
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
    if ((cg.strong = add_group(ci, Kind::kStrong, pointers(c.strong))) == -2 ||
        (cg.weak = add_group(ci, Kind::kWeak, pointers(c.weak))) == -2 ||
        (cg.near = add_group(ci, Kind::kNear, near)) == -2 ||
        (cg.exclude = add_group(ci, Kind::kExclude, pointers(c.exclude))) == -2)
      return nullptr;
    m.concepts.push_back(cg);
  }
  m.index_phrases();
  if (!m.re_groups.empty() && !m.re_set.Compile()) {
    *error = "the re: patterns do not compile as a set (RE2 out of memory)";
    return nullptr;
  }
  return matcher;
}

std::vector<std::vector<TextSpan>> Matcher::group_matches(const TokenStream& ts) const {
  Scratch s;
  m->find(ts, &s, true);
  s.found.resize(m->groups.size());
  return std::move(s.found);
}

std::string Matcher::group_regex(size_t g) const { return wrap_in_boundaries(m->groups.at(g).fragments); }

namespace {
// Matcher::match's buffers, one set per thread, reused from one document to the next.
thread_local Scratch t_scratch;
}  // namespace

void Matcher::release_scratch() { t_scratch = Scratch{}; }

void Matcher::match(const TokenStream& ts, std::vector<ConceptMatch>* out) const {
  out->clear();
  Scratch& s = t_scratch;
  m->find(ts, &s);
  if (s.touched.empty()) return;

  // The matches of group g (none for -1), by start.
  auto group = [&](int g) -> std::span<const TextSpan> {
    if (g < 0) return {};
    return s.found[static_cast<size_t>(g)];
  };
  // The first match of r that starts at or after text offset `at`.
  auto first_from = [](std::span<const TextSpan> r, uint32_t at) {
    return static_cast<size_t>(
        std::lower_bound(r.begin(), r.end(), at, [](const TextSpan& f, uint32_t v) { return f.begin < v; }) - r.begin());
  };
  const size_t n = ts.token_count();
  auto token_start = [&](size_t t) { return t < n ? ts.starts[t] : static_cast<uint32_t>(ts.text.size()); };

  std::vector<TextSpan>& spans = s.spans;
  for (const Impl::ConceptGroups& cg : m->concepts) {
    poll_deadline();
    const auto strong = group(cg.strong), weak = group(cg.weak);
    if (strong.empty() && weak.empty()) continue;
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
    // Any match that overlaps a `not` match goes. A `not` match starts at most m->overlap
    // tokens before the match it drops and is at most that long: the `around` regex is searched
    // in that window of each match. Overlapping windows are merged and each merged window is
    // searched once, so matches inside one long token (ml-ml-ml-…, whose windows are all that
    // token) cost one search, not one per match.
    const auto exclude = group(cg.exclude);
    const RE2* around = cg.exclude >= 0 ? m->groups[static_cast<size_t>(cg.exclude)].around.get() : nullptr;
    if ((!exclude.empty() || around) && !spans.empty()) {
      if (around) {
        s.windows.clear();
        for (const TextSpan& sp : spans) {
          const size_t t0 = ts.token_at(sp.begin);
          s.windows.push_back({t0 > m->overlap ? t0 - m->overlap : 0, ts.token_at(sp.end - 1) + 1 + m->overlap});
        }
        std::sort(s.windows.begin(), s.windows.end());
        s.near.clear();
        for (size_t i = 0; i < s.windows.size();) {
          size_t from = s.windows[i].first, to = s.windows[i].second;
          for (++i; i < s.windows.size() && s.windows[i].first <= to; ++i) to = std::max(to, s.windows[i].second);
          size_t offset;
          const std::string_view window = token_window(ts, from, to, &offset);
          const size_t first = s.near.size();
          find_all(*around, window, &s.near, kReReachBytes);
          for (size_t k = first; k < s.near.size(); ++k) {
            s.near[k].begin += static_cast<uint32_t>(offset);
            s.near[k].end += static_cast<uint32_t>(offset);
          }
        }
        // The not matches by start (they are: windows are disjoint and searched in order), and
        // the furthest end of each prefix: a match overlaps one of those starting before its end
        // exactly if that prefix reaches past its start.
        s.reach.resize(s.near.size());
        for (size_t k = 0; k < s.near.size(); ++k)
          s.reach[k] = std::max(s.near[k].end, k ? s.reach[k - 1] : 0u);
      }
      std::erase_if(spans, [&](const TextSpan& sp) {
        const size_t t0 = ts.token_at(sp.begin);
        const size_t from = t0 > m->overlap ? t0 - m->overlap : 0;
        for (size_t k = first_from(exclude, token_start(from)); k < exclude.size() && exclude[k].begin < sp.end; ++k)
          if (sp.begin < exclude[k].end) return true;
        if (!around) return false;
        const size_t before = static_cast<size_t>(
            std::lower_bound(s.near.begin(), s.near.end(), sp.end,
                             [](const TextSpan& x, uint32_t v) { return x.begin < v; }) -
            s.near.begin());
        return before > 0 && s.reach[before - 1] > sp.begin;
      });
    }
    if (spans.empty()) continue;
    normalize_spans(&spans);
    out->push_back(ConceptMatch{cg.concept_index, spans});
  }
}

}  // namespace jobmatch
