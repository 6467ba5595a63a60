// The tokenizer's contract (text/tokenize.h), written as plainly as it can be: the text cut into
// characters first, then one rule after the other over the characters, with no fast paths, no
// SIMD and no buffers written through pointers. tokenize() is held to it (tokenize_reference_test
// .cpp). It lives with the tests, not in src/: nothing but a test has a use for it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_util.h"
#include "text/tokenize.h"

namespace jobmatch::test {

struct ReferenceToken {
  std::string text;     // the token, as it is in the normalized text
  uint32_t norm_start;  // where it starts there
};

inline std::vector<ReferenceToken> reference_tokens(std::string_view s) {
  // The characters, as decode_utf8 reads them: an invalid byte is one U+FFFD.
  struct Char {
    size_t at, len;
    char32_t cp;
  };
  std::vector<Char> chars;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t cp = decode_utf8(s, i, &len);
    chars.push_back({i, len, cp});
    i += len;
  }
  const size_t n = chars.size();
  auto word = [&](size_t k) { return k < n && is_word_char(chars[k].cp); };
  auto is = [&](size_t k, char32_t c) { return k < n && chars[k].cp == c; };
  auto joiner = [&](size_t k) { return is(k, '-') || is(k, '/') || is(k, '.') || is(k, '\'') || is(k, '&'); };

  std::vector<ReferenceToken> tokens;
  size_t k = 0;
  while (k < n) {
    // A token starts at a word character, or at the dot of ".net": a dot before a word
    // character, at the start or after a space, tab, line feed, bracket, comma or slash.
    const bool dot_start = is(k, '.') && word(k + 1) &&
                           (k == 0 || is(k - 1, ' ') || is(k - 1, '(') || is(k - 1, ',') || is(k - 1, '\n') ||
                            is(k - 1, '\t') || is(k - 1, '/'));
    if (!word(k) && !dot_start) {
      ++k;
      continue;
    }
    size_t end = dot_start ? k + 1 : k;
    for (;;) {
      while (word(end)) ++end;
      if (joiner(end) && word(end + 1)) {  // a joiner between word characters
        ++end;
        continue;
      }
      if (is(end, '+') && is(end + 1, '+') && !is(end + 2, '+')) {  // "c++" (and "c++17" goes on), not "c+++"
        end += 2;
        continue;
      }
      if (is(end, '#') && !word(end + 1)) ++end;  // "c#", not "c#x"
      break;
    }
    const size_t begin_byte = chars[k].at;
    const size_t end_byte = end < n ? chars[end].at : s.size();
    tokens.push_back({std::string(s.substr(begin_byte, end_byte - begin_byte)), static_cast<uint32_t>(begin_byte)});
    k = end;
  }
  return tokens;
}

// The TokenStream the tokens make: " tok tok ", with each token's offsets there and in s.
inline TokenStream reference_stream(std::string_view s) {
  TokenStream ts;
  ts.text = " ";
  for (const ReferenceToken& t : reference_tokens(s)) {
    ts.starts.push_back(static_cast<uint32_t>(ts.text.size()));
    ts.norm_starts.push_back(t.norm_start);
    ts.text += t.text;
    ts.text += ' ';
  }
  return ts;
}

}  // namespace jobmatch::test
