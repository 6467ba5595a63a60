#include "lang.h"

#include <string>
#include <array>
#include <cstring>
#include <unordered_set>
#include <vector>

namespace jobmatch {
namespace {

// Frequent function words that are not words of the other language. Normalized spelling
// (fuer, ueber), since they are compared with tokens.
const std::unordered_set<std::string_view>& german() {
  static const std::unordered_set<std::string_view> w = {
      "und", "der", "die", "das", "mit", "fuer", "wir", "sie", "ist", "ein", "eine", "einen",
      "zu", "von", "auf", "bei", "den", "dem", "des", "sich", "nicht", "auch", "oder", "ihre",
      "deine", "dein", "dich", "dir", "du", "uns", "unser", "unsere", "sowie", "werden", "wird",
      "sind", "im", "zur", "zum", "ueber", "als", "nach", "haben", "bist", "hast", "kenntnisse"};
  return w;
}

const std::unordered_set<std::string_view>& english() {
  static const std::unordered_set<std::string_view> w = {
      "the", "and", "of", "to", "with", "for", "you", "we", "is", "are", "our", "will", "your",
      "be", "on", "that", "this", "as", "or", "have", "an", "by", "from", "at", "it", "who",
      "about", "can", "their", "which", "would", "what", "all"};
  return w;
}

}  // namespace

std::string_view detect_language(const TokenStream& tokens) {
  // Stop words by length, each kept as the two integers its (zero-padded) bytes make, so a
  // token costs two loads and a few integer compares with the words of its length (far cheaper
  // than hashing it or comparing strings).
  constexpr size_t kLongest = 16;
  struct Word {
    uint64_t lo, hi;
    bool german;
  };
  static const auto by_length = [] {
    std::array<std::vector<Word>, kLongest + 1> t;
    auto add = [&](std::string_view w, bool de) {
      uint64_t v[2] = {0, 0};
      std::memcpy(v, w.data(), w.size());
      t[w.size()].push_back({v[0], v[1], de});
    };
    for (const auto w : german()) add(w, true);
    for (const auto w : english()) add(w, false);
    return t;
  }();
  const std::string_view text = tokens.text;
  size_t de = 0, en = 0;
  const size_t n = std::min(tokens.token_count(), kLanguageSampleTokens);
  for (size_t i = 0; i < n; ++i) {
    // Tokens are joined by single spaces: one ends where the next starts, less one.
    const size_t b = tokens.starts[i];
    const size_t size = (i + 1 < tokens.token_count() ? tokens.starts[i + 1] - 1 : text.size() - 1) - b;
    if (size > kLongest) continue;
    uint64_t v[2] = {0, 0};
    if (b + 16 <= text.size()) {
      // Two fixed-size loads (inlined) and a mask, instead of a memcpy of variable length.
      std::memcpy(v, text.data() + b, 16);
      if (size < 8) {
        v[0] &= (uint64_t{1} << (8 * size)) - 1;
        v[1] = 0;
      } else if (size < 16) {
        v[1] &= (uint64_t{1} << (8 * (size - 8))) - 1;
      }
    } else {
      std::memcpy(v, text.data() + b, size);
    }
    for (const Word& w : by_length[size])
      if (w.lo == v[0] && w.hi == v[1]) {
        (w.german ? de : en) += 1;
        break;
      }
  }
  if (de + en < 3 || de == en) return "und";
  return de > en ? "de" : "en";
}

}  // namespace jobmatch
