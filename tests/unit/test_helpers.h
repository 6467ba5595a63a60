// Small helpers shared by the unit tests (not a test file itself: only *_test.cpp are built as
// suites).
#pragma once

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/datafile.h"
#include "lexicon/engine.h"
#include "input/stream.h"
#include "lexicon/lexicon.h"
#include "text/normalize.h"
#include "report/output.h"
#include "report/writer.h"
#include "text/text_util.h"
#include "text/tokenize.h"

namespace jobmatch::test {

// Bytes shown as printable ASCII with everything else as \xNN, for failure messages.
inline std::string show_bytes(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += ch;
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// A lexicon parsed from inline text; fails the current test if it has diagnostics.
inline Lexicon lexicon_from(const std::string& text, const std::string& name = "test.lex") {
  Lexicon lex;
  const Status parsed = parse_lexicon({SourceFile{name, text}}, &lex);
  if (!parsed.ok())
    for (const Diagnostic& d : parsed.error().diagnostics) BOOST_ERROR("unexpected diagnostic: " << format_diagnostic(d));
  return lex;
}

// The diagnostics of parsing one inline lexicon file.
inline std::vector<Diagnostic> lexicon_diags(const std::string& text,
                                             const std::string& name = "test.lex") {
  Lexicon lex;
  const Status parsed = parse_lexicon({SourceFile{name, text}}, &lex);
  return parsed.ok() ? std::vector<Diagnostic>() : parsed.error().diagnostics;
}

// normalize → tokenize in one step.
inline TokenStream tokens_of(std::string_view input) {
  Normalized norm;
  normalize(input, &norm);
  TokenStream ts;
  tokenize(norm, &ts);
  return ts;
}

// The tokens with the normalized text they map back through (input_begin, input_end).
struct Tokenized {
  Normalized norm;
  TokenStream ts;
  uint32_t input_begin(size_t begin) const { return ts.input_begin(norm, begin); }
  uint32_t input_end(size_t begin, size_t end) const { return ts.input_end(norm, begin, end); }
};

inline Tokenized tokenized(std::string_view input) {
  Tokenized t;
  normalize(input, &t.norm);
  tokenize(t.norm, &t.ts);
  return t;
}

// The tokens of a stream as separate strings.
inline std::vector<std::string> token_list(std::string_view input) {
  const TokenStream ts = tokens_of(input);
  std::vector<std::string> out;
  for (const uint32_t start : ts.starts) {
    const size_t end = ts.text.find(' ', start);
    out.push_back(ts.text.substr(start, end - start));
  }
  return out;
}

// A fresh folder under the system's temporary folder, removed again (with whatever a test made
// unreadable in it) at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("jobmatch_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
  std::string read(const std::string& name) const {
    std::ifstream in(path / name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
};

// The embedded lexicon and profile, loaded once.
inline const Engine& shipped_engine() {
  static const std::unique_ptr<Engine> e = [] {
    auto loaded = Engine::load(EngineOptions{});
    return loaded.ok() ? std::move(*loaded) : nullptr;
  }();
  BOOST_TEST_REQUIRE(e != nullptr);
  return *e;
}

// An engine from a lexicon and a profile (named `t`) given as text; every diagnostic fails.
inline std::unique_ptr<Engine> engine_from(const std::string& lexicon, const std::string& profile) {
  const TempDir dir;
  dir.write("t.lex", lexicon);
  dir.write("t.profile", profile);
  auto loaded = Engine::load(EngineOptions{dir.path.string(), "t"});
  if (!loaded.ok())
    for (const Diagnostic& d : loaded.error().diagnostics) BOOST_ERROR(format_diagnostic(d));
  BOOST_TEST_REQUIRE(loaded.ok());
  return std::move(*loaded);
}

// The writers' tests' engine: a tiny lexicon (x.python, x.ml) and profile t (section core: x.ml,
// a must-have; section prog: x.python), so their output does not depend on the embedded data.
inline const Engine& tiny_engine() {
  static const std::unique_ptr<Engine> e = engine_from(
      "concept x.python\n  label Python\n  origin article\n  any python\n"
      "concept x.ml\n  label ML\n  origin article\n  en ml\n",
      "profile t\n  label Test\n"
      "section core\n  weight 2\n  x.ml 1 must\n"
      "section prog\n  weight 1\n  x.python 1\n");
  return *e;
}

// The profile tests' lexicon: a.one and a.two (article), b.three (extension).
inline const Lexicon& three_concept_lexicon() {
  static const Lexicon lex = lexicon_from(
      "concept a.one\n  label One\n  origin article\n  en one\n"
      "concept a.two\n  label Two\n  origin article\n  en two\n"
      "concept b.three\n  label Three\n  origin extension\n  en three\n");
  return lex;
}

// What a writer prints for the given results, written to a temporary file and read back.
inline std::string write_records(Format format, const Engine& engine, const std::vector<Result>& results,
                                 const ReportOptions& options = {}) {
  std::FILE* f = std::tmpfile();
  BOOST_TEST_REQUIRE(f != nullptr);
  {
    Output out(::fileno(f));
    auto writer = make_writer(format, out, engine, options);
    BOOST_TEST_REQUIRE(writer != nullptr);
    for (const Result& r : results) writer->write(r);
    writer->finish();
  }
  std::rewind(f);
  std::string got;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) got.append(buf, n);
  std::fclose(f);
  return got;
}

inline std::string read_whole_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Random job-ad-like text for property tests: ASCII words, tech and gender forms, umlauts,
// ß/ẞ, ligatures, fullwidth letters, combining marks, invisible characters, emoji and invalid
// UTF-8. Deterministic on every platform: only raw mt19937 output is used (the distributions of
// <random> are implementation-defined).
class Generator {
 public:
  explicit Generator(uint32_t seed) : m_rng(seed) {}

  uint32_t rnd() { return static_cast<uint32_t>(m_rng()); }

  std::string next() {
    static const std::vector<std::string> pieces = {
        // ASCII words and the tech and gender forms the normalizer treats specially
        "Python", "und", "R-Kenntnisse", "Machine Learning", "C++", "C#", ".NET", "node.js",
        "(m/w/d)", "(w/m/d)", "m/w/d", "(all genders)", "Entwickler:innen", "Entwickler*in",
        "Mitarbeiter/-innen", "EntwicklerInnen", "LinkedIn", "(in)", "/in", "I", "In", "x", "a",
        "R", "R&D", "Spark", "Hadoop", "Caffe", "latte", "TensorFlow", "500", "ml", "Statistik",
        " ", "  ", "\n", "\t", "-", "/", ".", "'", "&", "(", ")", ":", "*", "_", "3", "2024",
        // German letters, ß and capital ẞ
        "ä", "ö", "ü", "Ä", "Ö", "Ü", "ß", "ẞ", "Fähigkeiten", "STRAẞE",
        // ligatures, fullwidth, compatibility characters
        "\uFB01", "\uFB02", "\uFB00", "Ｐｙｔｈｏｎ", "\u2460", "\u338F", "\u2122", "\u01C4",
        "\u00BD", "\u2105",
        // combining marks, alone and after letters
        "a\u0308", "A\u0308", "u\u0308", "\u0308", "e\u0301\u0327", "\u0327\u0301", "\u0345",
        "\u1100\u1161", "\uFF76\uFF9E", "\uFF9E",
        // invisible characters
        "\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u2066",
        // typographic punctuation
        "\u2019", "\u2018", "\u00B4", "\u2010", "\u2011", "\u2013", "\u2014", "\u00B7", "\u00B7in",
        "\u201E", "\u201C", "\u2022", "\u00A0",
        // casing oddities
        "\u0130", "\u03A3\u0391\u03A3", "\u03C2", "\u1E9E",
        // emoji (with ZWJ and variation selector)
        "\U0001F680", "\U0001F469\u200D\U0001F4BB", "\u2764\uFE0F",
        // invalid UTF-8: stray continuation, truncated, overlong, surrogate, out of range
        "\x80", "\xBF", "\xC3", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xFF",
        "\xFE"};
    std::string s;
    const uint32_t count = rnd() % 24;
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t kind = rnd() % 16;
      if (kind == 0) {
        s += static_cast<char>(0x80 + rnd() % 0x80);  // any high byte
      } else if (kind == 1) {
        append_utf8(s, random_code_point());
      } else {
        s += pieces[rnd() % pieces.size()];
      }
    }
    return s;
  }

 private:
  char32_t random_code_point() {
    static const std::pair<char32_t, char32_t> ranges[] = {
        {0x00A0, 0x024F}, {0x0300, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x04FF},
        {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x2100, 0x218F}, {0x2460, 0x24FF},
        {0x3000, 0x30FF}, {0x3300, 0x33FF}, {0xAC00, 0xAC40}, {0xFB00, 0xFB4F},
        {0xFE00, 0xFE0F}, {0xFF00, 0xFFEF}, {0x1D400, 0x1D4FF}, {0x1F300, 0x1F6FF}};
    const auto& r = ranges[rnd() % std::size(ranges)];
    return r.first + rnd() % (r.second - r.first + 1);
  }

  std::mt19937 m_rng;
};

// A stream over bytes in memory that hands out at most k bytes per read; fails at the end
// instead of ending if fail_at_end is set.
class MemStream : public jobmatch::ByteStream {
 public:
  explicit MemStream(std::string bytes, size_t k = SIZE_MAX, bool fail_at_end = false)
      : m_bytes(std::move(bytes)), m_k(k), m_fail(fail_at_end) {}
  jobmatch::Expected<size_t> read(char* buf, size_t n) override {
    BOOST_TEST_REQUIRE(n > 0u);
    if (m_pos == m_bytes.size()) {
      if (m_fail) return jobmatch::Error("read failed: test");
      return size_t{0};
    }
    const size_t take = std::min({n, m_k, m_bytes.size() - m_pos});
    std::memcpy(buf, m_bytes.data() + m_pos, take);
    m_pos += take;
    return take;
  }

 private:
  std::string m_bytes;
  size_t m_pos = 0, m_k;
  bool m_fail;
};

}  // namespace jobmatch::test
