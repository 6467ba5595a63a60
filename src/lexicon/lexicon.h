// Loading and validating lexicon files (*.lex): the concepts and their surface patterns.
// The file format is specified in lexicons/README.md.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexicon/datafile.h"
#include "lexicon/pattern.h"

namespace jobmatch {

struct Pattern {
  std::string source;  // as written in the file
  std::string regex;   // compiled fragment (pattern.h), without boundaries
  // A word-language pattern's words as the lexicon parsed them (parse_words); empty for a re:
  // pattern, and in a Pattern built by hand, which the matcher then parses itself.
  WordPattern words;
};

struct Concept {
  std::string id;        // "skill.python"
  std::string category;  // "skill"
  std::string label;     // "Python"
  bool extension = false;  // origin: article (false) or extension (true)
  std::vector<Pattern> strong, weak, near, exclude;
  int window = 8;
  std::string file;  // where it was defined, for diagnostics
  size_t line = 0;
};

struct Lexicon {
  std::vector<Concept> concepts;
  std::unordered_map<std::string, size_t> by_id;

  const Concept* find(std::string_view id) const;
};

// A concept of the user's lexicon files that replaces a built-in one of the same id.
struct ConceptOverride {
  std::string id;
  Diagnostic at;             // where the user's concept starts (its `concept ID` line); no message
  std::string replaced_file;  // where the replaced one was defined
  size_t replaced_line = 0;
};

// Parses lexicon files into *lexicon (appending; ids must be unique across files). An error with
// every diagnostic if a file has any; the lexicon is usable only if there is none.
// With overrides, the concepts *lexicon holds before the call are the built-in ones: a concept of
// files with one of their ids replaces it in place (same index, so a profile's reference to it
// finds the new one) and is listed in *overrides; ids must still be unique among files.
Status parse_lexicon(const std::vector<SourceFile>& files, Lexicon* lexicon,
                     std::vector<ConceptOverride>* overrides = nullptr);

// The ids of the lexicon's concepts, for hints.
std::vector<std::string_view> concept_ids(const Lexicon& lexicon);

}  // namespace jobmatch
