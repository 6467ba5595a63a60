// Stage 2: normalization. Turns a document's UTF-8 text into the form the lexicon is written
// against, keeping a map from every output byte back to the input byte it came from.
//
// What it does, in order, per character:
//   - NFKC + case folding (ICU's NFKC_Casefold), which also drops default-ignorable characters:
//     soft hyphen, zero-width space/joiner, bidi controls, variation selectors;
//   - German folding after that: ä→ae, ö→oe, ü→ue (ß is already "ss");
//   - typographic apostrophes and hyphens become ASCII ' and -;
//   - gender forms are reduced: "(m/w/d)", "(all genders)", "m/f/d" vanish, and "Entwickler:in",
//     "Entwickler*innen", "Entwickler_innen", "Mitarbeiter/-innen", "Kolleg(inn)en",
//     "Entwickler(in)", "EntwicklerInnen" and "Angestellte/r" keep only the base word;
//   - invalid UTF-8 becomes U+FFFD, one per bad byte.
//
// ASCII text takes a table-driven fast path; ICU is called only for segments that contain
// non-ASCII characters, and the result is the same as calling ICU on the whole text, except that
// a run of more than 31 combining marks is cut into pieces normalized on their own (as in
// Unicode's stream-safe format), which keeps hostile input linear.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "text/source_map.h"

namespace jobmatch {

struct Normalized {
  std::string text;
  // Where each byte of text came from: src(i) is the byte offset in the input where the
  // character that produced text[i] starts; src(text.size()) == input.size(). Non-decreasing.
  SourceMap map;

  uint32_t src(size_t i) const { return map.at(text, i); }
  // The first offset in text whose character comes from input offset in or later.
  size_t text_offset(uint32_t in) const { return map.first_at_or_after(text, in); }
};

// Normalizes input into *out, reusing its buffers. Inputs must be smaller than 4 GiB.
void normalize(std::string_view input, Normalized* out);

// The normalized text alone (for patterns, titles, tests).
std::string normalize_text(std::string_view input);

// The reference path: the same transformation with every character sent through ICU (no ASCII
// fast path, no cache). Used by tests to prove the fast path identical.
void normalize_reference(std::string_view input, Normalized* out);

}  // namespace jobmatch
