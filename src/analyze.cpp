#include "analyze.h"

#include <algorithm>

#include "html.h"
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

size_t body_offset(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) return text.size();
    if (!trim(text.substr(start, end - start)).empty()) return end + 1;
    start = end + 1;
  }
  return text.size();
}

Result Analyzer::analyze(const Input& input, const AnalyzeOptions& options) {
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
  r.encoding = decoded.encoding;
  r.warnings = decoded.warnings;
  // The text the pipeline reads: the decoded text, or what an HTML page says.
  std::string_view text = decoded.text;
  const bool html = input.html || looks_like_html(text);
  if (html) {
    html_to_text(text, &m_html);
    text = m_html.text;
    r.encoding += "+html";
  }
  auto to_decoded = [&](uint32_t i) { return html ? m_html.src[i] : i; };
  if (input.title) r.title = sanitize_utf8(utf8_prefix(trim(*input.title), 200));
  else if (html && !m_html.title.empty()) r.title = sanitize_utf8(utf8_prefix(m_html.title, 200));
  else r.title = extract_title(text);

  normalize(text, &m_norm);
  tokenize(m_norm, &m_tokens);
  r.lang = std::string(detect_language(m_tokens));
  m_engine.matcher().match(m_tokens, &m_matches);
  ScoreCard card = m_engine.scorer().score(m_matches);

  r.score = card.score;
  r.coverage = std::move(card.coverage);
  r.missing = std::move(card.missing);
  r.missing_must = std::move(card.missing_must);
  // Evidence: token-text spans → text offsets → decoded offsets → input offsets. Lines count in
  // the decoded input, so they are lines of the file the user has.
  std::vector<uint32_t> newlines;
  if (!card.matched.empty())
    for (size_t p = decoded.text.find('\n'); p != std::string_view::npos; p = decoded.text.find('\n', p + 1))
      newlines.push_back(static_cast<uint32_t>(p));
  for (ScoredConcept& sc : card.matched) {
    MatchedConcept mc{sc.concept_index, sc.section, sc.weight, sc.must, {}};
    for (const TextSpan& s : sc.spans) {
      Evidence e;
      e.text_begin = m_tokens.input_begin(s.begin);
      e.text_end = m_tokens.input_end(s.end);
      const uint32_t d_begin = to_decoded(e.text_begin);
      uint32_t d_end = to_decoded(e.text_end);
      if (html && e.text_end > e.text_begin) {
        // End right after the span's last character when it stands in the HTML as itself, not
        // at the next text node (which may lie behind a closing tag).
        uint32_t k = e.text_end - 1;
        while (k > e.text_begin && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        const std::string_view last = text.substr(k, e.text_end - k);
        if (decoded.text.substr(m_html.src[k], last.size()) == last)
          d_end = m_html.src[k] + static_cast<uint32_t>(last.size());
      }
      e.line = static_cast<uint32_t>(
          std::upper_bound(newlines.begin(), newlines.end(), d_begin) - newlines.begin() + 1);
      e.start = decoded.to_input(d_begin);
      e.end = decoded.to_input(std::max(d_begin, d_end));
      e.text = sanitize_utf8(text.substr(e.text_begin, e.text_end - e.text_begin));
      mc.spans.push_back(std::move(e));
    }
    r.matched.push_back(std::move(mc));
  }
  if (options.keep_text) r.text = std::string(text);
  return r;
}

}  // namespace jobmatch
