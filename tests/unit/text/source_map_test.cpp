#include "text/source_map.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "text/normalize.h"
#include "test_helpers.h"

using jobmatch::SourceMap;

namespace {

// Builds a random output text piece by piece, the way normalize does, with the map and the
// plain array the map stands for: a linear piece copies whole characters and maps each to its
// own input offset; any other piece maps all its bytes to one.
struct Model {
  std::string text;
  SourceMap map;
  std::vector<uint32_t> expected;
  uint32_t in = 0;

  void piece(jobmatch::test::Generator& gen) {
    static const std::vector<std::string> chars = {"a", "b", " ", "\xC3\xA9", "\xD0\xB6", "\xE2\x82\xAC", "\xF0\x9F\x9A\x80"};
    const uint32_t kind = gen.rnd() % 4;
    if (kind == 0) {  // a dropped character: no output, the input moves on
      in += 1 + gen.rnd() % 4;
      return;
    }
    if (kind == 1) {  // an expansion or a contraction: every byte maps to where it starts
      const size_t n = 1 + gen.rnd() % 3;
      for (size_t k = 0; k < n; ++k) text += chars[gen.rnd() % chars.size()];
      expected.resize(text.size(), in);
      map.append(text.size(), in, false);
      in += 1 + gen.rnd() % 5;
      return;
    }
    const size_t n = 1 + gen.rnd() % 6;  // characters copied as they are
    const uint32_t start = in;
    for (size_t k = 0; k < n; ++k) {
      const std::string& c = chars[gen.rnd() % chars.size()];
      text += c;
      expected.resize(text.size(), in);
      in += static_cast<uint32_t>(c.size());
    }
    map.append(text.size(), start, true);
  }
  void finish() {
    in += gen_tail;
    map.finish(in);
    expected.push_back(in);
  }
  uint32_t gen_tail = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(source_map)

BOOST_AUTO_TEST_CASE(maps_every_byte_as_the_plain_array_would) {
  jobmatch::test::Generator gen(99);
  for (int round = 0; round < 3000; ++round) {
    Model m;
    const uint32_t pieces = gen.rnd() % 12;
    for (uint32_t p = 0; p < pieces; ++p) m.piece(gen);
    m.gen_tail = gen.rnd() % 3;
    m.finish();
    BOOST_TEST_REQUIRE(m.map.size() == m.text.size());
    BOOST_TEST_REQUIRE(m.map.expand(m.text) == m.expected, boost::test_tools::per_element());
    for (size_t i = 0; i <= m.text.size(); ++i) BOOST_TEST_REQUIRE(m.map.at(m.text, i) == m.expected[i]);
    // first_at_or_after is std::lower_bound over the array, for every input offset and past it.
    for (uint32_t x = 0; x <= m.in + 1; ++x) {
      const auto want = static_cast<size_t>(std::lower_bound(m.expected.begin(), m.expected.end(), x) - m.expected.begin());
      BOOST_TEST_REQUIRE(m.map.first_at_or_after(m.text, x) == std::min(want, m.text.size()),
                         "round " << round << ", offset " << x);
    }
  }
}

BOOST_AUTO_TEST_CASE(ordinary_text_is_a_few_runs) {
  // ASCII text is one run however long; German text a couple per umlaut (folded to two
  // letters); text whose characters keep their length ("é", Cyrillic) one run.
  jobmatch::Normalized n;
  std::string ascii;
  for (int i = 0; i < 20000; ++i) ascii += "Machine Learning Engineer, Python and C++. ";
  jobmatch::normalize(ascii, &n);
  BOOST_TEST(n.map.run_count() == 1u);

  std::string german;
  for (int i = 0; i < 1000; ++i) german += "Erfahrung mit Datenanalyse und Fähigkeiten im Team. ";
  jobmatch::normalize(german, &n);
  BOOST_TEST(n.map.run_count() <= 2u * 1000 + 1);

  std::string kept;
  for (int i = 0; i < 1000; ++i) kept += "r\xC3\xA9sum\xC3\xA9 \xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB5 ";
  jobmatch::normalize(kept, &n);
  BOOST_TEST(n.map.run_count() == 1u);
  BOOST_TEST(n.src(1) == 1u);  // the second byte of "é" maps to its first
  BOOST_TEST(n.src(2) == 1u);
  BOOST_TEST(n.src(3) == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
