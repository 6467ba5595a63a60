// Micro-benchmarks, one per pipeline stage (ARCHITECTURE.md), so that a throughput regression
// points at its stage. Built only with -DJOBMATCH_BENCH=ON; `scripts/bench --micro` builds a
// Release tree and runs them.
//
// Inputs are the postings in samples/ (written for this project), never ../shared: English
// (ASCII-heavy) and German (umlauts, ß) sets, the German set converted to Windows-1252, and HTML
// made from them. Each iteration runs the stage over every posting of its set, each stage on the
// output of the stages before it (prepared outside the timed loop), with the buffers reused the
// way Analyzer reuses them.
//
// bytes_per_second is always counted in bytes of the *input postings* a stage handled, so every
// stage compares directly with the end-to-end figure (BM_analyze) and with scripts/bench's MB/s;
// a stage's share of the time is its bytes_per_second against BM_analyze's.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/analyze.h"
#include "input/decode.h"
#include "lexicon/engine.h"
#include "score/evidence.h"
#include "input/html.h"
#include "text/lang.h"
#include "match/match.h"
#include "text/normalize.h"
#include "input/read.h"
#include "report/output.h"
#include "report/writer.h"
#include "score/score.h"
#include "text/text_util.h"
#include "text/tokenize.h"

namespace jm = jobmatch;

namespace {

struct Doc {
  std::string name;
  std::string bytes;
};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The samples whose file name starts with prefix ("en-", "de-", "" for all), sorted by name.
const std::vector<Doc>& samples(const std::string& prefix) {
  static std::map<std::string, std::vector<Doc>> cache;
  auto it = cache.find(prefix);
  if (it != cache.end()) return it->second;
  std::vector<Doc> docs;
  const std::filesystem::path dir = std::filesystem::path(JOBMATCH_SOURCE_DIR) / "samples";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".txt" && name.starts_with(prefix))
      docs.push_back({name, read_file(e.path())});
  }
  std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) { return a.name < b.name; });
  if (docs.empty()) throw std::runtime_error("no samples/" + prefix + "*.txt under " + dir.string());
  return cache.emplace(prefix, std::move(docs)).first->second;
}

int64_t total_bytes(const std::vector<Doc>& docs) {
  int64_t n = 0;
  for (const Doc& d : docs) n += static_cast<int64_t>(d.bytes.size());
  return n;
}

void set_bytes(benchmark::State& state, int64_t per_iteration) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * per_iteration);
}

// UTF-8 → Windows-1252 (characters it lacks become '?'), for the legacy-encoding decode path.
std::string to_windows1252(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len;
    const char32_t cp = jm::decode_utf8(utf8, i, &len);
    i += len;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out += static_cast<char>(cp);
      continue;
    }
    switch (cp) {
      case 0x20AC: out += '\x80'; break;
      case 0x201E: out += '\x84'; break;
      case 0x2026: out += '\x85'; break;
      case 0x2018: out += '\x91'; break;
      case 0x2019: out += '\x92'; break;
      case 0x201C: out += '\x93'; break;
      case 0x201D: out += '\x94'; break;
      case 0x2022: out += '\x95'; break;
      case 0x2013: out += '\x96'; break;
      case 0x2014: out += '\x97'; break;
      default: out += '?';
    }
  }
  return out;
}

// A posting as a small HTML page: title, paragraphs, and list items for "- " lines.
std::string to_html(std::string_view text) {
  std::string out = "<!doctype html><html><head><title>posting</title><style>p{margin:0}</style>"
                    "</head><body>\n";
  size_t start = 0;
  bool in_list = false;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(jm::trim(text.substr(start, end - start)));
    start = end + 1;
    if (line.empty()) continue;
    std::string escaped;
    for (const char c : line) {
      if (c == '&') escaped += "&amp;";
      else if (c == '<') escaped += "&lt;";
      else if (c == '>') escaped += "&gt;";
      else escaped += c;
    }
    const bool item = line.starts_with("- ");
    if (item && !in_list) out += "<ul>\n";
    if (!item && in_list) out += "</ul>\n";
    in_list = item;
    out += item ? "<li>" + escaped.substr(2) + "</li>\n" : "<p>" + escaped + "</p>\n";
  }
  if (in_list) out += "</ul>\n";
  return out + "</body></html>\n";
}

const jm::Engine& engine() {
  static const std::unique_ptr<jm::Engine> e = [] {
    auto loaded = jm::Engine::load(jm::EngineOptions{});
    if (!loaded.ok()) throw std::runtime_error("the embedded lexicon does not load");
    return std::move(*loaded);
  }();
  return *e;
}

// What each stage reads, per posting, computed once by running the stages before it.
struct Prepared {
  std::vector<jm::Normalized> norm;
  std::vector<size_t> title_end;  // normalized offset where the title line ends
  std::vector<jm::TokenStream> tokens;
  std::vector<std::vector<std::pair<size_t, size_t>>> spans;  // evidence, normalized offsets
  std::vector<jm::Result> results;
  std::vector<std::vector<jm::ConceptEvidence>> evidence;
  std::vector<std::vector<size_t>> title_concepts;
};

const Prepared& prepared(const std::string& prefix) {
  static std::map<std::string, Prepared> cache;
  auto it = cache.find(prefix);
  if (it != cache.end()) return it->second;
  Prepared p;
  jm::Analyzer analyzer(engine());
  for (const Doc& d : samples(prefix)) {
    jm::Normalized n;
    jm::normalize(d.bytes, &n);
    const size_t body = jm::body_offset(d.bytes);
    const auto norm_offset = [&](uint32_t offset) { return n.text_offset(offset); };
    p.title_end.push_back(body > 0 ? norm_offset(static_cast<uint32_t>(body)) : 0);
    jm::TokenStream ts;
    jm::tokenize(n, &ts);
    std::vector<jm::ConceptMatch> matches;
    engine().matcher().match(ts, &matches);
    std::vector<std::pair<size_t, size_t>> spans;
    for (const jm::ConceptMatch& m : matches)
      for (const jm::TextSpan& s : m.spans)
        spans.emplace_back(norm_offset(ts.input_begin(n, s.begin)), norm_offset(ts.input_end(n, s.begin, s.end)));
    p.spans.push_back(std::move(spans));
    p.norm.push_back(std::move(n));
    p.tokens.push_back(std::move(ts));
    jm::Input input;
    input.id = d.name;
    input.bytes = d.bytes;
    jm::Result r = analyzer.analyze(input);
    std::vector<jm::ConceptEvidence> ev;
    for (const jm::MatchedConcept& mc : r.matched) ev.push_back({mc.concept_index, mc.strength});
    p.evidence.push_back(std::move(ev));
    p.title_concepts.push_back(r.title_concepts);
    p.results.push_back(std::move(r));
  }
  return cache.emplace(prefix, std::move(p)).first->second;
}

// ---------------------------------------------------------------- stages

// Stage 0: loading the embedded lexicon and profile and compiling the matcher (start-up cost of
// every run, part of scoring one posting from process start to exit).
void BM_engine_load(benchmark::State& state) {
  for (auto _ : state) {
    auto e = jm::Engine::load(jm::EngineOptions{});
    benchmark::DoNotOptimize(e.ok() ? e->get() : nullptr);
  }
}
BENCHMARK(BM_engine_load)->Unit(benchmark::kMillisecond);

// Stage 1b: bytes → UTF-8. Valid UTF-8 is the fast path; Windows-1252 goes through ICU's charset
// detector and converter and builds an offset map.
void BM_decode(benchmark::State& state, const std::string& prefix, bool windows1252) {
  std::vector<std::string> inputs;
  int64_t bytes = 0;
  for (const Doc& d : samples(prefix)) {
    inputs.push_back(windows1252 ? to_windows1252(d.bytes) : d.bytes);
    bytes += static_cast<int64_t>(inputs.back().size());
  }
  {
    jm::Decoded probe;
    jm::decode(inputs.front(), &probe);
    if (windows1252 && probe.encoding.starts_with("utf-8")) {
      state.SkipWithError("the Windows-1252 input was read as UTF-8");
      return;
    }
  }
  for (auto _ : state)
    for (const std::string& in : inputs) {
      jm::Decoded d;
      jm::decode(in, &d);
      benchmark::DoNotOptimize(d.text.data());
    }
  set_bytes(state, bytes);
}
BENCHMARK_CAPTURE(BM_decode, utf8_all, std::string(""), false);
BENCHMARK_CAPTURE(BM_decode, windows1252_german, std::string("de-"), true);

// Stage 1c: HTML to text with gumbo (only for HTML postings).
void BM_html(benchmark::State& state) {
  std::vector<std::string> pages;
  int64_t bytes = 0;
  for (const Doc& d : samples("")) {
    pages.push_back(to_html(d.bytes));
    bytes += static_cast<int64_t>(pages.back().size());
  }
  jm::HtmlText out;
  for (auto _ : state)
    for (const std::string& page : pages) {
      jm::html_to_text(page, &out);
      benchmark::DoNotOptimize(out.text.data());
    }
  set_bytes(state, bytes);
}
BENCHMARK(BM_html);

// Stage 2: normalization (ASCII fast path, cached segments) ...
void BM_normalize(benchmark::State& state, const std::string& prefix) {
  const auto& docs = samples(prefix);
  jm::Normalized out;
  for (auto _ : state)
    for (const Doc& d : docs) {
      jm::normalize(d.bytes, &out);
      benchmark::DoNotOptimize(out.text.data());
    }
  set_bytes(state, total_bytes(docs));
}
BENCHMARK_CAPTURE(BM_normalize, english, std::string("en-"));
BENCHMARK_CAPTURE(BM_normalize, german, std::string("de-"));

// ... and the same transformation with every character through ICU, for comparison.
void BM_normalize_reference(benchmark::State& state, const std::string& prefix) {
  const auto& docs = samples(prefix);
  jm::Normalized out;
  for (auto _ : state)
    for (const Doc& d : docs) {
      jm::normalize_reference(d.bytes, &out);
      benchmark::DoNotOptimize(out.text.data());
    }
  set_bytes(state, total_bytes(docs));
}
BENCHMARK_CAPTURE(BM_normalize_reference, english, std::string("en-"));
BENCHMARK_CAPTURE(BM_normalize_reference, german, std::string("de-"));

// Stage 3: tokenization of the normalized text.
void BM_tokenize(benchmark::State& state) {
  const Prepared& p = prepared("");
  jm::TokenStream out;
  for (auto _ : state)
    for (const jm::Normalized& n : p.norm) {
      jm::tokenize(n, &out);
      benchmark::DoNotOptimize(out.text.data());
    }
  set_bytes(state, total_bytes(samples("")));
}
BENCHMARK(BM_tokenize);

// Language detection from the tokens.
void BM_lang(benchmark::State& state) {
  const Prepared& p = prepared("");
  for (auto _ : state)
    for (const jm::TokenStream& ts : p.tokens) benchmark::DoNotOptimize(jm::detect_language(ts).data());
  set_bytes(state, total_bytes(samples("")));
}
BENCHMARK(BM_lang);

// Stage 4: matching with the embedded engine's matcher (phrase pass, re: set, guards).
void BM_match(benchmark::State& state) {
  const Prepared& p = prepared("");
  const jm::Matcher& matcher = engine().matcher();
  std::vector<jm::ConceptMatch> out;
  for (auto _ : state)
    for (const jm::TokenStream& ts : p.tokens) {
      matcher.match(ts, &out);
      benchmark::DoNotOptimize(out.data());
    }
  set_bytes(state, total_bytes(samples("")));
}
BENCHMARK(BM_match);

// Stage 5a: zones from headings (ZoneMap::build), and the zone of every piece of evidence.
void BM_evidence_zones(benchmark::State& state) {
  const Prepared& p = prepared("");
  jm::ZoneMap zones;
  for (auto _ : state)
    for (size_t i = 0; i < p.norm.size(); ++i) {
      zones.build(p.norm[i].text, p.title_end[i]);
      for (const auto& [b, e] : p.spans[i]) benchmark::DoNotOptimize(zones.zone_at(static_cast<uint32_t>(b)));
    }
  set_bytes(state, total_bytes(samples("")));
}
BENCHMARK(BM_evidence_zones);

// Stage 5b: the cue (must, nice to have, negated) of every piece of evidence (strength_at).
void BM_evidence_strength_at(benchmark::State& state) {
  const Prepared& p = prepared("");
  size_t spans = 0;
  for (const auto& s : p.spans) spans += s.size();
  for (auto _ : state)
    for (size_t i = 0; i < p.norm.size(); ++i)
      for (const auto& [b, e] : p.spans[i]) benchmark::DoNotOptimize(jm::strength_at(p.norm[i].text, b, e));
  set_bytes(state, total_bytes(samples("")));
  state.counters["spans"] = static_cast<double>(spans);
}
BENCHMARK(BM_evidence_strength_at);

// Stage 6: scoring one document's concept strengths and title against the profile.
void BM_score(benchmark::State& state) {
  const Prepared& p = prepared("");
  const jm::Scorer& scorer = engine().scorer();
  for (auto _ : state)
    for (size_t i = 0; i < p.evidence.size(); ++i) {
      jm::ScoreCard card = scorer.score(p.evidence[i], p.title_concepts[i], true);
      benchmark::DoNotOptimize(card.score);
    }
  set_bytes(state, total_bytes(samples("")));
}
BENCHMARK(BM_score);

// Stage 7: the JSON Lines writer's render() of each result (evidence spans included).
void BM_render_jsonl(benchmark::State& state) {
  const Prepared& p = prepared("");
  jm::Output out(-1);  // render() never writes
  const auto writer = jm::make_json_writer(out, engine(), true);
  int64_t rendered = 0;
  for (auto _ : state)
    for (const jm::Result& r : p.results) {
      std::string s = writer->render(r);
      rendered += static_cast<int64_t>(s.size());
      benchmark::DoNotOptimize(s.data());
    }
  set_bytes(state, total_bytes(samples("")));
  state.counters["output_bytes_per_second"] =
      benchmark::Counter(static_cast<double>(rendered), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_render_jsonl);

// End to end: one posting through decode → … → score (Analyzer::analyze), without reading or
// writing. English, German, and all samples.
void BM_analyze(benchmark::State& state, const std::string& prefix) {
  std::vector<jm::Input> inputs;
  for (const Doc& d : samples(prefix)) {
    jm::Input in;
    in.id = d.name;
    in.bytes = d.bytes;
    inputs.push_back(std::move(in));
  }
  jm::Analyzer analyzer(engine());
  for (auto _ : state)
    for (const jm::Input& in : inputs) {
      jm::Result r = analyzer.analyze(in);
      benchmark::DoNotOptimize(r.score);
    }
  set_bytes(state, total_bytes(samples(prefix)));
  state.counters["postings_per_second"] = benchmark::Counter(
      static_cast<double>(inputs.size()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_analyze, english, std::string("en-"));
BENCHMARK_CAPTURE(BM_analyze, german, std::string("de-"));
BENCHMARK_CAPTURE(BM_analyze, all, std::string(""));

// The reader alone: a JSON Lines file of every sample (as {"id", "title", "text"} records),
// repeated to some 20 MB, read and split into Inputs by InputSource, as run_pipeline's reader
// thread does (without the hand-off to the workers, a lock and a queue push per input). With
// the argument 1, the records are left unparsed (ReadOptions::parse_in_worker), which is what
// the reader thread does in a run: its rate against BM_analyze's says how many workers one
// reader can keep busy. With 0 they are parsed too, as the reader did before the workers
// parsed them.
void BM_read_jsonl(benchmark::State& state) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "jobmatch-bench-read.jsonl";
  size_t bytes = 0, records = 0;
  {
    std::string lines;
    for (const Doc& d : samples("")) {
      std::string text;  // JSON string escaping of the posting
      for (const char c : d.bytes) {
        if (c == '"' || c == '\\') text += '\\', text += c;
        else if (c == '\n') text += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) text += ' ';
        else text += c;
      }
      lines += "{\"id\":\"" + d.name + "\",\"title\":\"t\",\"text\":\"" + text + "\"}\n";
    }
    std::ofstream out(path, std::ios::binary);
    const size_t per = std::count(lines.begin(), lines.end(), '\n');
    while (bytes < (20u << 20)) {
      out << lines;
      bytes += lines.size();
      records += per;
    }
  }
  jm::ReadOptions options;
  options.parse_in_worker = state.range(0) != 0;
  for (auto _ : state) {
    jm::InputSource source({path.string()}, options);
    jm::Input in;
    size_t n = 0;
    while (source.next(&in)) ++n;
    if (n != records) state.SkipWithError("wrong record count");
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["postings_per_second"] = benchmark::Counter(
      static_cast<double>(records) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_read_jsonl)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
