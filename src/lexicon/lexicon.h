// Loading and validating lexicon files (*.lex): the concepts and their surface patterns.
// The file format is specified in lexicons/README.md.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexicon/datafile.h"

namespace jobmatch {

struct Pattern {
  std::string source;  // as written in the file
  std::string regex;   // compiled fragment (pattern.h), without boundaries
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

// Parses lexicon files into *lexicon (appending; ids must be unique across files). An error with
// every diagnostic if a file has any; the lexicon is usable only if there is none.
Status parse_lexicon(const std::vector<SourceFile>& files, Lexicon* lexicon);

}  // namespace jobmatch
