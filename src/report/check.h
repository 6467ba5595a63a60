// `jobmatch check`: a gate for one or a few job ads before they are published (a CI step). Each
// ad must score at least the floor and name every required concept (a concept mentioned only
// negated does not count). The verdicts are rendered for a person (text), for GitHub Actions
// (workflow-command annotations that point at the ad's file and line) or as a Markdown summary
// (for $GITHUB_STEP_SUMMARY).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lexicon/engine.h"
#include "report/escape.h"
#include "pipeline/result.h"

namespace jobmatch {

enum class CheckFormat { kText, kGithub, kMarkdown };

struct CheckSpec {
  std::optional<double> floor;    // --fail-under
  std::vector<size_t> required;   // concept indexes (--require), each in the profile
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
