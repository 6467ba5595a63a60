// The id of a JSON line that does not parse, read from as far as it goes.
#include <boost/test/unit_test.hpp>

#include "input/jsonl_id.h"

using jobmatch::recover_jsonl_id;

BOOST_AUTO_TEST_SUITE(jsonl_id)

BOOST_AUTO_TEST_CASE(recover_id_of_malformed_line) {
  BOOST_TEST(recover_jsonl_id(R"({"id": "p0042", "text": "unterminated)", "id").value() == "p0042");
  BOOST_TEST(recover_jsonl_id(R"({"title": {"id": "inner"}, "id": 17, "text": )", "id").value() == "17");
  BOOST_TEST(!recover_jsonl_id(R"({"text": "x", )", "id").has_value());       // error before any id
  BOOST_TEST(!recover_jsonl_id(R"(["id", "x"])", "id").has_value());           // not an object
  BOOST_TEST(!recover_jsonl_id(R"({"id": null, "text": "x"})", "id").has_value());
  BOOST_TEST(!recover_jsonl_id(R"("id")", "id").has_value());
  BOOST_TEST(recover_jsonl_id(R"({"key": "k1", "id": "x")", "key").value() == "k1");
  BOOST_TEST(!recover_jsonl_id("", "id").has_value());
  BOOST_TEST(!recover_jsonl_id("\xff\xfe{", "id").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
