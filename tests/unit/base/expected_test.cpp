#include "base/expected.h"

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

using namespace jobmatch;

namespace {

Expected<std::string> half_of(int n) {
  if (n % 2 != 0) return Error("odd: " + std::to_string(n));
  return std::to_string(n / 2);
}

Status even(int n) {
  Expected<std::string> h = half_of(n);
  if (!h.ok()) return h.error();
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(expected)

BOOST_AUTO_TEST_CASE(value_or_error) {
  Expected<std::string> a = half_of(8);
  BOOST_REQUIRE(a.ok());
  BOOST_TEST(*a == "4");
  BOOST_TEST(a->size() == 1u);
  Expected<std::string> b = half_of(3);
  BOOST_REQUIRE(!b.ok());
  BOOST_TEST(b.error().message == "odd: 3");
  BOOST_TEST(b.error().diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(status_passes_an_error_on) {
  BOOST_TEST(even(2).ok());
  const Status s = even(5);
  BOOST_REQUIRE(!s.ok());
  BOOST_TEST(s.error().message == "odd: 5");
}

BOOST_AUTO_TEST_CASE(diagnostics_name_the_first_as_the_message) {
  const Error e(std::vector<Diagnostic>{{"a.lex", 3, 7, "unknown key", "frob x"}, {"a.lex", 9, 1, "second", ""}});
  BOOST_TEST(e.message == "unknown key");
  BOOST_TEST(e.diagnostics.size() == 2u);
  BOOST_TEST(Error(std::vector<Diagnostic>{}).message.empty());
}

BOOST_AUTO_TEST_CASE(move_only_values) {
  Expected<std::unique_ptr<int>> r = std::make_unique<int>(7);
  BOOST_REQUIRE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  BOOST_TEST(*p == 7);
}

BOOST_AUTO_TEST_SUITE_END()
