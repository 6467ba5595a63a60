// Stage 3: tokenization. Splits normalized text into tokens and lays them out the way the
// matcher reads them: joined by single spaces, with a space at each end (" tok tok ").
//
// A token is a run of word characters (letters, digits, combining marks). Inside a token, the
// joiners - / . ' & stay when a word character follows them ("scikit-learn", "ci/cd",
// "node.js", "r&d", "bayes'sche"); elsewhere they separate. "c++" and "c#" keep their suffix,
// ".net" its leading dot. Every other character separates tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"
#include "base/uninit.h"

namespace jobmatch {

// A stretch of the token text between two boundaries: text[begin, end), text[end] a boundary
// (' ', or a joiner that is one: '-', '/', '.', '\''). The matcher reads the text part by part.
struct Part {
  uint32_t begin, end;
};

struct TokenStream {
  std::string text;              // " tok tok ... " (just " " for a document without tokens)
  UninitVector<uint32_t> starts;  // offset in text of each token's first byte, ascending
  // norm_starts[k]: offset in the normalized text of token k's first byte. A token is a copy
  // of the normalized text from there, and the space after it stands for the character after it.
  UninitVector<uint32_t> norm_starts;
  // The parts of text, in order, empty ones included (" .net" has one before its dot): found
  // while tokenizing, the same as split_parts (match/phrase_index.h) finds in text.
  UninitVector<Part> parts;

  size_t token_count() const { return starts.size(); }
  // Index of the token that contains (or, on a separator, precedes) text offset pos.
  size_t token_at(size_t pos) const;
  // The offset in the normalized text that text[pos] comes from (pos == text.size(): the end).
  uint32_t norm_offset(size_t pos, size_t norm_size) const;
  // The input byte offset of text[pos], through norm (the Normalized this stream was made from).
  uint32_t input_at(const Normalized& norm, size_t pos) const { return norm.src(norm_offset(pos, norm.text.size())); }
  // The input byte range of text[begin, end), where text[end] is a separator or joiner. A
  // span inside the expansion of one input character ("1" of "½" → "1⁄2") covers that character.
  uint32_t input_begin(const Normalized& norm, size_t begin) const { return input_at(norm, begin); }
  uint32_t input_end(const Normalized& norm, size_t begin, size_t end) const {
    const uint32_t first = input_at(norm, begin);
    uint32_t at = input_at(norm, end);
    while (end < text.size() && at <= first) at = input_at(norm, ++end);
    return at;
  }
};

// Tokenizes normalized text into *out, reusing its buffers.
void tokenize(const Normalized& in, TokenStream* out);

// Convenience for tests and patterns: normalize then tokenize, and return the token text.
std::string token_text(std::string_view input);

// True if c (a byte of normalized text) may appear inside a token as a joiner.
inline bool is_joiner(char c) { return c == '-' || c == '/' || c == '.' || c == '\'' || c == '&'; }

// True if code point cp (of normalized text) is a word character.
bool is_word_char(char32_t cp);

}  // namespace jobmatch
