// The byte-class scanners: every SIMD loop of jobmatch, in one place. Each scanner has a scalar
// version (simd::scalar::f, the definition: a plain loop over the bytes) and an SSE2 version
// (simd::sse2::f: sixteen bytes at a time while sixteen are left, then the scalar loop for the
// rest), compiled only when the compiler targets SSE2 (x86-64 does) and the build has not turned
// SIMD off (cmake -DJOBMATCH_SIMD=OFF defines JOBMATCH_NO_SIMD). simd::f is the SSE2 version when
// it is compiled, the scalar one otherwise. Both give the same result for every input
// (tests/unit/text/simd_test.cpp holds them to it); no other file uses intrinsics.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#if defined(__SSE2__) && !defined(JOBMATCH_NO_SIMD)
#define JOBMATCH_SIMD_SSE2 1
#include <emmintrin.h>
#endif

namespace jobmatch::simd {

// token_bytes16's result: a bit per byte, in each of the classes the tokenizer tells apart.
struct TokenBytes {
  uint32_t word;    // an ASCII letter or digit
  uint32_t high;    // a byte from 0x80
  uint32_t joiner;  // . - / ' &
  uint32_t rare;    // + #
};

namespace scalar {

inline bool is_ascii_alpha(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }
inline bool is_ascii_alnum(unsigned char b) { return is_ascii_alpha(b) || (b >= '0' && b <= '9'); }

// The first offset at or after i of a byte from 0x80 in s, or s.size().
inline size_t skip_ascii(std::string_view s, size_t i) {
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// The first offset at or after i of a byte that is not an ASCII letter or digit, or s.size().
inline size_t skip_ascii_alnum(std::string_view s, size_t i) {
  while (i < s.size() && is_ascii_alnum(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// The first offset p at or after i (or s.size()) where s[p] is a byte from 0x80 or '(', or
// s[p + 1] is a byte from 0x80, or s[p] is an ASCII letter and s[p + 1] is '/', or s[p] is one
// of I : * _ / after a letter: s[p - 1] an ASCII letter, or, at p = i, after_letter. (The
// normalizer's plain run: ASCII that starts no gender form and has no combining mark after it;
// the gender suffixes "In", ":innen", "*innen", "_innen", "/in" follow a letter, so "I", "IT",
// "**Aufgaben:**" and " / " are plain.)
inline bool gender_suffix_byte(unsigned char b) { return b == 'I' || b == ':' || b == '*' || b == '_' || b == '/'; }
inline size_t skip_plain_ascii(std::string_view s, size_t i, bool after_letter) {
  const size_t n = s.size();
  for (; i < n; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80 || b == '(' || (after_letter && gender_suffix_byte(b))) break;
    if (i + 1 < n) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 || (next == '/' && is_ascii_alpha(b))) break;
    }
    after_letter = is_ascii_alpha(b);
  }
  return i;
}

// Lowercases the ASCII capitals A-Z among the n bytes at t; every other byte stays. (Written
// without a branch per byte: whether a letter is a capital is a coin toss to the predictor.)
inline void lower_ascii(char* t, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    const auto b = static_cast<unsigned char>(t[k]);
    t[k] = static_cast<char>(b | static_cast<unsigned>(static_cast<unsigned char>(b - 'A') < 26) << 5);
  }
}

// The first offset p in [i, end) where s[p] is one of Cs, or end if there is none.
template <char... Cs>
size_t find_of(std::string_view s, size_t i, size_t end) {
  while (i < end && !((s[i] == Cs) || ...)) ++i;
  return i;
}

// The offset after the last p in [begin, end) where s[p] is one of Cs, or begin if there is none.
template <char... Cs>
size_t after_last_of(std::string_view s, size_t begin, size_t end) {
  while (end > begin && !((s[end - 1] == Cs) || ...)) --end;
  return end;
}

// Calls f(p) for every offset p at or after i where s[p] is one of Cs, in ascending order.
template <char... Cs, typename F>
void for_each_of(std::string_view s, size_t i, F&& f) {
  for (; i < s.size(); ++i)
    if (((s[i] == Cs) || ...)) f(i);
}

// The classes of the sixteen bytes at p: bit k of each mask says whether p[k] is in that class.
inline TokenBytes token_bytes16(const char* p) {
  TokenBytes c{0, 0, 0, 0};
  for (unsigned k = 0; k < 16; ++k) {
    const auto b = static_cast<unsigned char>(p[k]);
    c.word |= static_cast<uint32_t>(is_ascii_alnum(b)) << k;
    c.high |= static_cast<uint32_t>(b >= 0x80) << k;
    c.joiner |= static_cast<uint32_t>(b == '.' || b == '-' || b == '/' || b == '\'' || b == '&') << k;
    c.rare |= static_cast<uint32_t>(b == '+' || b == '#') << k;
  }
  return c;
}

// Calls f(p) for every offset p at or after i where s[p], s[p + 1] is one of pairs, in ascending
// order, until f returns true.
template <typename F>
void for_each_pair(std::string_view s, size_t i, std::span<const std::array<char, 2>> pairs, F&& f) {
  for (; i + 1 < s.size(); ++i)
    for (const auto& [a, b] : pairs)
      if (s[i] == a && s[i + 1] == b) {
        if (f(i)) return;
        break;
      }
}

}  // namespace scalar

#ifdef JOBMATCH_SIMD_SSE2
namespace sse2 {

inline __m128i load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline uint32_t mask(__m128i v) { return static_cast<uint32_t>(_mm_movemask_epi8(v)); }
// Bytes in [lo, hi]. Signed compares: bytes from 0x80 are negative, so never in an ASCII range.
inline __m128i in_range(__m128i v, char lo, char hi) {
  return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                       _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
}
inline __m128i alpha(__m128i v) { return in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'); }
template <char... Cs>
__m128i any_of(__m128i v) {
  __m128i m = _mm_setzero_si128();
  ((m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
  return m;
}

inline size_t skip_ascii(std::string_view s, size_t i) {
  for (; i + 16 <= s.size(); i += 16)
    if (const uint32_t high = mask(load(s.data() + i))) return i + static_cast<size_t>(__builtin_ctz(high));
  return scalar::skip_ascii(s, i);
}

inline size_t skip_ascii_alnum(std::string_view s, size_t i) {
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = load(s.data() + i);
    const uint32_t other = ~mask(_mm_or_si128(alpha(v), in_range(v, '0', '9'))) & 0xFFFF;
    if (other) return i + static_cast<size_t>(__builtin_ctz(other));
  }
  return scalar::skip_ascii_alnum(s, i);
}

inline size_t skip_plain_ascii(std::string_view s, size_t i, bool after_letter) {
  // Seventeen bytes left: the byte after each of the sixteen is there to look at. Whether the
  // byte before each is a letter: the letter mask moved up one, the first bit carried over.
  uint32_t carry = after_letter;
  for (; i + 17 <= s.size(); i += 16) {
    const __m128i v = load(s.data() + i);
    const __m128i next = load(s.data() + i + 1);
    const __m128i is_alpha = alpha(v);
    const uint32_t letters = mask(is_alpha);
    const uint32_t after = (letters << 1 | carry) & 0xFFFF;
    carry = letters >> 15;
    const __m128i letter_slash = _mm_and_si128(is_alpha, _mm_cmpeq_epi8(next, _mm_set1_epi8('/')));
    const uint32_t stop = mask(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('(')), letter_slash)) |
                          (mask(any_of<'I', ':', '*', '_', '/'>(v)) & after) | mask(v) | mask(next);
    if (stop) return i + static_cast<size_t>(__builtin_ctz(stop));
  }
  return scalar::skip_plain_ascii(s, i, carry != 0);
}

inline void lower_ascii(char* t, size_t n) {
  const auto lower16 = [](char* p) {
    const __m128i v = load(p);
    const __m128i upper = in_range(v, 'A', 'Z');
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
  };
  if (n < 16) return scalar::lower_ascii(t, n);
  size_t k = 0;
  for (; k + 16 <= n; k += 16) lower16(t + k);
  // The last sixteen bytes, again where they overlap those lowered already (lowering twice
  // changes nothing): no loop over the last few bytes, whose count the branch predictor
  // cannot know.
  if (k < n) lower16(t + n - 16);
}

// A range of sixteen bytes or more ends with the sixteen bytes before its end (after_last_of:
// from its start), which overlap those already read: none of those is one of Cs.
template <char... Cs>
size_t find_of(std::string_view s, size_t i, size_t end) {
  if (end - i < 16) return scalar::find_of<Cs...>(s, i, end);
  for (; i + 16 <= end; i += 16)
    if (const uint32_t hit = mask(any_of<Cs...>(load(s.data() + i)))) return i + static_cast<size_t>(__builtin_ctz(hit));
  if (i == end) return end;
  const uint32_t hit = mask(any_of<Cs...>(load(s.data() + end - 16)));
  return hit ? end - 16 + static_cast<size_t>(__builtin_ctz(hit)) : end;
}

template <char... Cs>
size_t after_last_of(std::string_view s, size_t begin, size_t end) {
  if (end - begin < 16) return scalar::after_last_of<Cs...>(s, begin, end);
  for (; end >= begin + 16; end -= 16)
    if (const uint32_t hit = mask(any_of<Cs...>(load(s.data() + end - 16))))
      return end - 16 + static_cast<size_t>(32 - __builtin_clz(hit));
  if (end == begin) return begin;
  const uint32_t hit = mask(any_of<Cs...>(load(s.data() + begin)));
  return hit ? begin + static_cast<size_t>(32 - __builtin_clz(hit)) : begin;
}

template <char... Cs, typename F>
void for_each_of(std::string_view s, size_t i, F&& f) {
  for (; i + 16 <= s.size(); i += 16)
    for (uint32_t bits = mask(any_of<Cs...>(load(s.data() + i))); bits; bits &= bits - 1)
      f(i + static_cast<size_t>(__builtin_ctz(bits)));
  scalar::for_each_of<Cs...>(s, i, f);
}

inline TokenBytes token_bytes16(const char* p) {
  const __m128i v = load(p);
  return {mask(_mm_or_si128(alpha(v), in_range(v, '0', '9'))), mask(v), mask(any_of<'.', '-', '/', '\'', '&'>(v)),
          mask(any_of<'+', '#'>(v))};
}

template <typename F>
void for_each_pair(std::string_view s, size_t i, std::span<const std::array<char, 2>> pairs, F&& f) {
  // Each pair's bytes spread over a register once, not once per sixteen bytes.
  constexpr size_t kMaxPairs = 16;
  if (pairs.size() > kMaxPairs) return scalar::for_each_pair(s, i, pairs, f);
  __m128i first[kMaxPairs], second[kMaxPairs];
  const size_t n = pairs.size();
  for (size_t k = 0; k < n; ++k) {
    first[k] = _mm_set1_epi8(pairs[k][0]);
    second[k] = _mm_set1_epi8(pairs[k][1]);
  }
  for (; i + 17 <= s.size(); i += 16) {
    const __m128i v0 = load(s.data() + i), v1 = load(s.data() + i + 1);
    __m128i hit = _mm_setzero_si128();
    for (size_t k = 0; k < n; ++k)
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(v0, first[k]), _mm_cmpeq_epi8(v1, second[k])));
    for (uint32_t bits = mask(hit); bits; bits &= bits - 1)
      if (f(i + static_cast<size_t>(__builtin_ctz(bits)))) return;
  }
  scalar::for_each_pair(s, i, pairs, f);
}

}  // namespace sse2

inline constexpr bool kEnabled = true;
using sse2::token_bytes16;
using sse2::after_last_of;
using sse2::find_of;
using sse2::for_each_of;
using sse2::for_each_pair;
using sse2::lower_ascii;
using sse2::skip_ascii;
using sse2::skip_ascii_alnum;
using sse2::skip_plain_ascii;
#else
inline constexpr bool kEnabled = false;
using scalar::token_bytes16;
using scalar::after_last_of;
using scalar::find_of;
using scalar::for_each_of;
using scalar::for_each_pair;
using scalar::lower_ascii;
using scalar::skip_ascii;
using scalar::skip_ascii_alnum;
using scalar::skip_plain_ascii;
#endif

}  // namespace jobmatch::simd
