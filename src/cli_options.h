// The input options every command that reads postings shares (score, explain, report, check,
// stats, eval): one option table, one parser, so they cannot drift apart.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>

#include "read.h"

namespace jobmatch {

// --input-format, --max-bytes, --max-seconds, --ext, --id-field, --title-field, --text-field.
boost::program_options::options_description input_options();

// The checked ReadOptions, or nullopt with *error saying which value is wrong.
std::optional<ReadOptions> parse_read_options(const boost::program_options::variables_map& vm,
                                              std::string* error);

// --max-seconds as AnalyzeOptions::max_seconds takes it: -1 when not given (the default limit);
// NaN with *error set when out of range.
double parse_max_seconds(const boost::program_options::variables_map& vm, std::string* error);

}  // namespace jobmatch
