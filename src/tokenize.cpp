#include "tokenize.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "text_util.h"

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
  const auto it = std::upper_bound(starts.begin(), starts.end(), static_cast<uint32_t>(pos));
  return it == starts.begin() ? 0 : static_cast<size_t>(it - starts.begin() - 1);
}

void tokenize(const Normalized& in, TokenStream* out) {
  const std::string_view s = in.text;
  std::string& t = out->text;
  std::vector<uint32_t>& src = out->src;
  t.clear();
  src.clear();
  out->starts.clear();
  t.reserve(s.size() + 2);
  src.reserve(s.size() + 3);
  t += ' ';
  src.push_back(in.src[0]);

  auto copy = [&](size_t from, size_t to) {
    t.append(s.substr(from, to - from));
    src.insert(src.end(), in.src.begin() + static_cast<std::ptrdiff_t>(from),
               in.src.begin() + static_cast<std::ptrdiff_t>(to));
  };

  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    size_t len;
    const bool word = word_at(s, i, &len);
    // ".net": a leading dot before letters, after a space, bracket or comma (not "..." nor "a.b").
    const bool dot_start = !word && s[i] == '.' && word_at(s, i + 1) &&
                           (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ',' ||
                            s[i - 1] == '\n' || s[i - 1] == '\t' || s[i - 1] == '/');
    if (!word && !dot_start) {
      i += len;
      continue;
    }
    out->starts.push_back(static_cast<uint32_t>(t.size()));
    const size_t begin = i;
    i += dot_start ? 1 : 0;
    for (;;) {
      for (;;) {
        while (i < n && static_cast<unsigned char>(s[i]) < 0x80 && kAsciiWord[static_cast<unsigned char>(s[i])]) ++i;
        if (!(i < n && static_cast<unsigned char>(s[i]) >= 0x80 && word_at(s, i, &len))) break;
        i += len;
      }
      if (i >= n) break;
      const char c = s[i];
      if (is_joiner(c) && word_at(s, i + 1)) {
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
    copy(begin, i);
    t += ' ';
    src.push_back(in.src[i]);
  }
  src.push_back(in.src[n]);
}

std::string token_text(std::string_view input) {
  Normalized norm;
  normalize(input, &norm);
  TokenStream ts;
  tokenize(norm, &ts);
  return std::move(ts.text);
}

}  // namespace jobmatch
