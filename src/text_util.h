// Small UTF-8 helpers shared by the stages. No project-specific knowledge lives here.
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

// True if s is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// s with every invalid sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view s);

// s as valid UTF-8 with every byte that is not part of a well-formed sequence written as \xNN
// (for file names and other byte strings: shown, never silently replaced). Valid input is
// returned unchanged.
std::string escape_invalid_utf8(std::string_view s);

// For display: s as valid UTF-8 with C0/C1 controls, DEL, bidi controls and invalid bytes made
// visible as escapes (\n, \t, \x1b, \u202e, \xff), so a document can never drive a terminal.
// Also escaped: U+2028/U+2029 (line and paragraph separators) and U+FEFF.
std::string escape_for_terminal(std::string_view s);

// The longest prefix of s of at most max_bytes that does not cut a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, size_t max_bytes);

// Number of code points (for column alignment; wide characters count one).
size_t utf8_width(std::string_view s);

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

}  // namespace jobmatch
