// `jobmatch explain`: one posting's score broken down for a person: section coverage, every
// matched concept with its evidence highlighted in the line it came from, and what is missing.
#pragma once

#include <string>

#include "lexicon/engine.h"
#include "pipeline/result.h"

namespace jobmatch {

// r must have been analyzed with keep_text. Everything from the document is escaped.
std::string render_explain(const Result& r, const Engine& engine, bool color);

// The same explanation as one JSON object on one line (no trailing newline; schema in README.md,
// "explain --format json"): the score and what made it (title, role contrast, must-have
// penalty), each section's coverage, weight and need, every matched concept with all its kept
// spans (offsets, line, col, zone, cue, factor), what was found but not counted, and what is
// missing, per section. An error record is {"id", "error": {"kind", "message"}}, as in `score`.
// Strings are exact JSON, the display policy's characters as \u escapes (report/escape.h).
std::string render_explain_json(const Result& r, const Engine& engine);

}  // namespace jobmatch
