// The labelled postings of an eval run, collected in input order (evaluation.h), and the notes
// on the labels the command line names.
#include <algorithm>

#include "eval/evaluation.h"
#include "report/escape.h"
#include "text/tokenize.h"

namespace jobmatch {
namespace {

constexpr size_t kDriverCount = 5;  // concepts shown per worst-ranked posting

std::vector<Driver> drivers_of(const Result& r, const Lexicon& lexicon) {
  std::vector<Driver> d;
  for (const MatchedConcept& m : r.matched)
    d.push_back({lexicon.concepts[m.concept_index].id, m.weight, m.strength});
  std::sort(d.begin(), d.end(), [](const Driver& a, const Driver& b) {
    const double wa = a.weight * a.strength, wb = b.weight * b.strength;
    return wa != wb ? wa > wb : a.concept_id < b.concept_id;
  });
  if (d.size() > kDriverCount) d.resize(kDriverCount);
  return d;
}

}  // namespace

EvalCollector::EvalCollector(const EvalConfig& config, const Labels& labels, const Engine& engine)
    : m_config(config), m_labels(labels), m_engine(engine), m_bm25(article_query_terms()) {}

std::string EvalCollector::key_of(const std::string& id) const {
  return m_labels.by_id.count(id) ? id : posting_key(id);
}

void EvalCollector::in_worker(Result& r) const {
  if (r.error || !m_labels.by_id.count(key_of(r.id))) return;
  // Each worker's buffers, reused from posting to posting.
  thread_local Normalized norm;
  thread_local TokenStream tokens;
  thread_local std::vector<ConceptMatch> matches;
  // The text the baselines read: the whole posting, or with --ignore-title its body. As in the
  // analyzer, a title that is not the first line (a JSONL title field, an HTML <title>) leaves
  // the whole text as the body.
  std::string_view text = r.text;
  if (m_config.ignore_title) text.remove_prefix(r.title_end);
  normalize(text, &norm);
  tokenize(norm, &tokens);
  // keywords: every article concept the matcher finds in that text, the same way in both modes
  // (no zones, cues or negation: that is what the jobmatch score adds).
  m_engine.matcher().match(tokens, &matches);
  size_t keywords = 0;
  for (const ConceptMatch& m : matches) keywords += !m_engine.lexicon().concepts[m.concept_index].extension;
  r.rendered = std::to_string(keywords) + '\n' + tokens.text;
  std::string().swap(r.text);  // read; not kept while waiting for its turn
}

void EvalCollector::add(Result&& r) {
  ++m_out.read;
  if (r.error) {
    m_out.errors.push_back({display_id(r.id), r.error->kind, r.error->message});
    return;
  }
  const std::string key = key_of(r.id);
  const auto it = m_labels.by_id.find(key);
  if (it == m_labels.by_id.end()) {
    m_out.unlabelled.push_back(display_id(r.id));  // the record id, as every command names it
    return;
  }
  if (!m_seen.insert(key).second) {
    m_out.duplicates.push_back(display_id(r.id));
    return;
  }
  const LabelRow& row = m_labels.rows[it->second];
  const Lexicon& lexicon = m_engine.lexicon();
  Posting p;
  p.key = display_id(key);
  p.id = display_id(r.id);
  p.label = row.label;
  p.lang = row.lang.empty() ? r.lang : row.lang;
  p.title = r.title;
  p.score = r.score;
  p.drivers = drivers_of(r, lexicon);
  p.title_score = r.title_score;
  for (const size_t ci : r.title_concepts) p.title_concepts.push_back(lexicon.concepts[ci].id);
  const size_t newline = r.rendered.find('\n');  // "KEYWORDS\nTOKENS" from in_worker
  p.keywords = static_cast<double>(std::stoull(r.rendered.substr(0, newline)));
  p.title_rule = !m_config.ignore_title && title_names_ml(r.title) ? 1 : 0;
  m_bm25.add(std::string_view(r.rendered).substr(newline + 1));
  m_out.postings.push_back(std::move(p));
}

Collected EvalCollector::finish() {
  m_out.bm25 = m_bm25.scores();
  for (const LabelRow& row : m_labels.rows)
    if (!m_seen.count(row.id)) m_out.labels_without_posting.push_back(row.id);
  return std::move(m_out);
}

Expected<std::vector<std::string>> label_notes(const EvalConfig& c, const Labels& labels) {
  std::set<std::string> known;
  for (const LabelRow& row : labels.rows) known.insert(row.label);
  // A label that occurs nowhere is an error when it leaves nothing to measure, else a note.
  const std::string have = join(std::vector<std::string>(known.begin(), known.end()), ", ");
  std::vector<std::string> absent;
  for (const std::string& l : c.positive)
    if (!known.count(l)) absent.push_back(l);
  if (absent.size() == c.positive.size())
    return Error("no --positive label (" + join(c.positive, ", ") + ") is in " + c.labels_path + " (it has: " +
                 have + ")");
  if (!known.count(c.top))
    return Error("--top label '" + c.top + "' is not in " + c.labels_path + " (it has: " + have + ")");
  std::vector<std::string> notes;
  if (!absent.empty())
    notes.push_back("--positive label" + std::string(absent.size() == 1 ? " " : "s ") + join(absent, ", ") +
                    (absent.size() == 1 ? " does" : " do") + " not occur in the labels file (it has: " + have + ")");
  if (c.ignore_title)
    notes.push_back("--ignore-title: every method reads the body only; the title rule is constant 0 (AUC 0.5)");
  return notes;
}

}  // namespace jobmatch
