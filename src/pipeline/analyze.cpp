#include "pipeline/analyze.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <new>
#include <span>
#include <stdexcept>
#include <utility>

#include "pipeline/deadline.h"
#include "input/html.h"
#include "input/pdf_process.h"
#include "text/lang.h"
#include "text/simd.h"
#include "text/text_util.h"

namespace jobmatch {

namespace {
constexpr size_t kMaxSpans = 64;  // evidence kept per concept
// The most text a DOCX's parts may inflate to: a posting is far smaller, a ZIP bomb is not.
constexpr size_t kMaxExtractedBytes = 64u << 20;
}  // namespace

std::string extract_title(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(start, end - start));
    while (!line.empty() && (line.front() == '#' || line.front() == '*')) line.remove_prefix(1);
    while (!line.empty() && line.back() == '*') line.remove_suffix(1);
    line = trim(line);
    if (!line.empty()) return std::string(utf8_prefix(sanitize_utf8(line.substr(0, 800)), 200));
    start = end + 1;
  }
  return "";
}

namespace {

// Where the lines holding title end in text (after their '\n'), if text starts with title, white
// space of any kind and amount (a line break where a long heading wraps) matching any other and
// the title ending a line; else 0.
size_t title_lines_end(std::string_view text, std::string_view title) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  title = trim(title);
  if (title.empty()) return 0;
  size_t i = 0, j = 0;
  while (i < text.size() && space(text[i])) ++i;
  while (j < title.size()) {
    if (space(title[j])) {
      while (j < title.size() && space(title[j])) ++j;
      if (i >= text.size() || !space(text[i])) return 0;
      while (i < text.size() && space(text[i])) ++i;
    } else if (i < text.size() && text[i] == title[j]) {
      ++i, ++j;
    } else {
      return 0;
    }
  }
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i == text.size()) return i;
  return text[i] == '\n' ? i + 1 : 0;
}

}  // namespace

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

std::vector<size_t> Analyzer::title_concepts(std::string_view title) {
  std::vector<size_t> out;
  if (title.empty() || !m_engine.titles_count()) return out;
  normalize(title, &m_title_norm);
  tokenize(m_title_norm, &m_title_tokens);
  m_engine.matcher().match(m_title_tokens, &m_title_matches);
  for (const ConceptMatch& m : m_title_matches) out.push_back(m.concept_index);
  return out;
}

double default_max_seconds(size_t bytes) { return 2.0 + 2.0 * static_cast<double>(bytes) / 1e6; }

Result Analyzer::analyze(const Input& input, const AnalyzeOptions& options) {
  const double seconds = options.max_seconds < 0 ? default_max_seconds(input.bytes.size()) : options.max_seconds;
  enum class Fault { kMemory, kTime, kOther } fault;
  std::string what;
  {
    const DeadlineScope deadline(seconds);
    try {
      Result r = run_stages(input, options);
      // A posting far larger than most leaves buffers sized for it: give them back.
      if (input.bytes.size() > kReleaseAfterBytes) release();
      return r;
    } catch (const std::bad_alloc&) {
      fault = Fault::kMemory;
    } catch (const DeadlineExceeded&) {
      fault = Fault::kTime;
    } catch (const std::exception& e) {
      fault = Fault::kOther;
      what = e.what();
    } catch (...) {
      fault = Fault::kOther;
      what = "an exception of unknown type";
    }
  }
  // The buffers go first: the record below needs memory too.
  release();
  Result r;
  r.id = input.id;
  r.kept = input.kept;
  const std::string size = std::to_string(input.bytes.size()) + " bytes";
  switch (fault) {
    case Fault::kMemory:
      r.error = InputError{"resource", "out of memory while scoring this posting (" + size + ")"};
      break;
    case Fault::kTime: {
      char limit[32];
      std::snprintf(limit, sizeof limit, "%.3g", seconds);
      r.error = InputError{"timeout", "took longer than " + std::string(limit) + " s to score (" + size +
                                          "; --max-seconds sets the limit)"};
      break;
    }
    case Fault::kOther:
      r.error = InputError{"internal", "internal error while scoring this posting: " + what};
      break;
  }
  return r;
}

namespace {
// Frees x's buffers. (x = T{} would not: a std::string move-assigned a short string copies it
// into the buffer it has, however large.)
template <class T>
void free_buffers(T& x) {
  const T gone = std::exchange(x, T{});
}
}  // namespace

void Analyzer::release() {
  free_buffers(m_html);
  free_buffers(m_md);
  free_buffers(m_doc);
  free_buffers(m_norm);
  free_buffers(m_tokens);
  free_buffers(m_matches);
  free_buffers(m_zones);
  free_buffers(m_newlines);
  free_buffers(m_found_first);
  free_buffers(m_found_next);
  free_buffers(m_title_norm);
  free_buffers(m_title_tokens);
  free_buffers(m_title_matches);
  Matcher::release_scratch();
}

Result Analyzer::run_stages(const Input& input, const AnalyzeOptions& options) {
  Result r;
  r.id = input.id;
  r.kept = input.kept;
  if (input.error) {
    r.error = input.error;
    return r;
  }
  // A PDF or DOCX is turned into text first; its evidence then points into that text.
  std::string_view bytes = input.bytes;
  const bool office = input.format == DocFormat::kPdf || input.format == DocFormat::kDocx;
  if (office) {
    if (input.format == DocFormat::kPdf) read_pdf(input.bytes, &m_doc);
    else extract_docx(input.bytes, kMaxExtractedBytes, &m_doc);
    if (m_doc.error) {
      r.error = m_doc.error;
      return r;
    }
    bytes = m_doc.text;
    r.extracted = true;
  }
  check_deadline();
  Decoded decoded;
  decode(bytes, &decoded);
  if (decoded.error) {
    r.error = decoded.error;
    return r;
  }
  r.encoding = office ? (input.format == DocFormat::kPdf ? "pdf" : "docx") : decoded.encoding;
  r.warnings = decoded.warnings;
  // The text the pipeline reads: the decoded text, or what an HTML page or a Markdown document
  // says, with src mapping each of its bytes to the decoded text.
  std::string_view text = decoded.text;
  const bool html = input.format == DocFormat::kHtml || (input.format == DocFormat::kText && looks_like_html(text));
  const bool markdown = input.format == DocFormat::kMarkdown;
  const SourceMap* src = nullptr;
  std::string_view own_title;  // the document's own title, apart from its text: HTML <title>
  if (html) {
    html_to_text(text, &m_html);
    text = m_html.text;
    src = &m_html.map;
    own_title = m_html.title;
    r.encoding += "+html";
  } else if (markdown) {
    markdown_to_text(text, &m_md);
    text = m_md.text;
    src = &m_md.map;  // a front matter title is the text's first line
    r.encoding += "+markdown";
  }
  auto to_decoded = [&](uint32_t i) { return src ? src->at(text, i) : i; };
  // The title: a JSON title field, the document's own, else the first line, which is then part
  // of the text as its title zone.
  size_t title_end = 0;
  if (input.title) {
    r.title = std::string(utf8_prefix(sanitize_utf8(trim(*input.title).substr(0, 800)), 200));
  } else if (!own_title.empty()) {
    r.title = std::string(utf8_prefix(sanitize_utf8(own_title.substr(0, 800)), 200));
  } else {
    r.title = extract_title(text);
    title_end = body_offset(text);
    // A PDF or DOCX states its title (document information, core properties): when the text
    // starts with it, it is the title, on as many lines as it takes (a long heading wraps in a
    // PDF, whose first line is then only part of it). A title the text does not start with
    // ("Microsoft Word - Dokument1") is left alone.
    if (office) {
      const size_t end = title_lines_end(text, m_doc.title);
      if (end > title_end) {
        r.title = std::string(utf8_prefix(sanitize_utf8(trim(m_doc.title).substr(0, 800)), 200));
        title_end = end;
      }
    }
  }

  r.title_end = static_cast<uint32_t>(title_end);

  check_deadline();
  normalize(text, &m_norm);
  check_deadline();
  tokenize(m_norm, &m_tokens);
  r.lang = std::string(detect_language(m_tokens));
  check_deadline();
  m_engine.matcher().match(m_tokens, &m_matches);
  check_deadline();
  const auto norm_offset = [&](uint32_t text_offset) { return m_norm.text_offset(text_offset); };
  m_zones.build(m_norm.text, title_end > 0 ? norm_offset(static_cast<uint32_t>(title_end)) : 0);

  // Evidence: every span with its zone and cue; a concept's strength is the noisy-or of its
  // spans' factors, so more mentions help a little and never beyond 1.
  std::vector<uint32_t>& newlines = m_newlines;
  newlines.clear();
  if (!m_matches.empty())
    simd::for_each_of<'\n'>(decoded.text, 0, [&](size_t p) { newlines.push_back(static_cast<uint32_t>(p)); });
  std::vector<ConceptEvidence> body;
  std::vector<MatchedConcept> found;
  body.reserve(m_matches.size());
  found.reserve(m_matches.size());
  for (const ConceptMatch& m : m_matches) {
    MatchedConcept mc;
    mc.concept_index = m.concept_index;
    double miss = 1.0;
    // A concept's strength saturates after a few mentions; a posting that repeats a word
    // thousands of times keeps its first kMaxSpans pieces of evidence and the count.
    mc.span_count = m.spans.size();
    const size_t kept = std::min(m.spans.size(), kMaxSpans);
    // A concept only the roles use (not in the record) needs its strength alone: no spans, and
    // no more evidence once the strength rounds to 1 whatever comes next (miss < 0.0005).
    const bool strength_only = !m_engine.scorer().in_sections(m.concept_index);
    if (!strength_only) mc.spans.reserve(kept);
    for (const TextSpan& s : std::span(m.spans).first(kept)) {
      if (strength_only && miss < 0.0005) break;
      Evidence e;
      e.text_begin = m_tokens.input_begin(m_norm, s.begin);
      e.text_end = m_tokens.input_end(m_norm, s.begin, s.end);
      const size_t nb = norm_offset(e.text_begin);
      e.zone = m_zones.zone_at(static_cast<uint32_t>(nb));
      if (e.zone == Zone::kTitle) {
        e.cue = Strength::kPlain;
        e.factor = options.ignore_title ? 0.0 : 1.0;
      } else {
        e.cue = strength_at(m_norm.text, nb, norm_offset(e.text_end));
        e.factor = zone_factor(e.zone) * strength_factor(e.cue);
      }
      miss *= 1.0 - e.factor;
      if (strength_only) continue;
      const uint32_t d_begin = to_decoded(e.text_begin);
      uint32_t d_end = to_decoded(e.text_end);
      if (src && e.text_end > e.text_begin) {
        // End right after the span's last character when it stands in the markup as itself, not
        // at the next text (which may lie behind a closing tag or an emphasis mark).
        uint32_t k = e.text_end - 1;
        while (k > e.text_begin && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        const std::string_view last = text.substr(k, e.text_end - k);
        if (decoded.text.substr(to_decoded(k), last.size()) == last)
          d_end = to_decoded(k) + static_cast<uint32_t>(last.size());
      }
      const size_t before = upper_bound_u32(newlines.data(), newlines.size(), d_begin);  // newlines before it
      e.line = static_cast<uint32_t>(before + 1);
      e.col = d_begin - (before == 0 ? 0 : newlines[before - 1] + 1) + 1;
      e.start = decoded.to_input(d_begin);
      e.end = decoded.to_input(std::max(d_begin, d_end));
      if (office && !m_doc.page_starts.empty()) e.page = page_of(m_doc.page_starts, e.start);
      e.text = sanitize_utf8(text.substr(e.text_begin, e.text_end - e.text_begin));
      mc.spans.push_back(std::move(e));
    }
    mc.strength = std::round((1.0 - miss) * 1000.0) / 1000.0;
    body.push_back({m.concept_index, mc.strength});
    found.push_back(std::move(mc));
  }

  // The role: what the title names, else (no title, titles not counted, or a title that names no
  // role: "Praktikum", "Job 4711") the first role the body states that names one ("we are
  // looking for a Data Scientist"), as a recruiter reading that text would take it.
  bool use_title = !options.ignore_title;
  std::vector<size_t> in_title = use_title ? title_concepts(r.title) : std::vector<size_t>{};
  if (m_engine.titles_count() && !m_engine.names_role(in_title)) {
    const size_t body_begin = title_end > 0 ? norm_offset(static_cast<uint32_t>(title_end)) : 0;
    for (const auto& [b, e] : stated_role_phrases(m_norm.text, body_begin)) {
      std::vector<size_t> named = title_concepts(std::string_view(m_norm.text).substr(b, e - b));
      if (!m_engine.names_role(named)) continue;
      in_title = std::move(named);
      use_title = true;
      r.stated_role = sanitize_utf8(text.substr(m_norm.src(b), m_norm.src(e) - m_norm.src(b)));
      break;
    }
  }
  const ScoreCard card = m_engine.scorer().score(body, in_title, use_title);
  // Weights are bounded when the profile loads, so this cannot happen; if it ever did, a NaN
  // would pass every --fail-under gate: the posting is an internal error record instead.
  if (!std::isfinite(card.score) || !std::isfinite(card.title))
    throw std::logic_error("the score is not a finite number");
  r.score = r.profile_score = card.score;
  // The neighbouring roles, scored on the same evidence; the best contrast role's lead lowers
  // the score (score.h).
  double best_role = -1, best_contrast = -1;
  r.role_scores.reserve(m_engine.roles().size());
  for (size_t k = 0; k < m_engine.roles().size(); ++k) {
    const Engine::Role& role = m_engine.roles()[k];
    const double rs = role.scorer->score_value(body, in_title, use_title);
    r.role_scores.push_back(rs);
    if (rs > best_role) best_role = rs;
    if (role.contrast && rs > best_contrast) {
      best_contrast = rs;
      r.contrast_role = static_cast<int>(k);
    }
    if (rs > card.score && (r.role < 0 || rs > r.role_scores[static_cast<size_t>(r.role)])) r.role = static_cast<int>(k);
  }
  if (!r.role_scores.empty() && std::max(card.score, best_role) < kMinRoleScore) r.role = kNoRole;
  if (r.role >= 0) {  // what makes it read as that role: its three heaviest concepts found
    // (Its card alone is built: the roles above were scored without theirs.)
    std::vector<ScoredConcept> role_matched =
        m_engine.roles()[static_cast<size_t>(r.role)].scorer->score(body, in_title, use_title).matched;
    std::stable_sort(role_matched.begin(), role_matched.end(), [](const ScoredConcept& a, const ScoredConcept& b) {
      return a.weight * a.strength > b.weight * b.strength;
    });
    for (size_t k = 0; k < role_matched.size() && k < 3; ++k) r.role_concepts.push_back(role_matched[k].concept_index);
  }
  if (!r.role_scores.empty()) r.role_margin = std::round((card.score - best_role) * 10.0) / 10.0;
  if (best_contrast >= 0) r.score = contrasted_score(card.score, best_contrast, m_engine.profile().contrast_weight);
  if (const int f = m_engine.floor_role(); f >= 0) {
    const double kept = floor_score(m_engine.profile().floor, r.role_scores[static_cast<size_t>(f)]);
    if (kept > r.score) r.before_floor = std::exchange(r.score, kept);
  }
  r.coverage = card.coverage;
  r.missing = card.missing;
  r.missing_must = card.missing_must;
  r.title_score = card.title;
  r.title_concepts = card.title_concepts;
  // Found concepts in profile order: counted ones as matched, zero-strength ones as ignored.
  // found by concept: first[c] its first entry for concept c, next[k] the one after found[k]
  // (-1: none), so neither list is read once per concept of the other.
  std::vector<int32_t>& first = m_found_first;
  std::vector<int32_t>& next = m_found_next;
  next.assign(found.size(), -1);
  for (size_t k = found.size(); k-- > 0;) {
    const size_t c = found[k].concept_index;
    if (c >= first.size()) first.resize(c + 1, -1);
    next[k] = std::exchange(first[c], static_cast<int32_t>(k));
  }
  const auto each_found = [&](size_t c, auto&& f) {
    if (c < first.size())
      for (int32_t k = first[c]; k >= 0; k = next[static_cast<size_t>(k)]) f(found[static_cast<size_t>(k)]);
  };
  r.matched.reserve(card.matched.size());
  for (const ScoredConcept& sc : card.matched)
    each_found(sc.concept_index, [&](MatchedConcept& mc) {
      mc.section = sc.section;
      mc.weight = sc.weight;
      mc.must = sc.must;
      r.matched.push_back(std::move(mc));
    });
  for (const size_t c : card.missing)
    each_found(c, [&](MatchedConcept& mc) {
      if (!mc.spans.empty()) r.ignored.push_back(std::move(mc));
    });
  for (const MatchedConcept& mc : found) first[mc.concept_index] = -1;
  if (options.keep_text) r.text = std::string(text);
  return r;
}

}  // namespace jobmatch
