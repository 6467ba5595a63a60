// The id of a JSON Lines record that does not parse: the value of the id field, if the line
// gets that far before its error ({"id": "p0042", "text": "trunc...). With it, the error record
// of a malformed line carries the same id however the batch is split into shards, where
// FILE:LINE would count lines from the start of each shard. Parsed by nlohmann-json's SAX
// interface, not by hand.
//
// Used by records.cpp's JSON Lines error path: a line that does not parse is named by this id, with
// a message that does not count lines; only a line with no id to recover is named FILE:LINE (see
// the README's Pipelines section).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jobmatch {

// The top-level field `id_field` of line if it is a string or an integer and comes before any
// syntax error; nullopt otherwise (not an object, error first, field absent or of another type).
std::optional<std::string> recover_jsonl_id(std::string_view line, const std::string& id_field);

}  // namespace jobmatch
