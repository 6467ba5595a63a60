// Character references in Markdown text (&amp; &#x2F; &auml;), and the ASCII tests the
// Markdown reader (input/markdown.cpp) shares with them. Only a reference with its ';' counts;
// the named ones are a short table of those postings use, the rest stay text as written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jobmatch::md {

inline bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The length of the character reference "&...;" at the start of s, or 0 if there is none.
size_t entity_length(std::string_view s);

// Decodes the character reference e ("&amp;", "&#x2F;", whole, with its ';') into *out (empty
// for a soft hyphen; a control character as a space, an invalid code point as U+FFFD). False if
// it is not one this knows (a named reference outside the table).
bool decode_entity(std::string_view e, std::string* out);

}  // namespace jobmatch::md
