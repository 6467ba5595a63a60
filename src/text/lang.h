// Language detection: German, English or undetermined, from stop-word counts over the tokens.
#pragma once

#include <string_view>

#include "text/tokenize.h"

namespace jobmatch {

// Tokens read from the start of a document: enough to decide, and long documents stay cheap.
inline constexpr size_t kLanguageSampleTokens = 600;

// "de", "en", or "und" when neither has enough evidence (fewer than 3 stop words, or a tie).
std::string_view detect_language(const TokenStream& tokens);

}  // namespace jobmatch
