// The phrase index's part keys: the one-load affix keys the matcher uses for parts of four bytes
// or more are the keys the index was built with (affix_key of the same bytes).
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

BOOST_AUTO_TEST_SUITE_END()
