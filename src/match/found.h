// Internal to the matcher (match.cpp, phrase_index, re_triggers, re_chunks): the per-document
// record of what each pattern group matched, and the small helpers the searches share.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "match/match.h"
#include "text/tokenize.h"

namespace jobmatch {

// The options of every RE2 that finds spans: longest match, quiet, bounded memory.
inline RE2::Options span_options() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  return o;
}

// The most matches of one pattern group a document keeps: its first ones. A concept's strength
// saturates after a few mentions and a record shows 64 of them; a text that is one match after
// another ("ml-ml-ml-…", a dozen groups per word) would otherwise hold 30 bytes per byte of
// text. A real posting stays far below it: 16 MB of ordinary ads has a few thousand per group.
constexpr size_t kMaxMatchesPerGroup = 4096;

// Each group's matches in one document, by group index (Matcher::group_matches' order). Kept
// per thread and reused from one document to the next.
struct GroupMatches {
  std::vector<std::vector<TextSpan>> found;  // per group, its matches (at most kMaxMatchesPerGroup)
  std::vector<uint32_t> touched;             // the groups with a match in this document

  void keep(uint32_t group, TextSpan span) {
    std::vector<TextSpan>& v = found[group];
    if (v.empty()) touched.push_back(group);
    if (v.size() < kMaxMatchesPerGroup) v.push_back(span);
  }
  // Empties every group for the next document; a group that held many gives its buffer back.
  void reset(size_t groups) {
    for (const uint32_t g : touched) {
      if (found[g].capacity() > 1024) found[g] = {};
      else found[g].clear();
    }
    touched.clear();
    found.resize(groups);
  }
  // Each group's matches by start, longest first, and one per start.
  void sort_each() {
    for (const uint32_t g : touched) {
      std::vector<TextSpan>& v = found[g];
      std::sort(v.begin(), v.end(), [](const TextSpan& a, const TextSpan& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
      });
      v.erase(std::unique(v.begin(), v.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin == b.begin; }),
              v.end());
    }
  }
};

// The token text of tokens [from, to), with the space before and after: what a pattern sees.
inline std::string_view token_window(const TokenStream& ts, size_t from, size_t to, size_t* offset) {
  const size_t n = ts.token_count();
  to = std::min(to, n);
  from = std::min(from, to);
  const size_t b = from < n ? ts.starts[from] - 1 : ts.text.size() - 1;
  const size_t e = to < n ? ts.starts[to] : ts.text.size();
  *offset = b;
  return std::string_view(ts.text).substr(b, e - b);
}

}  // namespace jobmatch
