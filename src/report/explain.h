// `jobmatch explain`: one posting's score broken down for a person: section coverage, every
// matched concept with its evidence highlighted in the line it came from, and what is missing.
#pragma once

#include <string>

#include "lexicon/engine.h"
#include "pipeline/result.h"

namespace jobmatch {

// r must have been analyzed with keep_text. Everything from the document is escaped.
std::string render_explain(const Result& r, const Engine& engine, bool color);

}  // namespace jobmatch
