// Report writers: one per output format, all over the same Result records. The pipeline never
// formats; writers never compute.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "lexicon/engine.h"
#include "report/escape.h"
#include "report/output.h"
#include "pipeline/result.h"

namespace jobmatch {

enum class Format { kTable, kTsv, kCsv, kJsonl, kJson };

// Parses "table", "tsv", "csv", "jsonl", "json".
bool parse_format(std::string_view name, Format* out);

struct ReportOptions {
  bool color = false;       // ANSI colour (table and explain only)
  size_t width = 120;       // terminal width for table
  size_t table_block = 4u << 20;  // bytes of rows the table keeps before it sorts them into a run
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
};

std::unique_ptr<Writer> make_writer(Format format, Output& out, const Engine& engine,
                                    const ReportOptions& options);

// Shared helpers for writers (display_id, safe_cell and the other escaping: report/escape.h).
// The score as printed: one decimal.
std::string format_score(double score);

std::unique_ptr<Writer> make_table_writer(Output& out, const Engine& engine, const ReportOptions& o);
std::unique_ptr<Writer> make_delimited_writer(Output& out, const Engine& engine, char sep);
std::unique_ptr<Writer> make_json_writer(Output& out, const Engine& engine, bool lines);

}  // namespace jobmatch
