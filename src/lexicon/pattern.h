// The pattern language of lexicon files (see lexicons/README.md), compiled to RE2 syntax over
// the token stream of tokenize.h. pattern.cpp reads the word language and compiles patterns;
// re_reading.cpp reads RE2 syntax for what the matcher needs to know of a re: pattern
// (re_max_spaces, literal_elements).
//
// A pattern's error is an Error whose one Diagnostic has the message and, in col, the 1-based
// byte offset in the pattern (file and line empty: the caller knows them); pattern_error_col
// gives it back 0-based.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/expected.h"

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

// The error of a pattern at 0-based offset col, and that offset back.
Error pattern_error(std::string message, size_t col);
size_t pattern_error_col(const Error& error);

// A word-language pattern as written, cut at its spaces into words and each word into pieces:
// its literal runs and each '*' alone. Literals are as written (not normalized); parse_words and
// the export (export.h) both read patterns so. Read in place, without allocating:
//   for (size_t at = 0; const WrittenWord word = next_written_word(pattern, &at);)
//     for (size_t p = 0; p < word.text.size();) use(next_written_piece(word.text, &p));
struct WrittenWord {
  std::string_view text;  // empty: no more words
  size_t col = 0;         // 0-based offset in the pattern
  explicit operator bool() const { return !text.empty(); }
};
// The first word at or after offset *at, and *at moved past it.
inline WrittenWord next_written_word(std::string_view pattern, size_t* at) {
  size_t i = *at;
  while (i < pattern.size() && pattern[i] == ' ') ++i;
  const size_t end = std::min(pattern.find(' ', i), pattern.size());
  *at = end;
  return WrittenWord{pattern.substr(i, end - i), i};
}
// The piece of word at offset *at ("*" or a run without '*'), and *at moved past it.
inline std::string_view next_written_piece(std::string_view word, size_t* at) {
  const size_t p = *at;
  *at = word[p] == '*' ? p + 1 : std::min(word.find('*', p), word.size());
  return word.substr(p, *at - p);
}

// Parses a word-language pattern; a pattern_error if it is not one.
Expected<WordPattern> parse_words(std::string_view pattern);

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

// Compiles one pattern into an RE2 fragment without boundaries; a pattern_error if it does not.
// With `words`, a word-language pattern's parse_words result goes there too (a re: pattern
// leaves it empty), so the matcher need not parse it again.
Expected<std::string> compile_pattern(std::string_view pattern, WordPattern* words = nullptr);

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
