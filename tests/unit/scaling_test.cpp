// Every stage in time linear in its input, whatever the input's shape: each case times one
// generated shape at n and at 8n bytes in this process and fails if the larger took more than
// 16 times as long. Linear is 8 (a little more as the data leaves the caches), quadratic 64.
// A ratio, not a time, so a slow or loaded machine (or a sanitizer build) does not fail it: n is
// doubled until the small run takes at least 5 ms, and each size is timed as the best of three.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <functional>

#include "pipeline/analyze.h"
#include "input/decode.h"
#include "lexicon/engine.h"
#include "score/evidence.h"
#include "input/html.h"
#include "input/markdown.h"
#include "input/records.h"
#include "match/match.h"
#include "test_helpers.h"

using namespace jobmatch;

namespace {

constexpr double kMaxRatio = 16;
constexpr double kMinSmall = 0.005;  // seconds the small run must take at least
constexpr double kNotCaches = 40;    // a ratio no cache explains: fails at once

// The best of three runs of f, in seconds.
double best_of_three(const std::function<void()>& f) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}


// make(k): the shape with k repetitions of its unit. run(input): the work timed. k starts at
// `k` and grows until it takes kMinSmall. A ratio above the bound (but below kNotCaches) is
// measured once more at four times the size before it fails: a linear stage whose small input
// still fit in a cache passes then, a quadratic one does not.
void check_linear(const std::string& name, const std::function<std::string(size_t)>& make,
                  const std::function<void(const std::string&)>& run, size_t k = 1000,
                  size_t max_k = size_t{1} << 22) {
  std::string small = make(k);
  for (double t = best_of_three([&] { run(small); }); t < kMinSmall && k < max_k;) {
    size_t times = 2;
    while (static_cast<double>(times) * t < kMinSmall && times < 8) times *= 2;
    k = std::min(max_k, k * times);
    small = make(k);
    t = best_of_three([&] { run(small); });
  }
  for (int attempt = 0;; ++attempt) {
    const double t_small = best_of_three([&] { run(small); });
    const std::string large = make(8 * k);
    const double t_large = best_of_three([&] { run(large); });
    const double ratio = t_large / std::max(t_small, 1e-4);
    BOOST_TEST_MESSAGE(name << ": " << small.size() << " bytes " << t_small * 1e3 << " ms, " << large.size()
                            << " bytes " << t_large * 1e3 << " ms");
    if (ratio <= kMaxRatio) return;
    if (attempt == 1 || ratio > kNotCaches) {
      BOOST_ERROR(name << ": " << small.size() << " bytes took " << t_small * 1e3 << " ms, " << large.size()
                       << " bytes " << t_large * 1e3 << " ms (ratio " << ratio << ", at most " << kMaxRatio
                       << ")");
      return;
    }
    k *= 4;
    small = make(k);
  }
}

std::string repeat(std::string_view unit, size_t k, std::string_view head = "", std::string_view tail = "") {
  std::string s(head);
  s.reserve(head.size() + unit.size() * k + tail.size());
  for (size_t i = 0; i < k; ++i) s += unit;
  s += tail;
  return s;
}

// A unit joined k times by sep: "ml-ml-ml".
std::string joined(std::string_view unit, std::string_view sep, size_t k) {
  std::string s = "Engineer\n\n";
  for (size_t i = 0; i < k; ++i) {
    if (i) s += sep;
    s += unit;
  }
  return s;
}

const Engine& shipped() { return jobmatch::test::shipped_engine(); }

const Matcher& shipped_matcher() {
  static const std::unique_ptr<Matcher> m = [] {
    auto built = Matcher::build(shipped().lexicon(), {});
    BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
    return std::move(*built);
  }();
  return *m;
}

// normalize → tokenize, into buffers that are kept (as the Analyzer keeps them), so the
// timings are not of page faults.
const TokenStream& tokens(const std::string& text) {
  thread_local Normalized norm;
  thread_local TokenStream ts;
  normalize(text, &norm);
  tokenize(norm, &ts);
  return ts;
}

// normalize → tokenize → match with the matcher given.
std::function<void(const std::string&)> match_with(const Matcher& m) {
  return [&m](const std::string& text) {
    thread_local std::vector<ConceptMatch> out;
    m.match(tokens(text), &out);
  };
}

void analyze(const std::string& bytes, DocFormat format = DocFormat::kText) {
  thread_local Analyzer a(shipped());
  Input in;
  in.id = "scaling";
  in.bytes = bytes;
  in.format = format;
  a.analyze(in);
}

void html(const std::string& page) {
  thread_local HtmlText out;
  html_to_text(page, &out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scaling)

BOOST_AUTO_TEST_CASE(phrase_pass_on_joined_words) {
  // One long joined token: every part is a phrase anchor, and every match has that token as
  // its `not` window (the window merge in Matcher::match).
  for (const std::string unit : {"ml", "a-b", "machine-learning", "r-python"})
    check_linear("joined " + unit, [&](size_t k) { return joined(unit, "-", k); }, match_with(shipped_matcher()));
  check_linear("spaced machine learning", [](size_t k) { return repeat("machine learning ", k); },
               match_with(shipped_matcher()));
}

BOOST_AUTO_TEST_CASE(re_triggers_and_not_searches_of_the_shipped_lexicon) {
  // Anchored re: patterns fire at each trigger word; `not` patterns without literals are
  // searched around each match ("500 ml", "2 r").
  for (const std::string unit : {"prototype ", "prototypes into ", "evaluate pricing ", "500 ml ", "2 r ", "1-r-",
                                 "build ml ", "java8 "})
    check_linear("re: " + unit, [&](size_t k) { return repeat(unit, k, "Engineer\n\n"); },
                 match_with(shipped_matcher()));
}

BOOST_AUTO_TEST_CASE(user_re_patterns_are_bounded) {
  // The widest patterns the lexicon accepts: as many tokens as a re: match may span, through
  // the RE2::Set path (no leading literal), the anchored path and a `not` search.
  const Lexicon lex = test::lexicon_from(
      "concept skill.wide\n  label W\n  origin extension\n"
      "  en re:(?:[^ ]+ ){0,63}python\n"
      "concept skill.dot\n  label D\n  origin extension\n"
      "  en re:.{0,63}python\n"
      "concept skill.anchored\n  label A\n  origin extension\n"
      "  en re:ml[^ ]*q | re:word (?:[^ ]+ ){0,62}python\n"
      "concept skill.excluded\n  label E\n  origin extension\n"
      "  en ml | python\n  not re:[a-z][^ ]*q | re:[^ ]+ (?:[^ ]+ ){0,62}q\n");
  auto built = Matcher::build(lex, {});
  BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
  const std::unique_ptr<Matcher> m = std::move(*built);
  check_linear("user re: on words", [](size_t k) { return repeat("word word python word ", k); }, match_with(*m),
               100);
  check_linear("user re: on ml-ml", [](size_t k) { return joined("ml", "-", k); }, match_with(*m), 100);
  check_linear("user re: on ml ml", [](size_t k) { return repeat("ml ", k); }, match_with(*m), 100);
}

BOOST_AUTO_TEST_CASE(weak_near_windows) {
  // skill.r: weak `r` needs near context within its window; every token is a weak match.
  for (const std::string unit : {"r ", "r python ", "r-r-"})
    check_linear("weak " + unit, [&](size_t k) { return repeat(unit, k, "Engineer\n\n"); },
                 match_with(shipped_matcher()));
}

BOOST_AUTO_TEST_CASE(zones_and_cues) {
  // Zone headings on every line, and cue words (must, nice to have, not) around evidence in one
  // long sentence or clause.
  check_linear("headings", [](size_t k) { return repeat("Requirements:\nPython\nBenefits:\nSpark\n", k, "Engineer\n\n"); },
               [](const std::string& t) { analyze(t); });
  check_linear("one sentence", [](size_t k) { return repeat("must have python, ", k, "Engineer\n\n"); },
               [](const std::string& t) { analyze(t); });
  check_linear("one clause", [](size_t k) { return repeat("no python nice to have sql ", k, "Engineer\n\n"); },
               [](const std::string& t) { analyze(t); });
  check_linear("zone map", [](size_t k) { return repeat("requirements\nmust have python\n", k); },
               [](const std::string& t) {
                 ZoneMap z;
                 z.build(t, 0);  // its vectors are small: one entry per heading
               });
}

BOOST_AUTO_TEST_CASE(normalize_and_tokenize) {
  const std::vector<std::string> units = {"1234567890", "a\u200Db", "\u200C", "a\u00ADb", "\u2060",
                                          "!",          "-",         ".-",     "\u0301",   "Entwickler:innen "};
  for (const std::string& unit : units)
    check_linear("normalize " + test::show_bytes(unit), [&](size_t k) { return repeat(unit, k); },
                 [](const std::string& t) { tokens(t); });
}

BOOST_AUTO_TEST_CASE(html_shapes) {
  check_linear("nested ul li", [](size_t k) { return repeat("<ul><li>x ", k, "<html><body>", "python"); }, html);
  check_linear("nested div", [](size_t k) { return repeat("<div>", k, "<html><body>", "python"); }, html);
  check_linear("nested b", [](size_t k) { return repeat("<b>", k, "<html><body>", "python"); }, html);
  check_linear("formatting and anchors", [](size_t k) { return repeat("<b><a href=x><i>", k, "", "text</p></table>"); },
               html);
  check_linear("attributes", [](size_t k) {
    std::string s = "<html><body><p";
    for (size_t i = 0; i < k; ++i) s += " a" + std::to_string(i) + "=x";
    return s + ">python</p>";
  }, html);
  check_linear("body attributes", [](size_t k) {
    std::string s = "<html>";
    for (size_t i = 0; i < k; ++i) s += "<body a" + std::to_string(i) + "=x>";
    return s + "python";
  }, html);
  check_linear("reopened formatting", [](size_t k) {
    std::string s = "<html><body>";
    for (size_t i = 0; i < k; ++i) s += "<p><b id=" + std::to_string(i) + ">x</p>";
    return s;
  }, html);
  check_linear("tables", [](size_t k) { return repeat("<table><tr><td>", k, "<html><body>", "python"); }, html);
  check_linear("divs in cells", [](size_t k) { return repeat("<div><table><td></div>", k, "<html><body>", "x"); }, html);
  check_linear("svg", [](size_t k) { return repeat("<svg><g>", k, "<html><body>", "x"); }, html);
  check_linear("svg in math", [](size_t k) { return repeat("<math><svg><div>", k, "<html><body>", "x"); }, html);
  check_linear("definition lists", [](size_t k) { return repeat("<dl><dt><dd>", k, "<html><body>", "x"); }, html);
  check_linear("cells outside tables", [](size_t k) { return repeat("<td><div>", k, "<html><body>", "x"); }, html);
  check_linear("unclosed list items", [](size_t k) { return repeat("<li>python", k, "<html><body><ul>"); }, html);
  check_linear("comments", [](size_t k) { return repeat("<!-- x --><!-->", k, "<html><body>"); }, html);
}

BOOST_AUTO_TEST_CASE(json_records) {
  auto records = [](RecordReader::Kind kind) {
    return [kind](const std::string& bytes) {
      RecordReader r(std::make_unique<test::MemStream>(bytes), "in", kind, ReadOptions{});
      Input in;
      while (r.next(&in)) {
      }
    };
  };
  const auto lines = records(RecordReader::Kind::kJsonLines);
  const auto json = records(RecordReader::Kind::kJson);
  check_linear("jsonl deep nesting", [](size_t k) {
    return repeat("[", k, R"({"id": "1", "text": "python", "x": )") + std::string(k, ']') + "}\n";
  }, lines);
  check_linear("json deep nesting", [](size_t k) {
    return repeat("[", k, R"([{"id": "1", "text": "python", "x": )") + std::string(k, ']') + "}]";
  }, json);
  check_linear("jsonl one huge record", [](size_t k) { return repeat("python ", k, R"({"id": "1", "text": ")", "\"}\n"); },
               lines);
  check_linear("json one huge record", [](size_t k) { return repeat("python ", k, R"([{"id": "1", "text": ")", "\"}]"); },
               json);
  check_linear("jsonl tiny records", [](size_t k) { return repeat(R"({"id":"1","text":"x"})" "\n", k); }, lines);
  check_linear("json tiny records", [](size_t k) { return repeat(R"({"id":"1","text":"x"},)", k, "[", "{}]"); }, json);
  check_linear("jsonl escapes", [](size_t k) { return repeat("\\u00e4\\n", k, R"({"id": "1", "text": ")", "\"}\n"); },
               lines);
  check_linear("jsonl html text", [](size_t k) { return repeat("<div>", k, R"({"id": "1", "text": "<html>)", "\"}\n"); },
               [](const std::string& bytes) {
                 RecordReader r(std::make_unique<test::MemStream>(bytes), "in", RecordReader::Kind::kJsonLines,
                                ReadOptions{});
                 Input in;
                 while (r.next(&in)) analyze(in.bytes, in.format);
               });
}

BOOST_AUTO_TEST_CASE(markdown_shapes) {
  auto md = [](const std::string& text) {
    thread_local MarkdownText out;
    markdown_to_text(text, &out);
  };
  check_linear("nested lists", [](size_t k) {
    std::string s;
    for (size_t i = 0; i < k; ++i) s += std::string(std::min<size_t>(i, 200) * 2, ' ') + "- python\n";
    return s;
  }, md);
  check_linear("nested blockquotes", [](size_t k) { return repeat(">", k, "", " python\n"); }, md);
  check_linear("blockquote lines", [](size_t k) { return repeat("> > > > python\n", k); }, md);
  check_linear("emphasis runs", [](size_t k) { return repeat("*a ", k); }, md);
  check_linear("strong runs", [](size_t k) { return repeat("**a _b ", k); }, md);
  check_linear("open brackets", [](size_t k) { return repeat("[a ", k); }, md);
  check_linear("code spans", [](size_t k) { return repeat("`a ``", k); }, md);
}

BOOST_AUTO_TEST_CASE(decode_shapes) {
  auto dec = [](const std::string& bytes) {
    Decoded d;  // must be fresh
    decode(bytes, &d);
  };
  check_linear("invalid utf-8", [](size_t k) { return repeat("\xFF", k); }, dec);
  check_linear("mixed invalid utf-8", [](size_t k) { return repeat("Python \xC3 \xE2\x82 ", k); }, dec);
  check_linear("utf-16le", [](size_t k) { return repeat(std::string("p\0y\0", 4), k, "\xFF\xFE"); }, dec);
  check_linear("utf-16 surrogates", [](size_t k) { return repeat(std::string("\x00\xD8", 2), k, "\xFF\xFE"); }, dec);
  check_linear("windows-1252", [](size_t k) { return repeat("Gr\xF6\xDF" "e Caf\xE9 ", k); }, dec);
}

BOOST_AUTO_TEST_CASE(whole_analyze_path) {
  check_linear("analyze nested div", [](size_t k) { return repeat("<div>", k, "<!DOCTYPE html><html><body>", "python"); },
               [](const std::string& t) { analyze(t, DocFormat::kHtml); });
  check_linear("analyze nested ul", [](size_t k) { return repeat("<ul><li>python ", k, "<html><body>"); },
               [](const std::string& t) { analyze(t, DocFormat::kHtml); });
  for (const std::string unit : {"ml", "r-python"})
    check_linear("analyze joined " + unit, [&](size_t k) { return joined(unit, "-", k); },
                 [](const std::string& t) { analyze(t); });
  check_linear("analyze markdown", [](size_t k) { return repeat("- *python* and **sql**\n", k, "# Engineer\n\n"); },
               [](const std::string& t) { analyze(t, DocFormat::kMarkdown); });
}

BOOST_AUTO_TEST_SUITE_END()
