// The result record of one input: what every report writer formats. Plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "input/decode.h"
#include "input/input.h"
#include "score/evidence.h"

namespace jobmatch {

struct Evidence {
  // Byte offsets into the original input; for a PDF or DOCX (Result::extracted) into the text
  // extracted from it, the same as text_begin/text_end.
  uint32_t start = 0, end = 0;
  uint32_t line = 0;            // 1-based line of start
  uint32_t col = 0;             // 1-based column of start: bytes into its line of the decoded UTF-8
                                // text (of the file itself, for a UTF-8 file)
  uint32_t page = 0;            // 1-based page of a PDF; 0 for other inputs
  std::string text;             // the matched text, valid UTF-8
  Zone zone = Zone::kIntro;     // the heading it stands under
  Strength cue = Strength::kPlain;  // must / nice to have / negated
  double factor = 1;            // how much it counts, 0..1
  // Offsets into Result::text (the decoded text), for explain.
  uint32_t text_begin = 0, text_end = 0;
};

struct MatchedConcept {
  size_t concept_index = 0;  // index into Lexicon::concepts
  size_t section = 0;  // index into Profile::sections
  double weight = 0;
  bool must = false;
  double strength = 0;  // 0..1, from the spans' factors
  size_t span_count = 0;  // matches found (the matcher keeps 4,096 per group, match/found.h); spans: the first 64
  std::vector<Evidence> spans;
};

// Result::role when the posting reads as none of the roles: the best score is below kMinRoleScore
// (a barista's ad is no ML engineer's, nor a data engineer's).
constexpr int kNoRole = -2;
constexpr double kMinRoleScore = 10;

struct Result {
  std::string id;
  std::vector<KeptField> kept;      // the input's --keep-field values (Input::kept)
  std::optional<InputError> error;  // set: the input was not scored
  std::string lang;                 // "de", "en", "und"
  std::string title;
  // Where the title's lines end in text (the body starts): 0 when the title is not part of the
  // text (a JSON title field, an HTML <title>).
  uint32_t title_end = 0;
  std::string encoding;
  bool extracted = false;  // a PDF or DOCX: evidence offsets are into the extracted text
  std::vector<std::string> warnings;
  double score = 0;
  std::vector<double> coverage;  // per profile section
  // With roles (Engine::roles): the profile's own score before the contrast, each role's score
  // (in Engine::roles order), the best-fitting of them all (-1: the profile itself, else an
  // index into Engine::roles; kNoRole when none scores kMinRoleScore) and the profile's margin
  // over the best role (negative: behind it).
  double profile_score = 0;
  std::vector<double> role_scores;
  int role = -1;
  double role_margin = 0;
  std::vector<size_t> role_concepts;  // a role it reads as: the role's strongest concepts, for explain
  int contrast_role = -1;             // the best-scoring contrast role (index into Engine::roles)
  double before_floor = -1;           // the score the profile's floor raised (-1: it raised none)
  double title_score = -1;             // the title's value; -1 if titles did not count
  std::vector<size_t> title_concepts;  // title concepts named in the title (or the stated role)
  // When the title names no role (or is not counted): the role the text states (evidence.h:
  // stated_role_phrases) that names one, which then counts as the title; else empty.
  std::string stated_role;
  std::vector<MatchedConcept> matched;  // strength > 0, profile order
  std::vector<MatchedConcept> ignored;  // found, but every span counted 0 (negated, ignored title)
  std::vector<size_t> missing;       // concept indexes
  std::vector<size_t> missing_must;  // concept indexes
  std::string text;      // the decoded text, kept only when asked for (explain)
  std::string rendered;  // the record as its writer renders it, when rendered by a worker
};

}  // namespace jobmatch
