// Stage 4: matching. Finds which concepts occur in a token stream and where.
//
// Word-language patterns (pattern.h) are matched on the token text's parts, the stretches
// between boundaries. Each phrase is indexed by its longest pair of adjacent exact parts
// ("machine learning"), else by one anchor part (its longest exact part, else the '*' part with
// the longest literal head or tail): one pass over the text's parts looks each part up (a hash
// of the pair it ends, a hash of the whole part, keys of its first and last 2-4 bytes) and
// checks the few phrases anchored there part by part. Anchors with neither head nor tail
// ("*prototyp*") are found by searching the text for their literal. That is one pass for the whole lexicon, whatever its size. `re:` patterns, which can
// say more than words, run as their own RE2, anchored, where their first literal is (and only
// in texts with their other literals: pattern.h's literal_elements); a `not` pattern without
// literals only near the matches it could drop; any other through one small RE2::Set (over the
// whole text, then chunk by chunk where it hits) and its group's own RE2 for the spans. No re:
// search reads more than kReReachTokens tokens and kReReachBytes bytes (pattern.h) from where a
// match starts, so a pattern's cost per token is bounded whatever the text.
//
// The result is what RE2 gives for each group's regex B(alt|alt|...)B, searched leftmost-longest
// from every boundary (Matcher::find_all): the longest match at each start. The unit tests hold
// the two to that on generated text. Weak matches are kept only with `near` context within the
// concept's window; any match overlapping a `not` match is dropped.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/expected.h"
#include "lexicon/lexicon.h"
#include "text/tokenize.h"

namespace jobmatch {

// A piece of evidence: a byte range of the matcher's input text (tokenize.h maps it back).
struct TextSpan {
  uint32_t begin = 0;  // offset in TokenStream::text
  uint32_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

struct ConceptMatch {
  size_t concept_index = 0;            // index into Lexicon::concepts
  std::vector<TextSpan> spans;   // ascending, not overlapping
};

// An RE2 compiled on first use (thread-safe): most `re:` groups never hit a given batch.
class LazyRE2 {
 public:
  LazyRE2(std::string pattern, RE2::Options options)
      : m_pattern(std::move(pattern)), m_options(std::move(options)) {}
  const RE2& get() const {
    std::call_once(m_once, [this] { m_re = std::make_unique<RE2>(m_pattern, m_options); });
    return *m_re;
  }

 private:
  std::string m_pattern;
  RE2::Options m_options;
  mutable std::once_flag m_once;
  mutable std::unique_ptr<RE2> m_re;
};

class Matcher {
 public:
  // Compiles the given concepts of the lexicon (all of them if `concepts` is empty). An error
  // if a pattern does not compile or RE2 refuses (for example, out of memory).
  static Expected<std::unique_ptr<Matcher>> build(const Lexicon& lexicon, const std::vector<size_t>& concepts);
  ~Matcher();

  // Replaces *out with the concepts found in ts, ordered by concept index. Thread-safe.
  void match(const TokenStream& ts, std::vector<ConceptMatch>* out) const;
  // Frees the calling thread's match buffers (kept for the next document).
  static void release_scratch();

  // Every match of `re` (a pattern wrapped in boundaries) in text, overlapping ones included,
  // as the offsets of the text between the boundaries: at each boundary where a match starts,
  // the longest one. The reference the phrase matcher is tested against, and how `re:`
  // patterns are searched.
  // With max_size, a match is at most that many bytes (between its boundaries): each search
  // reads a window of a few times that, so the cost per match is bounded whatever the pattern.
  static void find_all(const RE2& re, std::string_view text, std::vector<TextSpan>* out,
                       size_t max_size = SIZE_MAX);

  // What every pattern group of the matcher finds in ts, before the weak/near/not rules: for
  // group g (in build order: per concept its strong, weak, near and not patterns, where it has
  // them), the longest match at each start, ascending. For tests.
  std::vector<std::vector<TextSpan>> group_matches(const TokenStream& ts) const;
  // The RE2 that matches what group g matches (B(alt|...)B), for tests.
  std::string group_regex(size_t g) const;

 private:
  struct Impl;
  Matcher();
  std::unique_ptr<Impl> m;
};

}  // namespace jobmatch
