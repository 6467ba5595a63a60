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

// A pattern of the word language (not `re:`), as the phrase matcher reads it: the text between
// two boundaries, cut at every boundary it must cross. parts[k] is one stretch of word
// characters, normalized like documents, with '*' for "any run of word characters but & + #"
// (a normalized literal never contains '*'). seps[k] says what stands between parts[k] and
// parts[k + 1]: a joiner written inside a word ('-' '/' '.' '\'') must be that joiner; 0 (a
// space between words) is any boundary. So "scikit-learn" is {"scikit", "learn"} with "-", and
// "machine learn*" is {"machine", "learn*"} with "\0". A part may be empty: ".net" is {"", "net"}.
struct WordPattern {
  std::vector<std::string> parts;
  std::string seps;  // parts.size() - 1 bytes
};

// True if c is a token boundary (kBoundary's characters).
inline bool is_boundary(char c) { return c == ' ' || c == '/' || c == '.' || c == '\'' || c == '-'; }

// Parses a word-language pattern. On error returns false and sets *error and *col (0-based
// offset into pattern).
bool parse_words(std::string_view pattern, WordPattern* out, std::string* error, size_t* col);

// The RE2 fragment (without boundaries) that matches what `words` matches.
std::string words_regex(const WordPattern& words);

// How many tokens a `re:` match may span: the matcher searches at most this many tokens (and
// kReReachBytes bytes) from where a match starts, so a pattern that could go further is refused.
inline constexpr size_t kReReachTokens = 64;
inline constexpr size_t kReReachBytes = 1024;

// The most spaces (token boundaries of the token text) a match of the RE2 syntax `re` can hold,
// read conservatively (a class or escape it cannot read counts as a space), or SIZE_MAX if
// unbounded: a `*`, `+` or `{n,}` over something that can match a space. *col is set to the
// 0-based offset in re of the repeat that goes furthest (or is unbounded). Assumes re compiles.
size_t re_max_spaces(std::string_view re, size_t* col);

// Compiles one pattern into an RE2 fragment without boundaries. On error returns false and sets
// *error and *col (0-based offset into pattern).
bool compile_pattern(std::string_view pattern, std::string* regex, std::string* error,
                     size_t* col);

// Literals that every match of an RE2 fragment (a re: pattern's regex) must contain, as far as
// they can be read from it: true if it starts with one of (*elements)[0], each at least two
// bytes and none holding a boundary ("(?:prototypes?|pocs?)" gives "prototype", "poc"). Each
// further (*elements)[k] is a set of literals one of which begins a part (comes right after a
// boundary) somewhere in every match: "x (?:[^ ]+ ){0,3}(?:into|to) production" gives {"into",
// "to"} and {"production"}. Conservative: anything it cannot read (a class, a flag, an optional
// first element) makes it false or ends the list, and a literal may be shorter than required.
bool literal_elements(std::string_view regex, std::vector<std::vector<std::string>>* elements);

// B(?:r1|r2|...)B with the alternatives in capture group 1.
std::string wrap_in_boundaries(const std::vector<std::string>& fragments);

}  // namespace jobmatch
