// `jobmatch stats`: a summary of a batch. How often each profile concept occurs, the score
// distribution, and the capitalised terms the lexicon does not know, the most frequent first:
// candidates for new lexicon entries ("Snowflake", "dbt Cloud", "LangChain").
//
// Candidate terms come from the original text: a word that starts with an upper-case letter,
// is not a stop word, and is not covered by a match of any lexicon concept (the whole lexicon,
// not only the profile's concepts, is run over the document, and each candidate is run through
// the matcher alone too, and a word of a lexicon pattern, such as "Engineer" of "machine learning
// engineer", is left out as part of a known phrase). A plain capitalised word (upper case, then lower case only) counts
// only where capitals mean something: in English text and not at the start of a sentence, line
// or list item. German capitalises every noun, so in German text only words with a further
// capital or a digit count ("PyTorch", "AWS", "S3").
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/expected.h"
#include "lexicon/engine.h"
#include "pipeline/result.h"

namespace jobmatch {

// The candidate terms of one document's text, each once, in first-seen order; offsets of
// text covered by a lexicon match are skipped. Thread-safe (matcher may be shared).
std::vector<std::string> capitalised_terms(std::string_view text, std::string_view lang, const Matcher* matcher);

class BatchStats {
 public:
  // The stats of a batch scored by engine; an error if the matcher over the whole lexicon does
  // not build (Matcher::build).
  static Expected<std::unique_ptr<BatchStats>> make(const Engine& engine);
  ~BatchStats();

  // A matcher over every concept of the lexicon, for capitalised_terms. Thread-safe.
  const Matcher& full_matcher() const { return *m_full; }

  // One posting (in input order) and its candidate terms.
  void add(const Result& r, const std::vector<std::string>& terms);

  std::string render_text(size_t top) const;
  std::string render_json(size_t top) const;

 private:
  struct TermCount {
    size_t postings = 0;
    std::string example;  // id of the first posting it was seen in
  };
  // The top unknown terms: by postings, then alphabetically; each checked alone against the
  // lexicon.
  std::vector<std::pair<std::string, const TermCount*>> unknown_terms(size_t top) const;

  // Whether a term is a word of a lexicon pattern ("Engineer" of "machine learning engineer",
  // "Lern" of "lern*"): part of a known phrase, not a new entry on its own.
  bool in_lexicon_vocabulary(const std::string& term) const;

  BatchStats(const Engine& engine, std::unique_ptr<Matcher> full);

  const Engine& m_engine;
  std::unique_ptr<Matcher> m_full;
  std::unordered_set<std::string> m_vocabulary;   // normalized words of strong and weak patterns
  std::vector<std::string> m_vocabulary_prefixes;  // of patterns' word* forms
  size_t m_inputs = 0, m_errors = 0;
  std::map<std::string, size_t> m_error_kinds;
  std::map<std::string, size_t> m_langs;
  std::vector<double> m_scores;
  std::vector<size_t> m_concept_postings;  // per lexicon concept: postings with counted evidence
  std::vector<size_t> m_concept_negated;   // per lexicon concept: found, but never counted
  std::unordered_map<std::string, TermCount> m_terms;
};

}  // namespace jobmatch
