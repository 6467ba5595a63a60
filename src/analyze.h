// One document through the whole pipeline: decode → (HTML to text) → normalize → tokenize → detect language →
// match → score, giving a Result with evidence mapped back to the input's bytes.
#pragma once

#include "engine.h"
#include "html.h"
#include "normalize.h"
#include "read.h"
#include "result.h"
#include "tokenize.h"

namespace jobmatch {

// Per-thread: owns the buffers each stage reuses from one document to the next.
class Analyzer {
 public:
  explicit Analyzer(const Engine& engine) : m_engine(engine) {}

  // keep_text: also return the decoded text (for explain).
  Result analyze(const Input& input, bool keep_text = false);

 private:
  const Engine& m_engine;
  HtmlText m_html;
  Normalized m_norm;
  TokenStream m_tokens;
  std::vector<ConceptMatch> m_matches;
};

// The title of a posting: its first non-blank line, without markdown heading marks, at most
// 200 bytes, valid UTF-8.
std::string extract_title(std::string_view text);

}  // namespace jobmatch
