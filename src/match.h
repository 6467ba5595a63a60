// Stage 4: matching. Finds which concepts occur in a token stream and where.
//
// One RE2::Set over every strong and weak pattern group says which groups occur, chunk by chunk
// of the token text; only in those chunks does the group's own RE2 run to collect the spans. Weak matches are kept
// only with `near` context within the concept's window; any match overlapping a `not` match is
// dropped.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "lexicon.h"
#include "tokenize.h"

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

// An RE2 compiled on first use (thread-safe): most pattern groups never hit a given batch, and
// compiling them all up front is most of jobmatch's start-up time.
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
  // Compiles the given concepts of the lexicon (all of them if `concepts` is empty). Returns
  // null and sets *error if RE2 refuses (for example, out of memory).
  static std::unique_ptr<Matcher> build(const Lexicon& lexicon, const std::vector<size_t>& concepts,
                                        std::string* error);

  // Replaces *out with the concepts found in ts, ordered by concept index. Thread-safe.
  void match(const TokenStream& ts, std::vector<ConceptMatch>* out) const;

  // Every match of `re` (a pattern wrapped in boundaries) in text, overlapping ones included,
  // as the offsets of the text between the boundaries.
  static void find_all(const RE2& re, std::string_view text, std::vector<TextSpan>* out);

 private:
  struct Group {  // the strong or the weak patterns of one concept
    size_t concept_index;
    bool weak;
    std::unique_ptr<LazyRE2> re;
  };
  struct Guards {  // per concept, only when it has weak or `not` patterns
    std::unique_ptr<LazyRE2> near;  // near patterns and the concept's strong patterns
    std::unique_ptr<LazyRE2> exclude;
    int window = 8;
  };

  Matcher() : m_set(set_options(), RE2::UNANCHORED) {}
  // Which groups occur in chunk (with a per-group fallback if the set's DFA runs out of memory).
  void set_hits(std::string_view chunk, std::vector<int>* hits) const;

  static constexpr size_t kStride = 96;  // tokens per chunk, before the overlap
  size_t m_overlap = 8;                  // tokens chunks overlap by (> the longest pattern)
  static RE2::Options set_options();

  RE2::Set m_set;
  std::vector<Group> m_groups;  // index = set index
  std::vector<Guards> m_guards;  // index = concept index
};

}  // namespace jobmatch
