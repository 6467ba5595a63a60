// Small text helpers shared by the stages: UTF-8 decoding, checks and repair, the display
// escaping policy, trim, a branch-free upper bound and a two-byte fold for small tables. No
// knowledge of languages or of the lexicon lives here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jobmatch {

// Decodes one code point at s[i]. Invalid or truncated sequences, overlong forms and surrogates
// yield U+FFFD with *len = 1, so every byte is consumed exactly once.
char32_t decode_utf8(std::string_view s, size_t i, size_t* len);

// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

// The first offset at or after i of a byte from 0x80 in s (s.size() if none): skips ASCII
// sixteen bytes at a time where SIMD is built in (text/simd.h).
size_t skip_ascii(std::string_view s, size_t i);

// True if s is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// s with every invalid sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view s);

// s as valid UTF-8 with every byte that is not part of a well-formed sequence written as \xNN
// (for file names and other byte strings: shown, never silently replaced). Valid input is
// returned unchanged.
std::string escape_invalid_utf8(std::string_view s);

// The display policy: what jobmatch never prints raw in a text format (table, explain, check,
// stats, eval, TSV, CSV, GitHub annotations, Markdown, messages on stderr), because it could
// drive a terminal (C0 controls with ESC and BEL, DEL, C1 controls with CSI U+009B), reorder
// what is shown (bidi controls: U+200E/F, U+202A..E, U+2066..9, U+061C) or hide text (zero-width
// and invisible characters: U+200B..D, U+2060..4, U+206A..F, U+180E, U+FEFF, U+FFF9..B, tag
// characters U+E0000..7F), and the line and paragraph separators U+2028/9. The soft hyphen
// U+00AD is not in it: German text carries it as a hyphenation hint, and it can neither move
// nor hide text.
bool is_display_unsafe(char32_t cp);

// s as valid UTF-8 for display, with every character of the policy and every invalid byte
// made visible as an escape: \n \t \r, \xNN for other C0 controls, DEL and invalid bytes
// (\x1b, \x7f, \xff), \uNNNN (\u009b, \u202e, \u200b) and \UNNNNNNNN above U+FFFF. A
// backslash is not doubled. With keep_whitespace, tab, line feed and carriage return are left
// for the format to deal with (TSV and CSV turn them into spaces). Text without any of these
// is returned unchanged.
std::string escape_for_display(std::string_view s, bool keep_whitespace = false);

// escape_for_display(s): the policy for a terminal, where nothing of it may pass.
std::string escape_for_terminal(std::string_view s);

// The longest prefix of s of at most max_bytes that does not cut a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, size_t max_bytes);

// Number of code points (for column alignment; wide characters count one).
size_t utf8_width(std::string_view s);

// The first i with a[i] > x in the non-decreasing a[0, n), or n: std::upper_bound, with a
// conditional move instead of a branch per step (each step of a binary search is a coin toss
// for the branch predictor).
inline size_t upper_bound_u32(const uint32_t* a, size_t n, uint32_t x) {
  if (n == 0) return 0;
  const uint32_t* base = a;
  while (n > 1) {
    const size_t half = n / 2;
    base = base[half] <= x ? base + half : base;
    n -= half;
  }
  return static_cast<size_t>(base - a) + (*base <= x);
}

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

// Two bytes folded into 12 bits (the low six of each: a-z and 0-9 stay apart), for tables of
// 4,096 entries that stay in the first-level cache; a collision only costs a lookup that finds
// nothing.
inline uint32_t fold_pair(char a, char b) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(a)) & 63) << 6 | (static_cast<unsigned char>(b) & 63);
}

}  // namespace jobmatch
