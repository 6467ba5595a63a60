// The record schema shipped in the binary is JSON and names its version.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "report/schema.h"

using namespace jobmatch;

BOOST_AUTO_TEST_SUITE(schema)

BOOST_AUTO_TEST_CASE(record_schema_is_json_with_its_version) {
  const auto schema = nlohmann::json::parse(record_schema());
  BOOST_TEST(schema["x-jobmatch-schema-version"].get<int>() == kRecordSchemaVersion);
  BOOST_TEST(schema["$id"].get<std::string>().ends_with("/" + std::to_string(kRecordSchemaVersion)));
}

BOOST_AUTO_TEST_SUITE_END()
