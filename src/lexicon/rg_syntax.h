// Internal to the export (export.h): the pieces of Rust regex syntax both translations (plain
// patterns in export.cpp, re: patterns in export_re.cpp) write.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "base/expected.h"

namespace jobmatch::rg {

// ASCII word-boundary assertions: they keep Rust's regex in its lazy DFA on any text (a Unicode
// \b makes ripgrep 13 about 50 times slower on these patterns).
inline constexpr std::string_view kB = "(?-u:\\b)";
inline constexpr std::string_view kNotB = "(?-u:\\B)";
// Word characters in raw text, as the inside of a class: ASCII letters, digits and '_', the
// Latin-1 and Latin Extended-A/B letters (not × and ÷) and combining diacritics. Rust's Unicode
// \w would be closer, but 1,500 patterns with it exceed ripgrep's regex size limit, and its case
// folding under -i takes seconds; the postings are German and English.
inline constexpr std::string_view kWordInner =
    "0-9A-Za-z_\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}\\x{300}-\\x{36F}";
// A token boundary in raw text: a run of non-word characters (punctuation between tokens is
// dropped by normalization, so any run of it separates two tokens).
inline const std::string kSepRe = "[^" + std::string(kWordInner) + "]+";
// What '*' means: a run of word characters within one word.
inline const std::string kWordRunRe = "[" + std::string(kWordInner) + "]*";
// A character that can stand inside a token: a word character or a joiner (what "[^ ]" means in
// the token stream).
inline const std::string kTokenClassInner = std::string(kWordInner) + "\\-/.'\\&+#";

inline bool is_ascii_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Characters Rust's regex syntax treats as meta characters outside a class (regex::escape).
inline bool is_rust_meta(char c) {
  return std::string_view("\\.+*?()|[]{}^$#&-~").find(c) != std::string_view::npos;
}

// Appends one literal character (UTF-8) for use outside a class.
inline void append_literal(std::string& out, std::string_view ch) {
  if (ch.size() == 1) {
    const char c = ch[0];
    if (c == '\'') {  // normalization maps typographic apostrophes to '
      out += "['\u2019]";
      return;
    }
    if (c == '-') {  // and typographic hyphens to -
      out += "[\\-\u2010\u2011]";
      return;
    }
    if (is_rust_meta(c)) out += '\\';
  }
  out += ch;
}

// The umlaut folded to pair ("ae" -> "ä"), or "" if pair is not one of "ae", "oe", "ue", "ss".
inline std::string_view umlaut_of(std::string_view pair) {
  if (pair == "ae") return "\u00e4";
  if (pair == "oe") return "\u00f6";
  if (pair == "ue") return "\u00fc";
  if (pair == "ss") return "\u00df";
  return {};
}

// A re: pattern's body translated (without its edge boundaries); an error if it uses RE2 syntax
// Rust cannot express.
Expected<std::string> re_to_rg(std::string_view body);
// The boundary before (after) a re: pattern: \B if it starts (ends) with a literal non-word
// character ("\+", "\.", "#"), else \b.
std::string_view re_lead(std::string_view re);
std::string_view re_trail(std::string_view re);

}  // namespace jobmatch::rg
