// The pattern language of lexicon files (see lexicons/README.md), compiled to RE2 syntax over
// the token stream of tokenize.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobmatch {

// One token boundary: the space between tokens or an inner joiner that separates words.
inline constexpr std::string_view kBoundary = "[ /.'\\-]";
// Any run of word characters within one word (what '*' means in a pattern): not a boundary,
// and not the token-internal & + # either, so "r*" does not reach into "r&d" nor "c*" into "c++".
inline constexpr std::string_view kWordRun = "[^ /.'\\-&+#]*";

struct Alternative {
  std::string_view text;  // one pattern, without surrounding spaces
  size_t col;             // 0-based byte offset of text in the value it was split from
};

// Splits "a | b | c" into its patterns. Empty alternatives are returned too, for the caller to
// report.
std::vector<Alternative> split_alternatives(std::string_view value);

// Compiles one pattern into an RE2 fragment without boundaries. On error returns false and sets
// *error and *col (0-based offset into pattern).
bool compile_pattern(std::string_view pattern, std::string* regex, std::string* error,
                     size_t* col);

// B(?:r1|r2|...)B with the alternatives in capture group 1.
std::string wrap_in_boundaries(const std::vector<std::string>& fragments);

}  // namespace jobmatch
