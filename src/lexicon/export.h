// Exporting the lexicon's patterns to other tools: `jobmatch lexicon export --format rg` turns
// every strong and weak pattern of the profile's concepts into a ripgrep (Rust regex) pattern
// over raw text, for comparing jobmatch with `rg -i --count-matches -f PATTERNS` (scripts/bench).
//
// Our patterns read the normalized token stream (" tok tok ", lexicons/README.md); ripgrep reads
// the raw file. The translation keeps the meaning as far as raw text allows:
//   - a space between words (one token boundary) becomes \W+ (any run of non-word characters:
//     normalization drops punctuation between tokens, so "machine, learning" meets too);
//   - '*' (a run of word characters within a word) becomes \w*;
//   - the boundaries around a pattern become ASCII word-boundary assertions, (?-u:\b) next to
//     an ASCII word character and (?-u:\B) next to anything else ("c++", ".net", "é"), so the
//     regex stays inside the lazy DFA of Rust's regex crate (a Unicode \b makes it fall back
//     to a far slower engine on non-ASCII text, which would handicap ripgrep);
//   - umlaut folding: where the normalized pattern has "ae", "oe", "ue" or "ss" made from one
//     "ä", "ö", "ü" or "ß" of the pattern as written, both spellings are emitted:
//     "Fähigkeit" → f(?:ae|ä)higkeit, which -i extends to "Fähigkeit", "FAEHIGKEIT";
//   - literal characters are escaped for Rust regex;
//   - `re:` patterns (RE2 over the token stream) are rewritten: a literal space and a class of
//     boundaries like [ /.'-] become \W+, a negated class holding the space ([^ ], "a token
//     character") becomes [\w\-/.'&+#] minus the other excluded characters, named groups become
//     plain groups, every "ae"/"oe"/"ue"/"ss" of a literal run gets its umlaut alternative
//     (re: patterns are written folded), escapes RE2 allows but Rust rejects are unescaped.
// What raw text cannot say is lost: `weak` patterns are exported without their `near` context,
// `not` patterns not at all, gender forms and other normalizations are not modelled. The export
// is for throughput comparisons; the counts are an approximation of jobmatch's evidence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/expected.h"
#include "lexicon/lexicon.h"

namespace jobmatch {

// Translates one pattern as written in a lexicon file (a plain pattern, or "re:..." RE2) into a
// Rust regex for ripgrep over raw text, boundaries included. An error if the pattern uses RE2
// syntax Rust cannot express (\C, back-references to octal escapes).
Expected<std::string> pattern_to_rg(std::string_view pattern);

struct ExportedPattern {
  size_t concept_index = 0;  // index into Lexicon::concepts
  bool weak = false;         // a `weak` pattern (exported without its `near` context)
  std::string source;        // as written in the lexicon
  std::string rg;            // the ripgrep pattern; empty if it could not be translated
  std::string error;         // why not, if rg is empty
};

// The strong and weak patterns of the given concepts (lexicon order within a concept, concepts in
// the order given), each translated.
std::vector<ExportedPattern> export_patterns(const Lexicon& lexicon,
                                             const std::vector<size_t>& concepts);

}  // namespace jobmatch
