// One document through the whole pipeline: (PDF/DOCX to text) → decode → (HTML or Markdown to
// text) → normalize → tokenize → detect language →
// match → score, giving a Result with evidence mapped back to the input's bytes.
#pragma once

#include "engine.h"
#include "evidence.h"
#include "html.h"
#include "input/document.h"
#include "input/markdown.h"
#include "normalize.h"
#include "read.h"
#include "result.h"
#include "tokenize.h"

namespace jobmatch {

struct AnalyzeOptions {
  bool keep_text = false;     // also return the text the pipeline read (for explain)
  bool ignore_title = false;  // score the body only: no title line, no title evidence
};

// Per-thread: owns the buffers each stage reuses from one document to the next.
class Analyzer {
 public:
  explicit Analyzer(const Engine& engine) : m_engine(engine) {}

  Result analyze(const Input& input, const AnalyzeOptions& options = {});

 private:
  // Profile title concepts named in a title.
  std::vector<size_t> title_concepts(std::string_view title);

  const Engine& m_engine;
  HtmlText m_html;
  MarkdownText m_md;
  ExtractedText m_doc;
  Normalized m_norm;
  TokenStream m_tokens;
  std::vector<ConceptMatch> m_matches;
  ZoneMap m_zones;
  Normalized m_title_norm;
  TokenStream m_title_tokens;
  std::vector<ConceptMatch> m_title_matches;
};

// The title of a posting: its first non-blank line, without markdown heading marks, at most
// 200 bytes, valid UTF-8.
std::string extract_title(std::string_view text);

// Where the body starts: the offset just after the first non-blank line (the title line) of a
// posting file, or text.size() if there is none.
size_t body_offset(std::string_view text);

}  // namespace jobmatch
