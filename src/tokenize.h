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

#include "normalize.h"

namespace jobmatch {

struct TokenStream {
  std::string text;              // " tok tok ... " (just " " for a document without tokens)
  std::vector<uint32_t> src;     // src[i]: input byte offset for text[i]; size text.size() + 1
  std::vector<uint32_t> starts;  // offset in text of each token's first byte, ascending

  size_t token_count() const { return starts.size(); }
  // Index of the token that contains (or, on a separator, precedes) text offset pos.
  size_t token_at(size_t pos) const;
  // The input byte range of text[begin, end), where text[end] is a separator or joiner. A
  // span inside the expansion of one input character ("1" of "½" → "1⁄2") covers that character.
  uint32_t input_begin(size_t begin) const { return src[begin]; }
  uint32_t input_end(size_t begin, size_t end) const {
    while (end + 1 < src.size() && src[end] <= src[begin]) ++end;
    return src[end];
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
