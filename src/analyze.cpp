#include "analyze.h"

#include <algorithm>

#include "lang.h"
#include "text_util.h"

namespace jobmatch {

std::string extract_title(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(start, end - start));
    while (!line.empty() && (line.front() == '#' || line.front() == '*')) line.remove_prefix(1);
    while (!line.empty() && line.back() == '*') line.remove_suffix(1);
    line = trim(line);
    if (!line.empty()) return sanitize_utf8(utf8_prefix(line, 200));
    start = end + 1;
  }
  return "";
}

Result Analyzer::analyze(const Input& input, bool keep_text) {
  Result r;
  r.id = input.id;
  if (input.error) {
    r.error = input.error;
    return r;
  }
  Decoded decoded;
  decode(input.bytes, &decoded);
  if (decoded.error) {
    r.error = decoded.error;
    return r;
  }
  const std::string_view text = decoded.text;
  r.encoding = decoded.encoding;
  r.warnings = decoded.warnings;
  r.title = input.title ? sanitize_utf8(utf8_prefix(trim(*input.title), 200)) : extract_title(text);

  normalize(text, &m_norm);
  tokenize(m_norm, &m_tokens);
  r.lang = std::string(detect_language(m_tokens));
  m_engine.matcher().match(m_tokens, &m_matches);
  ScoreCard card = m_engine.scorer().score(m_matches);

  r.score = card.score;
  r.coverage = std::move(card.coverage);
  r.missing = std::move(card.missing);
  r.missing_must = std::move(card.missing_must);
  // Evidence: token-text spans → decoded-text offsets → input offsets, with line numbers.
  std::vector<uint32_t> newlines;
  if (!card.matched.empty())
    for (size_t p = text.find('\n'); p != std::string_view::npos; p = text.find('\n', p + 1))
      newlines.push_back(static_cast<uint32_t>(p));
  for (ScoredConcept& sc : card.matched) {
    MatchedConcept mc{sc.concept_index, sc.section, sc.weight, sc.must, {}};
    for (const TextSpan& s : sc.spans) {
      Evidence e;
      e.text_begin = m_tokens.input_begin(s.begin);
      e.text_end = m_tokens.input_end(s.end);
      e.line = static_cast<uint32_t>(
          std::upper_bound(newlines.begin(), newlines.end(), e.text_begin) - newlines.begin() + 1);
      e.start = decoded.to_input(e.text_begin);
      e.end = decoded.to_input(e.text_end);
      e.text = sanitize_utf8(text.substr(e.text_begin, e.text_end - e.text_begin));
      mc.spans.push_back(std::move(e));
    }
    r.matched.push_back(std::move(mc));
  }
  if (keep_text) r.text = std::string(text);
  return r;
}

}  // namespace jobmatch
