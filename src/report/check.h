// `jobmatch check`: a gate for one or a few job ads before they are published (a CI step). Each
// ad must score at least the floor and name every required concept (a concept mentioned only
// negated does not count); by default the floor is kDefaultCheckFloor and the required concepts
// are the profile's must-haves (each met by any of its concepts). The verdicts are rendered for a
// person (text), for GitHub Actions (workflow-command annotations that point at the ad's file and
// line, at most kAnnotationsPerAd findings an ad and then a notice of how many more), as a
// Markdown summary (for $GITHUB_STEP_SUMMARY) or as JSON Lines (one object per ad).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lexicon/engine.h"
#include "report/escape.h"
#include "pipeline/result.h"

namespace jobmatch {

enum class CheckFormat { kText, kGithub, kMarkdown, kJson };

// The floor without --fail-under: it passes the profile's role and its closest neighbour and
// fails the rest (against ml-engineer, the ML engineer and data scientist ads of samples/ score
// 50 and more, the near misses 11 and less).
constexpr double kDefaultCheckFloor = 40;

// Annotations per ad at most; beyond that one notice says how many more findings there are
// (GitHub shows only the first annotations of a step).
constexpr size_t kAnnotationsPerAd = 3;

struct CheckSpec {
  std::optional<double> floor;         // --fail-under, else kDefaultCheckFloor
  bool default_floor = false;          // the floor is the default
  // What each ad must name: each entry is met by any of its concepts (concept indexes in the
  // profile; the first names it). --require gives one concept each; without it, the profile's
  // must-haves.
  std::vector<std::vector<size_t>> required;
  bool profile_musts = false;          // required are the profile's must-haves
};

struct CheckFinding {
  enum Kind { kBelowFloor, kMissingRequired, kNegatedRequired, kUnreadable } kind;
  size_t concept_index = 0;  // for the required-concept findings
  uint32_t line = 0;         // where it points (1-based), 0 if nowhere in particular
  std::string message;       // one line, plain text
};

struct CheckVerdict {
  std::string id;        // the ad (display form)
  bool readable = true;
  std::string error_kind;   // unreadable: the error record's kind and message
  std::string error_message;
  bool pass = true;
  double score = 0;
  std::string title;
  uint32_t title_line = 1;  // the title's line in the file, for annotations
  bool is_file = false;     // id names a file (annotations may point into it)
  std::vector<CheckFinding> findings;   // why it fails (empty when it passes)
  std::vector<size_t> missing_must;     // must-have concepts not found
  std::vector<size_t> heaviest_missing; // the profile concepts missing with the highest weight
};

// The verdict for one ad. r must have been analyzed with keep_text (for the title line);
// is_file says whether r.id is a file on disk.
CheckVerdict check_posting(const Result& r, const Engine& engine, const CheckSpec& spec, bool is_file);

std::string render_check(const std::vector<CheckVerdict>& verdicts, const Engine& engine,
                         const CheckSpec& spec, CheckFormat format, bool color);

}  // namespace jobmatch
