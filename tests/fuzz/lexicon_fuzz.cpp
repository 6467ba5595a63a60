// The lexicon and profile parsers: the first byte picks which one reads the rest. Any text gives
// either diagnostics that point into it (file:line:col) or a lexicon/profile that compiles and
// matches.
#include <string>

#include "lexicon/datafile.h"
#include "lexicon/engine.h"
#include "fuzz_check.h"
#include "lexicon/lexicon.h"
#include "match/match.h"
#include "text/normalize.h"
#include "lexicon/profile.h"
#include "text/text_util.h"
#include "text/tokenize.h"

using namespace jobmatch;

namespace {

const Lexicon& embedded_lexicon() {
  static const Lexicon lex = [] {
    Lexicon l;
    FUZZ_CHECK(parse_lexicon(load_data_files("")->lexicons, &l).ok());
    return l;
  }();
  return lex;
}

void check_diagnostics(const SourceFile& file, const std::vector<Diagnostic>& diags) {
  size_t lines = 1;
  for (const char c : file.text) lines += c == '\n';
  for (const Diagnostic& d : diags) {
    FUZZ_CHECK(d.file == file.name);
    FUZZ_CHECK(!d.message.empty());
    FUZZ_CHECK(d.line <= lines);
    if (d.line > 0) FUZZ_CHECK(d.col >= 1 && d.col <= d.line_text.size() + 1);
    const std::string text = format_diagnostic(d);
    FUZZ_CHECK(text.starts_with(file.name + ":"));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  if (size == 0) return 0;
  const bool profile_mode = data[0] & 1;
  SourceFile file{profile_mode ? "fuzz.profile" : "fuzz.lex", std::string(fuzz::as_view(data + 1, size - 1))};
  if (profile_mode) {
    Profile profile;
    const Status parsed = parse_profile(file, embedded_lexicon(), &profile);
    if (!parsed.ok()) check_diagnostics(file, parsed.error().diagnostics);
    if (parsed.ok()) {
      for (const Section& s : profile.sections) {
        FUZZ_CHECK(s.weight > 0);
        for (const ProfileConcept& c : s.concepts) FUZZ_CHECK(c.concept_index < embedded_lexicon().concepts.size());
      }
    }
    return 0;
  }
  Lexicon lex;
  if (const Status parsed = parse_lexicon({file}, &lex); !parsed.ok()) {
    check_diagnostics(file, parsed.error().diagnostics);
    return 0;
  }
  const auto built = Matcher::build(lex, {});
  if (!built.ok()) return 0;  // RE2 out of memory: reported, not a crash
  const auto& matcher = *built;
  // Every pattern may be matched against its own source text.
  std::vector<ConceptMatch> found;
  for (const Concept& c : lex.concepts)
    for (const Pattern& p : c.strong) {
      Normalized norm;
      normalize(p.source, &norm);
      TokenStream ts;
      tokenize(norm, &ts);
      matcher->match(ts, &found);
      for (const ConceptMatch& m : found) {
        FUZZ_CHECK(m.concept_index < lex.concepts.size());
        for (const TextSpan& s : m.spans) FUZZ_CHECK(s.begin <= s.end && s.end <= ts.text.size());
      }
    }
  return 0;
}
