// What jobmatch knows of its two languages, German and English: language detection (German,
// English or undetermined, from stop-word counts over the tokens), the stop-word lists it counts,
// and how rare a pair of letters is in their text.
#pragma once

#include <span>
#include <string_view>

#include "text/tokenize.h"

namespace jobmatch {

// Tokens read from the start of a document: enough to decide, and long documents stay cheap.
inline constexpr size_t kLanguageSampleTokens = 600;

// "de", "en", or "und" when neither has enough evidence (fewer than 3 stop words, or a tie).
std::string_view detect_language(const TokenStream& tokens);

// The stop words detect_language counts, in normalized spelling ("fuer"), each at most 16 bytes:
// frequent function words of one language that are not words of the other.
std::span<const std::string_view> german_stop_words();
std::span<const std::string_view> english_stop_words();

// How rare the pair of adjacent bytes a, b is in German and English text, roughly (higher is
// rarer): letters by frequency, less for the pairs that begin or end common words, and least
// with a space. For choosing which part of a phrase to look for first (text/phrase_lists.h).
int byte_pair_rarity(char a, char b);

}  // namespace jobmatch
