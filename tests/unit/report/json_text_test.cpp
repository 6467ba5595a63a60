// The record writer's JSON values are byte for byte what nlohmann-json's dump() writes: strings
// (escapes, control characters, invalid UTF-8 replaced), doubles (its Grisu2 digits, which are
// not always the shortest, and its layout: 1.0, 0.0001, 1e-05, 1e+16), integers, string arrays.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "report/json_text.h"
#include "test_helpers.h"

using jobmatch::append_json;
using nlohmann::ordered_json;

namespace {

std::string reference(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

template <typename T>
std::string ours(const T& v) {
  std::string o = "x";  // appended to what is there
  append_json(o, v);
  return o.substr(1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_text)

BOOST_AUTO_TEST_CASE(strings_are_escaped_as_nlohmann_json_escapes_them) {
  std::vector<std::string> cases = {"", "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t", "\x01\x1f\x7f",
                                    "Ümlaut €uro 😀", "\xef\xbf\xbd", "bad \xff byte", "cut \xe2\x82",
                                    "overlong \xc0\xaf", "surrogate \xed\xa0\x80", "past U+10FFFF \xf4\x90\x80\x80"};
  for (int c = 0; c < 256; ++c) cases.push_back(std::string("a") + static_cast<char>(c) + "b");
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s(rng() % 12, '\0');
    for (char& ch : s) ch = static_cast<char>(rng() % 3 == 0 ? rng() % 0x20 : rng() % 256);
    cases.push_back(s);
  }
  for (const std::string& s : cases)
    BOOST_TEST_REQUIRE(ours(std::string_view(s)) == reference(ordered_json(s)), jobmatch::test::show_bytes(s));
}

BOOST_AUTO_TEST_CASE(doubles_are_written_with_nlohmann_jsons_digits) {
  std::vector<double> cases = {0.0, -0.0, 1.0, -1.0, 0.1, 0.63, 1.9, 3.0, 100.0, 1e15, 1e16, 1e17, 1e-4, 1e-5,
                               123456789012345678.0, 5e-324, std::numeric_limits<double>::max(),
                               // Grisu2 writes these longer than the shortest form
                               0.0008408, 4e23, 8.1068e21,
                               std::numeric_limits<double>::infinity(), std::nan("")};
  for (int k = -5000; k <= 5000; ++k) cases.push_back(k / 1000.0);
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20000; ++i) {
    const uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    cases.push_back(v);
  }
  // Twice: the second time from the per-thread cache.
  for (int round = 0; round < 2; ++round)
    for (const double v : cases) BOOST_TEST_REQUIRE(ours(v) == reference(ordered_json(v)), v);
}

BOOST_AUTO_TEST_CASE(integers_and_string_arrays_as_nlohmann_json_writes_them) {
  for (const uint64_t v : {uint64_t{0}, uint64_t{7}, uint64_t{4294967295u}, std::numeric_limits<uint64_t>::max()})
    BOOST_TEST(ours(v) == reference(ordered_json(v)));
  const std::vector<std::string> none, some = {"a", "b \"c\"", "\n"};
  BOOST_TEST(ours(none) == reference(ordered_json(none)));
  BOOST_TEST(ours(some) == reference(ordered_json(some)));
}

BOOST_AUTO_TEST_SUITE_END()
