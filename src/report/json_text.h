// JSON values appended to a string byte for byte as nlohmann-json's dump() writes them (no
// indent, UTF-8 kept, invalid UTF-8 replaced by U+FFFD), without building a json value per
// field: the record writer (report/json.cpp) calls these tens of times per posting.
//   - strings: valid UTF-8 is escaped here (" \ and control characters: \b \t \n \f \r, the
//     rest as \u00xx); a string with invalid UTF-8 is left to nlohmann-json's replacement;
//   - floating-point numbers: nlohmann-json's own digits (its Grisu2 is not always the shortest
//     form, so no other formatter gives the same bytes), remembered per thread by value, as
//     a run writes the same few values over and over;
//   - integers: their decimal digits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jobmatch {

void append_json(std::string& o, std::string_view s);
void append_json(std::string& o, double v);
void append_json(std::string& o, uint64_t v);
void append_json(std::string& o, const std::vector<std::string>& strings);

}  // namespace jobmatch
