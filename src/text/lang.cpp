#include "text/lang.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace jobmatch {
namespace {

// Normalized spelling (fuer, ueber), since they are compared with tokens.
constexpr std::string_view kGerman[] = {
    "und", "der", "die", "das", "mit", "fuer", "wir", "sie", "ist", "ein", "eine", "einen",
    "zu", "von", "auf", "bei", "den", "dem", "des", "sich", "nicht", "auch", "oder", "ihre",
    "deine", "dein", "dich", "dir", "du", "uns", "unser", "unsere", "sowie", "werden", "wird",
    "sind", "im", "zur", "zum", "ueber", "als", "nach", "haben", "bist", "hast", "kenntnisse"};

constexpr std::string_view kEnglish[] = {
    "the", "and", "of", "to", "with", "for", "you", "we", "is", "are", "our", "will", "your",
    "be", "on", "that", "this", "as", "or", "have", "an", "by", "from", "at", "it", "who",
    "about", "can", "their", "which", "would", "what", "all"};

}  // namespace

std::span<const std::string_view> german_stop_words() { return kGerman; }
std::span<const std::string_view> english_stop_words() { return kEnglish; }

int byte_pair_rarity(char a, char b) {
  static constexpr std::string_view kLetters = "eniartsoldhucgmpfbwkvyzjxq";  // rarest last
  static constexpr std::string_view kCommonPairs[] = {
      "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed",
      "is", "it", "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co",
      "me", "de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce", "ch", "ei", "ie", "ge", "be", "un",
      "au", "di", "sc", "da", "ns", "si", "ss", "ll", "we", "wi", "ab", "no", "nn"};
  auto letter = [](char c) {
    const size_t at = kLetters.find(c);
    return at != std::string_view::npos ? static_cast<int>(at) : c == ' ' ? -10 : 12;
  };
  int r = letter(a) + letter(b);
  for (const std::string_view pair : kCommonPairs)
    if (pair[0] == a && pair[1] == b) r -= 20;
  return r;
}

std::string_view detect_language(const TokenStream& tokens) {
  // Every stop word is at most 16 bytes: kept as the two integers its zero-padded bytes make,
  // in a table where a multiplier chosen at start-up gives each its own slot. So a token costs
  // two loads, a mask, a multiply and one slot, and is counted without a branch (whether a
  // token is a stop word is a coin toss for the branch predictor).
  constexpr size_t kLongest = 16;
  struct Slot {
    uint64_t lo = 0, hi = 0;
    int64_t de = 0, en = 0;  // 1 for a German (English) stop word
  };
  struct Table {
    uint64_t multiplier = 0;
    unsigned bits = 9;  // 512 slots; more if no multiplier separates the words
    std::vector<Slot> slots;
    size_t slot(uint64_t lo, uint64_t hi) const {
      return static_cast<size_t>(((lo ^ (hi * 0x9e3779b97f4a7c15ULL)) * multiplier) >> (64 - bits));
    }
  };
  static const Table table = [] {
    std::vector<std::pair<std::array<uint64_t, 2>, bool>> words;  // bytes, German
    auto add = [&](std::string_view w, bool de) {
      std::array<uint64_t, 2> v{0, 0};
      std::memcpy(v.data(), w.data(), w.size());
      words.push_back({v, de});
    };
    for (const auto w : kGerman) add(w, true);
    for (const auto w : kEnglish) add(w, false);
    // Candidates from a fixed sequence, so every run picks the same; a table twice the size
    // after every 4,096 that fail, so a longer word list cannot stall start-up.
    Table t;
    uint64_t seed = 0xff51afd7ed558ccdULL;
    for (;; ++t.bits) {
      t.slots.assign(size_t{1} << t.bits, Slot{});
      for (int tries = 0; tries < 4096; ++tries, seed = seed * 6364136223846793005ULL + 1442695040888963407ULL) {
        t.multiplier = seed | 1;
        std::fill(t.slots.begin(), t.slots.end(), Slot{});
        bool clash = false;
        for (const auto& [v, de] : words) {
          Slot& sl = t.slots[t.slot(v[0], v[1])];
          if (sl.de || sl.en) {
            clash = true;
            break;
          }
          sl = Slot{v[0], v[1], de ? 1 : 0, de ? 0 : 1};
        }
        if (!clash) return t;
      }
    }
  }();
  // The bytes of a token of `size` bytes as two integers: masks by size.
  static constexpr auto kMasks = [] {
    std::array<std::array<uint64_t, 2>, kLongest + 1> m{};
    for (size_t k = 0; k <= kLongest; ++k) {
      m[k][0] = k >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * k)) - 1;
      m[k][1] = k >= 16 ? ~uint64_t{0} : k > 8 ? (uint64_t{1} << (8 * (k - 8))) - 1 : 0;
    }
    return m;
  }();
  const std::string_view text = tokens.text;
  int64_t de = 0, en = 0;
  const size_t n = std::min(tokens.token_count(), kLanguageSampleTokens);
  for (size_t i = 0; i < n; ++i) {
    // Tokens are joined by single spaces: one ends where the next starts, less one.
    const size_t b = tokens.starts[i];
    const size_t size = (i + 1 < tokens.token_count() ? tokens.starts[i + 1] - 1 : text.size() - 1) - b;
    if (size > kLongest) continue;
    uint64_t v[2] = {0, 0};
    if (b + 16 <= text.size()) {
      std::memcpy(v, text.data() + b, 16);  // two fixed-size loads, inlined
      v[0] &= kMasks[size][0];
      v[1] &= kMasks[size][1];
    } else {
      std::memcpy(v, text.data() + b, size);
    }
    const Slot& sl = table.slots[table.slot(v[0], v[1])];
    const int64_t same = (sl.lo == v[0]) & (sl.hi == v[1]);
    de += same & sl.de;
    en += same & sl.en;
  }
  if (de + en < 3 || de == en) return "und";
  return de > en ? "de" : "en";
}

}  // namespace jobmatch
