// One document through the whole pipeline: (PDF/DOCX to text) → decode → (HTML or Markdown to
// text) → normalize → tokenize → detect language →
// match → score, giving a Result with evidence mapped back to the input's bytes.
#pragma once

#include "lexicon/engine.h"
#include "score/evidence.h"
#include "input/html.h"
#include "input/document.h"
#include "input/markdown.h"
#include "text/normalize.h"
#include "input/read.h"
#include "pipeline/result.h"
#include "text/tokenize.h"

namespace jobmatch {

struct AnalyzeOptions {
  bool keep_text = false;     // also return the text the pipeline read (for explain)
  bool ignore_title = false;  // score the body only: no title line, no title evidence
  // The time one posting may take (--max-seconds): < 0 the default, default_max_seconds(); 0 no
  // limit.
  double max_seconds = -1;
};

// The default time limit of a posting of `bytes` bytes: 2 s plus 2 s per MB.
double default_max_seconds(size_t bytes);

// Buffers grown for a posting larger than this are freed after it (Analyzer, run_pipeline).
constexpr size_t kReleaseAfterBytes = 4u << 20;

// Per-thread: owns the buffers each stage reuses from one document to the next.
class Analyzer {
 public:
  explicit Analyzer(const Engine& engine) : m_engine(engine) {}

  // Never throws: a fault inside the posting becomes its error record, and the analyzer is
  // ready for the next one. Out of memory is kind "resource", past its time limit "timeout",
  // any other exception "internal".
  Result analyze(const Input& input, const AnalyzeOptions& options = {});

  // Frees the buffers kept for the next document (after an outlier, or a fault).
  void release();

 private:
  Result run_stages(const Input& input, const AnalyzeOptions& options);
  // Concepts named in a title (the profile's and its roles' title concepts among them).
  std::vector<size_t> title_concepts(std::string_view title);

  const Engine& m_engine;
  HtmlText m_html;
  MarkdownText m_md;
  ExtractedText m_doc;
  Normalized m_norm;
  TokenStream m_tokens;
  std::vector<ConceptMatch> m_matches;
  ZoneMap m_zones;
  std::vector<uint32_t> m_newlines;  // where the decoded text's lines end, for evidence lines
  std::vector<int32_t> m_found_first, m_found_next;  // the concepts found, by concept index
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
