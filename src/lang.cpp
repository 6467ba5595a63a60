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
  // Every stop word is at most 16 bytes: kept as the two integers its zero-padded bytes make,
  // in a small open-addressing table, so a token costs two loads, a mask and about one probe.
  constexpr size_t kLongest = 16, kSlots = 256;
  struct Slot {
    uint64_t lo = 0, hi = 0;
    int8_t language = 0;  // 1 German, -1 English, 0 empty
  };
  auto hash = [](uint64_t lo, uint64_t hi) {
    return static_cast<size_t>(((lo ^ (hi * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL) >> 56);
  };
  static const auto table = [&] {
    std::array<Slot, kSlots> t{};
    auto add = [&](std::string_view w, int8_t language) {
      uint64_t v[2] = {0, 0};
      std::memcpy(v, w.data(), w.size());
      size_t i = hash(v[0], v[1]);
      while (t[i].language) i = (i + 1) % kSlots;
      t[i] = {v[0], v[1], language};
    };
    for (const auto w : german()) add(w, 1);
    for (const auto w : english()) add(w, -1);
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
    for (size_t k = hash(v[0], v[1]); table[k].language; k = (k + 1) % kSlots)
      if (table[k].lo == v[0] && table[k].hi == v[1]) {
        (table[k].language > 0 ? de : en) += 1;
        break;
      }
  }
  if (de + en < 3 || de == en) return "und";
  return de > en ? "de" : "en";
}

}  // namespace jobmatch
