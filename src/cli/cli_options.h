// The input options every command that reads postings shares (score, explain, report, check,
// stats, eval): one option table, one parser, so they cannot drift apart.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/expected.h"
#include "input/read.h"

namespace jobmatch {

// --input-format, --max-bytes, --max-seconds, --files0-from, -0/--null, --ext, --id-field,
// --title-field, --text-field.
boost::program_options::options_description input_options();

// The checked ReadOptions, or an error saying which value is wrong.
Expected<ReadOptions> parse_read_options(const boost::program_options::variables_map& vm);

// --max-seconds as AnalyzeOptions::max_seconds takes it: -1 when not given (the default limit);
// an error when out of range.
Expected<double> parse_max_seconds(const boost::program_options::variables_map& vm);

// A whole-number option's value: decimal digits only (no sign, space, exponent, hex or trailing
// junk), from min to max. Else an error naming the option and the accepted range
// ("--top must be a whole number from 0 to 100000, not '-1'").
Expected<uint64_t> parse_count_option(std::string_view option, std::string_view text, uint64_t min, uint64_t max);

// A number option's value: a finite decimal number ("50", "62.5", "-0", "1e1"; no NaN, inf, hex,
// space or trailing junk) from min to max. Else an error naming the option and the range.
Expected<double> parse_number_option(std::string_view option, std::string_view text, double min, double max);

}  // namespace jobmatch
