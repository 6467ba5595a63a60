// `jobmatch report`: one self-contained HTML page for a batch of postings, for a person to look
// at in a browser. No network: inline CSS and script, inline SVG charts, no fonts or images.
//
// The page has
//   - the postings ranked by score in a table rendered as HTML (readable without script): score,
//     title, language, strongest matched concepts, missing must-haves, id; the script sorts it by
//     clicking a column header and filters it by text, language and score bin;
//   - an explanation panel per posting (a row click, or the URL hash #p12 for the 12th input):
//     the text with every piece of evidence highlighted and labelled with its concept, zone, cue
//     and factor, the section coverage, the title value and what is missing;
//   - a histogram of scores and a heatmap of section coverage by posting, as inline SVG;
//   - the profile concepts the batch covers least, and the profile, lexicon hash and version.
//
// Everything from postings is escaped: HTML-escaped in markup, \u-escaped in inline JSON. The
// explanations' data (text and evidence) is packed with zlib in chunks of a few dozen postings,
// base64 in <script type="application/x-jobmatch-chunk"> elements, and unpacked by the browser
// (DecompressionStream) when a posting is opened: 2,000 postings of about 5 KB of text each make
// a page of about 5 MB that opens at once. Memory while writing: the packed chunks and one row
// summary per posting; the text of one chunk at a time.
#pragma once

#include <memory>
#include <string>

#include "lexicon/engine.h"
#include "report/output.h"
#include "report/writer.h"
#include "pipeline/result.h"

namespace jobmatch {

struct HtmlReportOptions {
  size_t max_text_bytes = 200u << 10;  // text kept per posting; longer text is cut, with a note
  size_t chunk_bytes = 256u << 10;     // explanation data packed in chunks of about this size...
  size_t chunk_postings = 64;          // ...or of at most this many postings
  std::string version = JOBMATCH_VERSION;  // shown in the footer
};

// A Writer for the page: render() (thread-safe, for the workers) turns one Result, analyzed with
// keep_text, into its explanation's data; write() takes the results in input order; finish()
// writes the whole page to out.
std::unique_ptr<Writer> make_html_report_writer(Output& out, const Engine& engine,
                                                const HtmlReportOptions& options = {});

// The page's stylesheet and script (html_assets.cpp).
extern const char* const kHtmlReportCss;
extern const char* const kHtmlReportJs;

}  // namespace jobmatch
