// Internal to the matcher: the `re:` patterns that neither the phrase index nor the triggers
// (re_triggers.h) can place, those with no literal every match starts with. The shipped lexicon
// has none; a user's lexicon may. They run through one RE2::Set: one pass over the whole text
// says whether any occurs, then chunk by chunk of kStride tokens (overlapping by more than any
// pattern is long), so a group's own RE2 reads only the chunks it occurs in, and never a whole
// long document once per match.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/expected.h"
#include "match/found.h"

namespace jobmatch {

class ReChunks {
 public:
  // Buffers of find, reused from one document to the next.
  struct Scratch {
    std::vector<int> hits;
    std::vector<TextSpan> spans;
  };

  // Adds group g's pattern B(alt|...)B. An error if RE2 refuses it.
  Status add(uint32_t group, const std::string& pattern);
  // Compiles the set; call once, after every add. An error if RE2 runs out of memory.
  Status finish();
  bool empty() const { return m_groups.empty(); }

  // Every group's matches in ts into *out. overlap: tokens the chunks overlap by (more than
  // any pattern spans).
  void find(const TokenStream& ts, size_t overlap, Scratch* s, GroupMatches* out) const;

 private:
  static constexpr size_t kStride = 96;  // tokens per chunk, before the overlap

  // Which groups (indexes into m_groups) occur in chunk, with a search per group if the set's
  // DFA runs out of memory.
  void set_hits(std::string_view chunk, std::vector<int>* hits) const;

  struct Group {
    uint32_t group;
    std::unique_ptr<LazyRE2> re;  // its own regex, for the spans
  };
  RE2::Set m_set{set_options(), RE2::UNANCHORED};
  std::vector<Group> m_groups;  // by their index in m_set

  static RE2::Options set_options() {
    RE2::Options o;
    o.set_max_mem(8 << 20);
    o.set_log_errors(false);
    return o;
  }
};

}  // namespace jobmatch
