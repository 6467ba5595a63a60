// Report writers: one per output format, all over the same Result records. The pipeline never
// formats; writers never compute.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/engine.h"
#include "report/escape.h"
#include "report/output.h"
#include "pipeline/result.h"

namespace jobmatch {

enum class Format { kTable, kTsv, kCsv, kJsonl, kJson };

// Parses "table", "tsv", "csv", "jsonl", "json".
bool parse_format(std::string_view name, Format* out);

// The order records are written in (score --sort): highest score first (error records last),
// by id (bytewise), or input order; ties in input order.
enum class SortOrder { kScore, kId, kInput };

// Parses "score", "id", "input".
bool parse_sort(std::string_view name, SortOrder* out);

// The record's top-level fields in the record's order (record.schema.json), "fields" (the
// --keep-field values) last: the names --fields takes.
inline constexpr std::array<std::string_view, 16> kRecordFieldNames = {
    "id",      "score",   "lang",         "title", "encoding",    "warnings",    "sections", "title_match",
    "matched", "missing", "missing_must", "role",  "role_margin", "role_scores", "error",    "fields"};

struct ReportOptions {
  bool color = false;       // ANSI colour (table and explain only)
  bool footer = true;         // the table's footer, written to standard error (not with --quiet)
  bool footer_color = false;  // in colour
  size_t width = 120;       // terminal width for table
  size_t table_block = 4u << 20;  // bytes of rows the table keeps before it sorts them into a run
  SortOrder sort = SortOrder::kScore;  // the table's order (the streaming formats write as given)
  uint64_t top = UINT64_MAX;           // the table lists at most this many rows
  bool header = true;                  // tsv, csv and table: the header line
  // tsv, csv, jsonl, json: the fields written (kRecordFieldNames, or a --keep-field name);
  // empty: the default set. TSV and CSV write them as columns in this order, JSON in the
  // record's order.
  std::vector<std::string> fields;
  // --keep-field: the input record's fields copied into the output record (Result::kept).
  std::vector<std::string> keep_fields;
};

class Writer {
 public:
  virtual ~Writer() = default;
  // The record's text in this format (for the table, which lays out the whole batch at the
  // end, its row in the writer's own compact form). Pure and thread-safe, so workers can render
  // while the writer writes.
  virtual std::string render(const Result& r) const = 0;
  // Called once per input, in input order, with what render() returned for it.
  virtual void write(const Result& r, std::string&& rendered) = 0;
  // True if write() reads nothing of r but what render() made of it: the caller may then drop
  // the rest of the result (in the thread that built it) before it waits for its turn.
  virtual bool writes_rendered_only() const { return false; }
  void write(const Result& r) { write(r, render(r)); }
  // Called once after the last input.
  virtual void finish() = 0;
  // Before finish: how many scored postings a shortlist (report/shortlist.h) left out, for a
  // writer that says so (the table's footer).
  virtual void set_left_out(uint64_t /*postings*/) {}
};

std::unique_ptr<Writer> make_writer(Format format, Output& out, const Engine& engine,
                                    const ReportOptions& options);

// Shared helpers for writers (display_id, safe_cell and the other escaping: report/escape.h).
// The score as printed: one decimal.
std::string format_score(double score);

std::unique_ptr<Writer> make_table_writer(Output& out, const Engine& engine, const ReportOptions& o);
std::unique_ptr<Writer> make_delimited_writer(Output& out, const Engine& engine, char sep, const ReportOptions& o = {});
std::unique_ptr<Writer> make_json_writer(Output& out, const Engine& engine, bool lines, const ReportOptions& o = {});

}  // namespace jobmatch
