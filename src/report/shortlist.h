// A shortlist (score --top, --min-score, --lang, --sort): what stands between the run's records,
// in input order, and a writer. It leaves out postings below the floor or in another language,
// orders the rest and keeps the first N.
//
// Error records have no score and no language: with any of top, min_score or langs set they are
// left out of the output, and counted and named here for the caller to report on standard error
// (they still make the run exit 3); without them they are written as usual (last when ranked by
// score).
//
// Input order streams each record on as it comes. Ranking by score or id on a streaming writer
// holds the records until the end: only what the worker left of each (Result::rendered, the
// score, the id), never the texts: about as many bytes as the output; with top N only the best N
// (at most 2N at a time). Held records are written as rendered (the writer must be one that
// writes_rendered_only(), as every streaming writer is). A writer that ranks itself (the table,
// through ReportOptions::sort and top) gets every kept record in input order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/writer.h"

namespace jobmatch {

struct ShortlistOptions {
  SortOrder sort = SortOrder::kInput;
  std::optional<uint64_t> top;
  std::optional<double> min_score;  // 0..100: postings scoring at least this
  std::vector<std::string> langs;   // "de", "en", "und"; empty: any
  bool writer_ranks = false;        // the writer sorts and cuts at top itself (the table)
  // Whether error records are left out (any of top, min_score, langs).
  bool filters() const { return top || min_score || !langs.empty(); }
};

// Whether a scored posting passes min_score and langs (an error record never does).
bool passes(const Result& r, const ShortlistOptions& options);

class Shortlist {
 public:
  Shortlist(Writer& writer, ShortlistOptions options);

  // The next record, in input order, with what the writer rendered of it.
  void add(Result&& r);
  // Writes what was held, tells the writer how many postings were left out, and finishes it.
  void finish();

  // Error records left out: how many, and the ids of the first few.
  uint64_t errors_left_out() const { return m_errors_left_out; }
  const std::vector<std::string>& error_examples() const { return m_error_examples; }
  // Scored postings left out (below the floor, another language, past top).
  uint64_t postings_left_out() const { return m_postings_left_out; }

 private:
  // What a held record keeps: what the order needs and the text the writer will write.
  struct Held {
    uint64_t order;
    double score;
    bool error;
    std::string id;  // for SortOrder::kId only
    std::string rendered;
  };
  bool before(const Held& a, const Held& b) const;
  void trim();

  Writer& m_writer;
  ShortlistOptions m_o;
  bool m_hold;  // records are held to be sorted
  std::vector<Held> m_held;
  uint64_t m_count = 0, m_written = 0;
  uint64_t m_errors_left_out = 0, m_postings_left_out = 0;
  std::vector<std::string> m_error_examples;
};

}  // namespace jobmatch
