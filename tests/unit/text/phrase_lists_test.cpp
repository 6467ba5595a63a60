// PhraseLists: the phrases found are those a plain substring search finds.
#include "text/phrase_lists.h"

#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_helpers.h"

BOOST_AUTO_TEST_SUITE(phrase_lists)

// PhraseLists against the plain definition (string_view::find of each phrase), on text made of
// the phrases' own pieces: a small set (searched sixteen bytes at a time) and a large one.
namespace {

void check_phrase_lists(const std::vector<std::vector<std::string>>& lists, const jobmatch::PhraseLists& set,
                        uint32_t seed) {
  std::vector<std::string> pieces = {" ", "x", "e", "\n", "\xC3\xA4", "q", "ss"};
  for (const auto& list : lists)
    for (const std::string& p : list) {
      pieces.push_back(p);
      pieces.push_back(p.substr(0, p.size() / 2));
      pieces.push_back(p.substr(p.size() / 2));
    }
  jobmatch::test::Generator gen(seed);
  size_t hits = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    for (uint32_t k = gen.rnd() % 40; k > 0; --k) s += pieces[gen.rnd() % pieces.size()];
    const size_t from = s.empty() ? 0 : gen.rnd() % (s.size() + 1);
    uint32_t expected = 0, expected_late = 0, late = 0;
    for (size_t l = 0; l < lists.size(); ++l)
      for (const std::string& p : lists[l]) {
        if (s.find(p) != std::string::npos) expected |= 1u << l;
        if (s.find(p, from) != std::string::npos) expected_late |= 1u << l;
      }
    BOOST_TEST_REQUIRE(set.match(s) == expected, "match on \"" << jobmatch::test::show_bytes(s) << "\"");
    BOOST_TEST_REQUIRE(set.match(s, from, &late) == expected, "match on \"" << jobmatch::test::show_bytes(s) << "\"");
    BOOST_TEST_REQUIRE(late == expected_late, "match after " << from << " in \"" << jobmatch::test::show_bytes(s) << "\"");
    size_t first = std::string::npos;
    for (const auto& list : lists)
      for (const std::string& p : list) first = std::min(first, s.find(p, from));
    BOOST_TEST_REQUIRE(set.find(s, from) == first, "find from " << from << " in \"" << jobmatch::test::show_bytes(s) << "\"");
    hits += first != std::string::npos;
  }
  BOOST_TEST(hits > 1000u);
}

}  // namespace

BOOST_AUTO_TEST_CASE(phrase_lists_find_what_a_plain_search_finds) {
  auto views = [](const std::vector<std::vector<std::string>>& lists) {
    std::vector<std::vector<std::string_view>> out;
    for (const auto& list : lists) out.emplace_back(list.begin(), list.end());
    return out;
  };
  // Phrases inside others ("less" in "regardless of"): a later key pair can belong to an earlier start.
  const std::vector<std::vector<std::string>> few = {{"equal opportunit", "regardless of", "ab", "xq", "less"},
                                                     {"diskriminierung", "e e", "b\xC3\xA4r", "abab", "qual", "rim"}};
  check_phrase_lists(few, jobmatch::PhraseLists(views(few)), 21);
  std::vector<std::vector<std::string>> many(3);
  for (int k = 0; k < 60; ++k)
    many[static_cast<size_t>(k % 3)].push_back(std::string(1, static_cast<char>('a' + k % 26)) + std::to_string(k % 7) + "z");
  many[1].push_back("must");
  many[1].push_back("regardless of");
  many[0].push_back("less");
  many[2].push_back("nice to have");
  check_phrase_lists(many, jobmatch::PhraseLists(views(many)), 22);
}

BOOST_AUTO_TEST_SUITE_END()
