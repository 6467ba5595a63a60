// The phrase index's part keys and quick checks: the one-load affix keys the matcher uses for
// parts of four bytes or more are the keys the index was built with (affix_key of the same
// bytes); the branch-free part hash is hash_part_at's; an entry's check passes exactly the parts
// that start (end) with its first (last) eight bytes.
#include "match/phrase_index.h"

#include <boost/test/unit_test.hpp>

#include <string>

#include "test_helpers.h"

BOOST_AUTO_TEST_SUITE(phrase_index)

BOOST_AUTO_TEST_CASE(one_load_affix_keys_equal_affix_key) {
  using namespace jobmatch;
  test::Generator gen(5);
  size_t checked = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string part = gen.next();
    if (part.size() < kMaxAffix) continue;
    const std::string_view p = part;
    const uint32_t head4 = load4(p.data()), tail4 = load4(p.data() + p.size() - 4);
    for (size_t n = 2; n <= kMaxAffix; ++n) {
      BOOST_TEST(head_word_key(head4, n) == affix_key(p.substr(0, n), false));
      BOOST_TEST(tail_word_key(tail4, n) == affix_key(p.substr(p.size() - n), true));
      ++checked;
    }
  }
  BOOST_TEST(checked > 3000u);
}

// Every part of texts of every length, at every place, the end of the text included.
BOOST_AUTO_TEST_CASE(branch_free_part_hash_equals_hash_part_at) {
  using namespace jobmatch;
  test::Generator gen(6);
  size_t checked = 0;
  for (int i = 0; i < 300; ++i) {
    std::string text;
    while (text.size() < static_cast<size_t>(i % 40)) text += gen.next();
    for (size_t begin = 0; begin <= text.size(); ++begin)
      for (size_t end = begin; end <= text.size() && end <= begin + 20; ++end, ++checked)
        BOOST_TEST_REQUIRE(hash_part_branchless(text, begin, end) == hash_part_at(text, begin, end),
                           test::show_bytes(text) << " [" << begin << ", " << end << ")");
  }
  BOOST_TEST(checked > 10000u);
}

BOOST_AUTO_TEST_CASE(entry_check_passes_the_parts_with_its_bytes) {
  using namespace jobmatch;
  const std::string_view literals[] = {"ab", "abc", "abcd", "data", "datasci", "learning", "statistic", "x"};
  const std::string_view parts[] = {"", "a", "ab", "abc", "abcd", "abcde", "xab", "xabc", "data", "datas",
                                    "datascience", "dat", "machinelearning", "learning", "earning",
                                    "statistics", "statistik", "x", "yx", "statisti", "tatistic"};
  for (const std::string_view literal : literals)
    for (const bool tail : {false, true}) {
      Entry e{0, 0};
      set_check(&e, literal, tail);
      const std::string_view checked = tail ? literal.substr(literal.size() - e.check_bytes) : literal.substr(0, e.check_bytes);
      for (const std::string_view part : parts) {
        uint64_t first8, last8;
        PhraseIndex::read_ends(part, &first8, &last8);
        const bool expected = tail ? part.ends_with(checked) : part.starts_with(checked);
        BOOST_TEST(PhraseIndex::passes_check(e, first8, last8, part.size()) == expected,
                   (tail ? "tail " : "head ") << literal << " on " << part);
      }
    }
}

BOOST_AUTO_TEST_SUITE_END()
