// The JSON Schema of the output record (record.schema.json, embedded at build time), printed by
// `jobmatch schema` and validated against by the tests.
#pragma once

#include <string_view>

namespace jobmatch {

// The record schema's version: fields may be added within a version; one removed, renamed or
// changed in meaning makes the next.
constexpr int kRecordSchemaVersion = 1;

// The text of src/report/record.schema.json.
std::string_view record_schema();

}  // namespace jobmatch
