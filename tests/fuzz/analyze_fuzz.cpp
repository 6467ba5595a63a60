// The whole pipeline on one document (the first byte says whether it is HTML): any bytes give a
// result whose evidence lies inside the input and whose strings are valid UTF-8.
#include <memory>

#include "pipeline/analyze.h"
#include "lexicon/engine.h"
#include "fuzz_check.h"
#include "text/text_util.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  static const std::unique_ptr<Engine> engine = [] {
    auto loaded = Engine::load(EngineOptions{});
    FUZZ_CHECK(loaded.ok());
    return std::move(*loaded);
  }();
  static Analyzer analyzer(*engine);
  if (size == 0) return 0;
  Input input;
  input.id = "fuzz";
  // Low bits: text, HTML, Markdown, PDF, DOCX (the office readers have fuzz targets of their own).
  static constexpr DocFormat kFormats[] = {DocFormat::kText, DocFormat::kHtml, DocFormat::kMarkdown,
                                           DocFormat::kText, DocFormat::kPdf, DocFormat::kDocx,
                                           DocFormat::kText, DocFormat::kMarkdown};
  input.format = kFormats[((data[0] & 1) | ((data[0] >> 2) & 6)) & 7];
  if (data[0] & 2) input.title = std::string(fuzz::as_view(data + 1, std::min<size_t>(size - 1, 40)));
  input.bytes = std::string(fuzz::as_view(data + 1, size - 1));
  AnalyzeOptions options;
  options.keep_text = data[0] & 4;
  const Result r = analyzer.analyze(input, options);
  if (r.error) return 0;
  FUZZ_CHECK(r.score >= 0 && r.score <= 100);
  // At most 200 bytes of the input, each invalid byte of which may become a 3-byte U+FFFD.
  FUZZ_CHECK(is_valid_utf8(r.title) && r.title.size() <= 600);
  for (const std::string& w : r.warnings) FUZZ_CHECK(is_valid_utf8(w));
  for (const auto* list : {&r.matched, &r.ignored})
    for (const MatchedConcept& m : *list)
      for (const Evidence& e : m.spans) {
        FUZZ_CHECK(e.start <= e.end && e.end <= input.bytes.size());
        FUZZ_CHECK(e.line >= 1);
        FUZZ_CHECK(is_valid_utf8(e.text));
        FUZZ_CHECK(e.text_begin <= e.text_end);
        if (options.keep_text) FUZZ_CHECK(e.text_end <= r.text.size());
      }
  return 0;
}
