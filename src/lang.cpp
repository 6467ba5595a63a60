#include "lang.h"

#include <string>
#include <array>
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
  // Stop words by length, so a token is compared with the few words of its length only (far
  // cheaper than hashing every token).
  struct Word {
    std::string_view text;
    bool german;
  };
  static const auto by_length = [] {
    std::array<std::vector<Word>, 11> t;
    for (const auto w : german()) t[w.size()].push_back({w, true});
    for (const auto w : english()) t[w.size()].push_back({w, false});
    return t;
  }();
  const std::string_view text = tokens.text;
  size_t de = 0, en = 0;
  const size_t n = std::min(tokens.token_count(), kLanguageSampleTokens);
  for (size_t i = 0; i < n; ++i) {
    const size_t b = tokens.starts[i];
    const size_t e = text.find(' ', b);
    const std::string_view tok = text.substr(b, e - b);
    if (tok.size() >= by_length.size()) continue;
    for (const Word& w : by_length[tok.size()])
      if (w.text == tok) {
        (w.german ? de : en) += 1;
        break;
      }
  }
  if (de + en < 3 || de == en) return "und";
  return de > en ? "de" : "en";
}

}  // namespace jobmatch
