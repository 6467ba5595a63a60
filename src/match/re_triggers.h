// Internal to the matcher: `re:` patterns searched only where they can match.
//
// Anchored patterns: a re: pattern whose matches all start with one of a few literals, and
// contain others (pattern.h's literal_elements), is tried as its own RE2, anchored, at each part
// that starts with one of the first, in documents that have a part starting with one of each of
// the others (but for words every posting has, which prune nothing), and only where each of
// the others begins a part within the tokens a match can reach (try_anchored). The literals are
// triggers, keyed in the PhraseIndex's affix lookup like phrase anchors: the one pass over the
// parts finds them (on_trigger), and a try that needs an element not seen yet waits until the
// end of the text (find_waiting).
//
// The `not` search near matches (find_not_near): a `not` group's re: patterns without literals
// are searched only in the token windows around the matches they could drop.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "base/expected.h"
#include "match/found.h"
#include "match/phrase_index.h"

namespace jobmatch {

class ReTriggers {
 public:
  // Per-document state of the anchored patterns, reused from one document to the next.
  struct Scratch {
    const TokenStream* tokens = nullptr;  // the document being matched
    // (anchored pattern, part) where to try it once the elements it needs are known: it needs
    // one not seen so far. At most kMaxWaiting: then the whole text is read for elements.
    std::vector<std::pair<uint32_t, uint32_t>> waiting;
    bool seen_all = false;             // seen holds every element in the text, not only so far
    std::vector<uint32_t> last_tried;  // per anchored pattern, the part it was last tried at
    std::vector<uint32_t> seen;        // per anchored pattern, bit k: its element k is in the text
  };

  // Adds `regex` (a re: pattern's fragment, its literal elements `elements`) for group g; the
  // same regex in several groups is one pattern. Its literals become triggers in *index. An
  // error if RE2 refuses the pattern.
  Status add(const std::string& regex, std::vector<std::vector<std::string>> elements, uint32_t group,
             PhraseIndex* index);
  // Frees what only building needs.
  void finish() { m_ids.clear(); }

  // Prepares s for document ts.
  void start(const TokenStream& ts, Scratch* s) const {
    s->tokens = &ts;
    s->waiting.clear();
    s->seen.assign(m_anchored.size(), 0);
    s->seen_all = false;
    s->last_tried.assign(m_anchored.size(), UINT32_MAX);
  }

  // Trigger t found by the part lookup at part j: notes an element, or tries its pattern there
  // (now if the elements it needs are in the text so far, most need none; else once the whole
  // text is read).
  void on_trigger(uint32_t t, const PhraseIndex& index, std::span<const Part> parts, size_t j,
                  std::string_view text, Scratch* s, GroupMatches* out) const {
    const Trigger& trigger = m_triggers[t];
    if (!text.substr(parts[j].begin, parts[j].end - parts[j].begin).starts_with(trigger.prefix)) return;
    if (trigger.element != 0) {
      s->seen[trigger.pattern] |= 1u << trigger.element;
      return;
    }
    const auto part = static_cast<uint32_t>(j);
    if ((s->seen[trigger.pattern] & m_anchored[trigger.pattern].needs) == m_anchored[trigger.pattern].needs) {
      if (s->last_tried[trigger.pattern] != part) try_anchored(trigger.pattern, parts[j].begin, s, out);
      s->last_tried[trigger.pattern] = part;
    } else if (!s->seen_all) {
      s->waiting.emplace_back(trigger.pattern, part);
      if (s->waiting.size() >= kMaxWaiting) {  // a text of triggers: find every element first
        see_all_elements(index, parts, text, s);
        find_waiting(parts, s, out);
      }
    }
  }

  // The tries put off until the elements they need were known, where they have them now.
  void find_waiting(std::span<const Part> parts, Scratch* s, GroupMatches* out) const;

 private:
  struct Anchored {
    std::vector<uint32_t> groups;
    std::unique_ptr<const RE2> re;  // B(pattern)B
    uint32_t needs = 0;             // bit k: element k must be seen first (k > 0)
    // The literals of each element in needs, and the most spaces a match holds (re_max_spaces;
    // SIZE_MAX: not bounded): a try is made only if each element has a literal at the start of
    // a part among the tokens a match starting there can reach (has_needed).
    struct Needed {
      std::vector<std::string> literals;
      uint64_t heads = 0;  // bit head_bit(l) of each literal l
    };
    std::vector<Needed> needed;
    size_t max_spaces = SIZE_MAX;
  };
  // A bit of 64 for the first two bytes of s (at least two).
  static uint64_t head_bit(std::string_view s) {
    return uint64_t{1} << ((static_cast<unsigned char>(s[0]) * 7u + static_cast<unsigned char>(s[1])) & 63u);
  }
  // Whether each of a's needed elements has a literal that begins a part of window (which
  // starts at a part).
  static bool has_needed(const Anchored& a, std::string_view window);
  struct Trigger {
    std::string prefix;
    uint32_t pattern;  // into m_anchored
    uint32_t element;  // 0: where it is tried; else: it is in the text
  };
  // The most elements a pattern needs (bits of Scratch::seen); any further ones are not checked.
  static constexpr size_t kMaxElements = 32;
  // The most tries put off until the elements they need are known (Scratch::waiting).
  static constexpr size_t kMaxWaiting = 4096;

  // Anchored pattern `pattern` at the part that starts at text offset begin: the longest match
  // that starts there, within kReReachTokens tokens and kReReachBytes bytes (pattern.h). RE2
  // runs only if every element the pattern needs has a literal in the tokens a match can span
  // (a few words, where a document-wide check says only that the word is somewhere): most tries
  // of a common first word ("develop", "build") have none.
  void try_anchored(uint32_t pattern, uint32_t begin, Scratch* s, GroupMatches* out) const;
  // Reads the whole text for the elements the patterns need, ahead of the pass that tries them:
  // then no try has to wait for the end of the text.
  void see_all_elements(const PhraseIndex& index, std::span<const Part> parts, std::string_view text, Scratch* s) const;

  std::vector<Anchored> m_anchored;
  std::vector<Trigger> m_triggers;
  std::map<std::string, uint32_t> m_ids;  // by regex, until finish()
};

// Buffers of find_not_near, reused from one concept to the next.
struct NotNearScratch {
  std::vector<std::pair<size_t, size_t>> windows;  // token windows searched
  std::vector<TextSpan> near;   // the matches found, by start
  std::vector<uint32_t> reach;  // reach[k]: the furthest end of near[0..k]
};

// Searches `around` (a `not` group's B(re: alternatives)B) within `overlap` tokens of each of
// spans into s->near, and fills s->reach. A `not` match starts at most
// `overlap` tokens before the match it drops and is at most that long. Overlapping windows are
// merged and each merged window is searched once, so matches inside one long token (ml-ml-ml-…,
// whose windows are all that token) cost one search, not one per match.
void find_not_near(const RE2& around, const TokenStream& ts, std::span<const TextSpan> spans, size_t overlap,
                   NotNearScratch* s);

// True if span overlaps one of the matches find_not_near found.
inline bool overlaps_not_near(const NotNearScratch& s, TextSpan span) {
  const size_t before = static_cast<size_t>(
      std::lower_bound(s.near.begin(), s.near.end(), span.end,
                       [](const TextSpan& x, uint32_t v) { return x.begin < v; }) - s.near.begin());
  return before > 0 && s.reach[before - 1] > span.begin;
}

}  // namespace jobmatch
