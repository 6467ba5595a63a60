// The display policy in every output format: the same hostile strings (terminal escapes, C1
// controls, bidi overrides, zero-width characters, Markdown, formulas) as a title, an id and a
// concept label, through every writer and the per-format escaping functions. And the table's
// ranking when its rows are sorted in runs through a temporary file.
#include "report/escape.h"

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/writer.h"
#include "test_helpers.h"

namespace {

namespace fs = std::filesystem;
using jobmatch::Format;
using jobmatch::Result;

// Every hostile string of the policy's tests, one per kind.
const std::vector<std::string>& hostile() {
  static const std::vector<std::string> h = {
      "\x1b[31mred\x1b[0m",                                        // CSI colour
      "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",  // OSC 8 hyperlink
      "\x1b]0;owned title\x07",                                   // OSC 0 window title, BEL
      "bell\x07",                                                  // BEL
      "\xC2\x9B" "2J",                                             // C1 CSI, UTF-8 encoded
      "\u202Etxt.exe",                                             // right-to-left override
      "\u2066isolate\u2069",                                       // left-to-right isolate
      "zero\u200Bwidth",                                           // zero width space
      "join\u200Der",                                              // zero width joiner
      "word\u2060joiner",                                          // word joiner
      "\uFEFFbom",                                                 // zero width no-break space
      "![x](https://evil.example/p.png)",                          // Markdown image
      "[approve](https://evil.example/)",                          // Markdown link
      "a|b",                                                       // table cell separator
      "=cmd|' /C calc'!A0",                                        // spreadsheet formula
  };
  return h;
}

std::string all_hostile() {
  std::string s;
  for (const std::string& h : hostile()) s += h + " ";
  return s;
}

// The first character of the policy in out (tab, line feed and carriage return allowed: the
// formats' own separators), as U+XXXX, or "" if there is none.
std::string first_unsafe(std::string_view out) {
  for (size_t i = 0; i < out.size();) {
    size_t len;
    const char32_t cp = jobmatch::decode_utf8(out, i, &len);
    if (cp == 0xFFFD && len == 1) return "invalid byte at " + std::to_string(i);
    if (cp != '\t' && cp != '\n' && cp != '\r' && jobmatch::is_display_unsafe(cp)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "U+%04X at %zu", static_cast<unsigned>(cp), i);
      return buf;
    }
    i += len;
  }
  return "";
}

// An engine whose concept labels, profile name and section labels are hostile.
const jobmatch::Engine& hostile_engine() {
  static const std::unique_ptr<jobmatch::Engine> e = jobmatch::test::engine_from(
      "concept x.python\n  label Py\x1b]0;owned\x07thon \u202E[x](https://e.example)\n"
      "  origin article\n  any python\n"
      "concept x.ml\n  label M\xC2\x9BL\u200B\n  origin article\n  en ml\n",
      "profile t\n  label Te\x1b[2Jst\n"
      "section core\n  label Co\u2066re\n  weight 2\n  x.ml 1 must\n"
      "section prog\n  weight 1\n  x.python 1\n");
  return *e;
}

size_t idx(const std::string& id) { return hostile_engine().lexicon().by_id.at(id); }

Result scored(const std::string& id, const std::string& title, double score = 82.5) {
  Result r;
  r.id = id;
  r.title = title;
  r.lang = "en";
  r.encoding = "utf-8";
  r.score = score;
  r.coverage = {1.0, 0.5};
  jobmatch::MatchedConcept m;
  m.concept_index = idx("x.python");
  m.section = 1;
  m.weight = 1;
  m.strength = 1;
  r.matched.push_back(m);
  r.missing = {idx("x.ml")};
  r.missing_must = {idx("x.ml")};
  return r;
}

std::string write_all(Format format, const std::vector<Result>& results, jobmatch::ReportOptions options = {}) {
  return jobmatch::test::write_records(format, hostile_engine(), results, options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(escape)

BOOST_AUTO_TEST_CASE(every_writer_shows_hostile_titles_ids_labels_and_errors_escaped) {
  std::vector<Result> results;
  for (const std::string& h : hostile()) results.push_back(scored("ads/" + h + ".txt", h));
  results.push_back(scored(all_hostile(), all_hostile()));
  Result failed;
  failed.id = "bad\xFF" + all_hostile();
  failed.error = jobmatch::InputError{"json", "invalid JSON in '" + all_hostile() + "'"};
  results.push_back(failed);
  for (const Format f : {Format::kTable, Format::kTsv, Format::kCsv, Format::kJsonl, Format::kJson}) {
    for (const bool color : {false, true}) {
      jobmatch::ReportOptions o;
      o.color = color;
      const std::string out = write_all(f, results, o);
      // The table's own colours are the only escape sequences it writes.
      std::string plain = out;
      if (color)
        for (const char* code : {"\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"})
          for (size_t at; (at = plain.find(code)) != std::string::npos;) plain.erase(at, std::strlen(code));
      BOOST_TEST(first_unsafe(plain) == "", "format " << static_cast<int>(f) << " color " << color);
    }
  }
  // JSON stays exact: the values parse back to the strings as they were.
  const std::string jsonl = write_all(Format::kJsonl, results);
  size_t line = 0;
  for (size_t start = 0; start < jsonl.size(); ++line) {
    const size_t end = jsonl.find('\n', start);
    const auto j = nlohmann::json::parse(jsonl.substr(start, end - start));
    if (line < results.size() - 1) {
      BOOST_TEST(j["title"].get<std::string>() == results[line].title);
      BOOST_TEST(j["id"].get<std::string>() == results[line].id);
    } else {
      BOOST_TEST(j["id"].get<std::string>() == "bad\\xff" + all_hostile());
      BOOST_TEST(j["error"]["message"].get<std::string>() == failed.error->message);
    }
    start = end + 1;
  }
  BOOST_TEST(line == results.size());
  // TSV and CSV keep the formula guard and one line per record.
  const std::string tsv = write_all(Format::kTsv, {scored("=cmd", "@SUM(1)\tx")});
  BOOST_TEST(tsv.find("\n'=cmd\t") != std::string::npos);
  BOOST_TEST(tsv.find("\t'@SUM(1) x\t") != std::string::npos);
  BOOST_TEST(std::count(tsv.begin(), tsv.end(), '\n') == 2);
}

BOOST_AUTO_TEST_CASE(the_escaped_form_names_each_character) {
  const std::string out = write_all(Format::kTsv, {scored("id", "\x1b[31m \xC2\x9B \u202E \u2066 \u200B \u200D \u2060 \uFEFF \x07")});
  BOOST_TEST(out.find("\t\\x1b[31m \\u009b \\u202e \\u2066 \\u200b \\u200d \\u2060 \\ufeff \\x07\t") != std::string::npos);
  // Concept labels from the lexicon, in the table.
  const std::string table = write_all(Format::kTable, {scored("id", "t")});
  BOOST_TEST(table.find("[missing M\\u009bL\\u200b] Py\\x1b]0;owned\\x07thon") != std::string::npos, table);
}

BOOST_AUTO_TEST_CASE(markdown_text_neutralises_markup) {
  using jobmatch::markdown_text;
  BOOST_TEST(markdown_text("![x](https://evil.example/p.png)") == "!\\[x\\](https://evil.example/p.png)");
  BOOST_TEST(markdown_text("[approve](https://evil.example/)") == "\\[approve\\](https://evil.example/)");
  BOOST_TEST(markdown_text("a|b \\| c") == "a\\|b \\\\\\| c");
  BOOST_TEST(markdown_text("<img src=x onerror=y> `code`") == "&lt;img src=x onerror=y&gt; 'code'");
  BOOST_TEST(markdown_text("R&D &#x202e; &amp; &lt;") == "R&D &amp;#x202e; &amp;amp; &amp;lt;");
  BOOST_TEST(markdown_text("line\nbreak\ttab") == "line break tab");
  BOOST_TEST(markdown_text("\x1b[31m\u202E\u200B") == "\\\\x1b\\[31m\\\\u202e\\\\u200b");
  BOOST_TEST(markdown_text("Machine Learning Engineer (m/w/d) – R&D") == "Machine Learning Engineer (m/w/d) – R&D");
  // Inside a code span only | and ` matter (and the policy).
  BOOST_TEST(jobmatch::markdown_code("ads/[a]|b`c<d>\x1b.txt") == "ads/[a]\\|b'c<d>\\x1b.txt");
}

BOOST_AUTO_TEST_CASE(github_commands_get_the_policy_and_their_own_escaping) {
  using jobmatch::github_escape_data;
  using jobmatch::github_escape_property;
  BOOST_TEST(github_escape_data("50% \x1b[31m\u202E::stop-commands::x\r\n::error::y") ==
             "50%25 \\x1b[31m\\u202e::stop-commands::x%0D%0A::error::y");
  BOOST_TEST(github_escape_property("ads/a,b:c\x07.txt") == "ads/a%2Cb%3Ac\\x07.txt");
}

BOOST_AUTO_TEST_CASE(json_escapes_what_nlohmann_writes_raw) {
  const std::string raw = std::string("\"a\x7f\xC2\x9B\u202E\u2028\u2029\u200B\uFEFF\U000E0041 ä 🚀\"");
  const std::string out = jobmatch::json_escape_display(raw);
  BOOST_TEST(out == "\"a\\u007f\\u009b\\u202e\\u2028\\u2029\\u200b\\ufeff\\udb40\\udc41 ä 🚀\"");
  BOOST_TEST(nlohmann::json::parse(out).get<std::string>() == raw.substr(1, raw.size() - 2));
  BOOST_TEST(jobmatch::json_escape_display("{\"a\":\"Köln\"}") == "{\"a\":\"Köln\"}");
}

namespace {

// json_escape_display's definition, one character at a time: what the fast version (long ASCII
// runs copied in bulk, only possible lead bytes decoded) must give for every input.
std::string json_escape_display_reference(const std::string& json) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  const auto unit = [&](uint32_t u) {
    out += "\\u";
    for (int k = 0; k < 4; ++k) out += hex[(u >> (12 - 4 * k)) & 15];
  };
  for (size_t i = 0; i < json.size();) {
    size_t len;
    const char32_t cp = jobmatch::decode_utf8(json, i, &len);
    if ((len > 1 || cp == 0x7F) && jobmatch::is_display_unsafe(cp)) {
      if (cp > 0xFFFF) {
        unit(0xD800 + ((cp - 0x10000) >> 10));
        unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        unit(cp);
      }
    } else {
      out.append(json, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_escape_display_equals_its_reference_on_random_text) {
  // Generated text (umlauts, invisible and bidi characters, emoji, invalid UTF-8), with ASCII
  // runs longer than sixteen bytes around it and DEL now and then.
  jobmatch::test::Generator gen(11);
  for (int n = 0; n < 20000; ++n) {
    std::string s = gen.next();
    if (gen.rnd() % 2) s = "{\"title\":\"Machine Learning Engineer (m/w/d)\",\"text\":\"" + s + "\"}";
    if (gen.rnd() % 8 == 0) s.insert(gen.rnd() % (s.size() + 1), 1, '\x7f');
    BOOST_TEST(jobmatch::json_escape_display(s) == json_escape_display_reference(s), "input #" << n);
  }
}

BOOST_AUTO_TEST_CASE(table_ranks_the_same_when_its_rows_go_through_runs) {
  // Scores with ties, error rows in between, titles and ids of every width: with blocks of a
  // few rows (hundreds of runs, merged in several passes), without a temporary file (the rows
  // stay in memory) and in one block, the table is the same.
  jobmatch::test::Generator gen(7);
  std::vector<Result> results;
  for (int i = 0; i < 3000; ++i) {
    if (gen.rnd() % 17 == 0) {
      Result r;
      char id[16];
      std::snprintf(id, sizeof id, "e%04d", i);
      r.id = id;
      r.error = jobmatch::InputError{"io", "cannot read"};
      results.push_back(r);
      continue;
    }
    char id[16];
    std::snprintf(id, sizeof id, "p%04d", i);
    results.push_back(scored(id + std::string(gen.rnd() % 30, 'x'),
                             std::string(gen.rnd() % 60, 't') + "é", static_cast<double>(gen.rnd() % 50) / 2));
  }
  const std::string whole = write_all(Format::kTable, results);
  jobmatch::ReportOptions small;
  small.table_block = 512;
  BOOST_TEST(write_all(Format::kTable, results, small) == whole);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  ::setenv("TMPDIR", "/nonexistent/folder", 1);
  const std::string in_memory = write_all(Format::kTable, results, small);
  if (old) ::setenv("TMPDIR", saved.c_str(), 1);
  else ::unsetenv("TMPDIR");
  BOOST_TEST(in_memory == whole);
  // And the order is the ranking: scored rows by score (ties in input order), then errors.
  std::vector<size_t> order(results.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (results[a].error.has_value() != results[b].error.has_value()) return !results[a].error.has_value();
    return results[a].score > results[b].score;
  });
  size_t at = whole.find('\n') + 1;
  for (const size_t i : order) {
    const size_t end = whole.find('\n', at);
    const std::string row = whole.substr(at, end - at);
    const std::string id = results[i].id.substr(0, 5);
    BOOST_TEST_REQUIRE(row.find("  " + id) != std::string::npos, row << " should be " << results[i].id);
    at = end + 1;
  }
}

BOOST_AUTO_TEST_SUITE_END()
