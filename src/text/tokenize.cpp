#include "text/tokenize.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "text/simd.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

constexpr std::array<bool, 128> make_ascii_word() {
  std::array<bool, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  return t;
}
constexpr auto kAsciiWord = make_ascii_word();

// Is the character at s[i] a word character? *len receives its length in bytes.
bool word_at(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    return kAsciiWord[b];
  }
  return is_word_char(decode_utf8(s, i, len));
}

bool word_at(std::string_view s, size_t i) {
  size_t len;
  return i < s.size() && word_at(s, i, &len);
}

}  // namespace

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return kAsciiWord[cp];
  if (cp == 0xFFFD) return false;
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK)) != 0;
}

size_t TokenStream::token_at(size_t pos) const {
  const size_t after = upper_bound_u32(starts.data(), starts.size(), static_cast<uint32_t>(pos));
  return after == 0 ? 0 : after - 1;
}

uint32_t TokenStream::norm_offset(size_t pos, size_t norm_size) const {
  // The leading space stands for the start, the end for the end.
  if (pos >= text.size()) return static_cast<uint32_t>(norm_size);
  if (starts.empty() || pos < starts[0]) return 0;
  const size_t k = token_at(pos);
  return norm_starts[k] + static_cast<uint32_t>(pos - starts[k]);
}

void tokenize(const Normalized& in, TokenStream* out) {
  const std::string_view s = in.text;
  const size_t n = s.size();
  // Written through pointers, then cut to size. Tokens are copies of the text with at least
  // one byte between two of them that is not copied, and the space written for it: the text
  // holds at most n + 2 bytes, sized so once, with no check per byte. Token starts are checked
  // once per token, and grow when a text has more tokens than most (one per 8 bytes).
  std::string& text = out->text;
  UninitVector<uint32_t>& starts = out->starts;
  UninitVector<uint32_t>& norm_starts = out->norm_starts;
  // (+16: a short token is copied with a 16-byte store where SIMD is built in, which may write
  // past its end.)
  text.resize(n + 2 + 16);
  if (const size_t want = n / 8 + 16; starts.size() < want) {
    starts.resize(want);
    norm_starts.resize(want);
  }
  // Parts: a token's, and one more at each joiner that is a boundary; checked once per part.
  UninitVector<Part>& parts = out->parts;
  if (const size_t want = n / 6 + 16; parts.size() < want) parts.resize(want);
  size_t part_count = 0;
  const auto add_part = [&](size_t begin, size_t end) {
    if (part_count == parts.size()) parts.resize(2 * part_count);
    parts[part_count++] = Part{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  };
  char* t = text.data();
  size_t tokens = 0;
  size_t k = 0;  // bytes of text written
  t[k++] = ' ';

  // A token of the bytes s[begin, end), a run of ASCII letters and digits with a separator
  // after it: what the loop below makes of it, written at once. (It repeats how step starts and
  // ends a token: the two sharing that code cost tokenize 9% more instructions, 47.1 -> 51.5 M
  // on 3 MB of the bulk JSONL, and the reference test holds both paths to the same tokens.)
  const auto plain_token = [&](size_t begin, size_t end) {
    if (tokens == starts.size()) {
      starts.resize(2 * tokens);
      norm_starts.resize(2 * tokens);
    }
    starts[tokens] = static_cast<uint32_t>(k);
    norm_starts[tokens++] = static_cast<uint32_t>(begin);
    const size_t size = end - begin;
    if (simd::kEnabled && size <= 16 && begin + 16 <= n) std::memcpy(t + k, s.data() + begin, 16);
    else std::memcpy(t + k, s.data() + begin, size);
    add_part(k, k + size);
    k += size;
    t[k++] = ' ';
  };

  size_t i = 0;
  // One step of the reading byte by byte, at s[i]: a separator passed, or a whole token written.
  const auto step = [&] {
    const auto b = static_cast<unsigned char>(s[i]);
    // Spaces and punctuation (but a dot, which may start ".net") are skipped here.
    if (b < 0x80 && !kAsciiWord[b] && b != '.') {
      ++i;
      return;
    }
    size_t len;
    const bool word = word_at(s, i, &len);
    // ".net": a leading dot before letters, after a space, bracket or comma (not "..." nor "a.b").
    const bool dot_start = !word && s[i] == '.' && word_at(s, i + 1) &&
                           (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ',' ||
                            s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '/');
    if (!word && !dot_start) {
      i += len;
      return;
    }
    if (tokens == starts.size()) {
      starts.resize(2 * tokens);
      norm_starts.resize(2 * tokens);
    }
    starts[tokens] = static_cast<uint32_t>(k);
    norm_starts[tokens++] = static_cast<uint32_t>(i);
    const size_t begin = i;
    // Where the current part starts in text; s[x] of this token lands at text[k + x - begin].
    size_t part_begin = k;
    if (dot_start) {  // ".net": an empty part before the dot
      add_part(k, k);
      part_begin = k + 1;
    }
    i += dot_start ? 1 : 0;
    for (;;) {
      for (;;) {
        i = simd::skip_ascii_alnum(s, i);
        if (!(i < n && static_cast<unsigned char>(s[i]) >= 0x80 && word_at(s, i, &len))) break;
        i += len;
      }
      if (i >= n) break;
      const char c = s[i];
      if (is_joiner(c) && word_at(s, i + 1)) {
        if (c != '&') {  // the joiners that are boundaries end a part
          add_part(part_begin, k + (i - begin));
          part_begin = k + (i - begin) + 1;
        }
        ++i;
        continue;
      }
      if (c == '+' && i + 1 < n && s[i + 1] == '+' && !(i + 2 < n && s[i + 2] == '+')) {
        i += 2;  // c++, and c++17 goes on
        continue;
      }
      if (c == '#' && !word_at(s, i + 1)) ++i;  // c#, f#
      break;
    }
    const size_t size = i - begin;
    if (simd::kEnabled && size <= 16 && begin + 16 <= n) {
      // Most tokens: one fixed-size copy (a 16-byte load and store) instead of a call to memcpy.
      std::memcpy(t + k, s.data() + begin, 16);
    } else {
      std::memcpy(t + k, s.data() + begin, size);
    }
    k += size;
    add_part(part_begin, k);
    t[k++] = ' ';
  };
  const auto below = [](size_t bits) { return bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1; };
  while (i < n) {
    if (i + 64 > n) {
      step();
      continue;
    }
    // Sixty-four bytes at a time, classified at once. Between two bytes that need a closer look
    // (from 0x80, + #, a joiner before a letter, digit or byte from 0x80: it may join, or start
    // ".net"), every run of letters and digits that ends before the second is a token on its
    // own. A run that reaches such a byte, or the block's end, may go on, and such a byte may
    // start something: step reads them, and the block goes on after.
    const size_t block = i;
    uint64_t word = 0, high = 0, joiner = 0, rare = 0;
    for (unsigned q = 0; q < 4; ++q) {
      const simd::TokenBytes c = simd::token_bytes16(s.data() + block + 16 * q);
      word |= uint64_t{c.word} << (16 * q);
      high |= uint64_t{c.high} << (16 * q);
      joiner |= uint64_t{c.joiner} << (16 * q);
      rare |= uint64_t{c.rare} << (16 * q);
    }
    // (The byte after the block is not classified: a joiner last in it may join.)
    const uint64_t before_word = (word | high) >> 1 | uint64_t{1} << 63;
    const uint64_t other = high | rare | (joiner & before_word);
    for (size_t pos = 0; pos < 64; pos = i - block) {
      const uint64_t ahead = ~below(pos);
      const uint64_t closer = other & ahead;
      const size_t plain = closer ? static_cast<size_t>(__builtin_ctzll(closer)) : 64;
      uint64_t runs = word & ahead & below(plain);
      size_t done = plain;  // [pos, done): the bytes dealt with here
      if (plain > pos && (runs >> (plain - 1) & 1)) {  // the last run reaches it: done before it starts
        const uint64_t gaps = ~runs & ahead & below(plain);
        done = gaps ? 64 - static_cast<size_t>(__builtin_clzll(gaps)) : pos;
        runs &= below(done);
      }
      for (uint64_t first = runs & ~(runs << 1), last = runs & ~(runs >> 1); first; first &= first - 1, last &= last - 1)
        plain_token(block + static_cast<size_t>(__builtin_ctzll(first)), block + static_cast<size_t>(__builtin_ctzll(last)) + 1);
      i = block + done;
      if (done == 64) break;
      step();
      if (i >= block + 64) break;
    }
  }
  text.resize(k);
  starts.resize(tokens);
  norm_starts.resize(tokens);
  parts.resize(part_count);
}

std::string token_text(std::string_view input) {
  Normalized norm;
  normalize(input, &norm);
  TokenStream ts;
  tokenize(norm, &ts);
  return std::move(ts.text);
}

}  // namespace jobmatch
