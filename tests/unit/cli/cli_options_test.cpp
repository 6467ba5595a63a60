// The input options every reading command shares: --ext, --input-format, --max-bytes.
#include "cli/cli_options.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace {

namespace po = boost::program_options;

// parse_read_options on a command line of input options: the options, or an error.
jobmatch::Expected<jobmatch::ReadOptions> parse(const std::vector<std::string>& args) {
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(jobmatch::input_options()).run(), vm);
  po::notify(vm);
  return jobmatch::parse_read_options(vm);
}

std::vector<std::string> extensions(const std::string& ext) {
  const auto options = parse({"--ext", ext});
  BOOST_TEST_REQUIRE(options.ok(), ext << ": " << (options.ok() ? "" : options.error().message));
  return options->extensions;
}

std::string refusal(const std::vector<std::string>& args) {
  const auto options = parse(args);
  BOOST_TEST_REQUIRE(!options.ok());
  return options.error().message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_options)

BOOST_AUTO_TEST_CASE(ext_spellings_name_the_same_extension) {
  using V = std::vector<std::string>;
  for (const char* spelling : {"md", ".md", "*.md", "MD", ".MD", "*.Md", " md "}) BOOST_TEST(extensions(spelling) == V{"md"}, spelling);
  BOOST_TEST(extensions("md,txt, *.JSONL ,") == (V{"md", "txt", "jsonl"}));
  BOOST_TEST(extensions("tar.gz") == V{"tar.gz"});
}

BOOST_AUTO_TEST_CASE(ext_refuses_paths_and_patterns) {
  BOOST_TEST(refusal({"--ext", "a/b"}) == "--ext takes extensions such as md,txt or *.md, not 'a/b'");
  BOOST_TEST(refusal({"--ext", "*.*"}).starts_with("--ext takes extensions"));
  BOOST_TEST(refusal({"--ext", "m?"}).starts_with("--ext takes extensions"));
  BOOST_TEST(refusal({"--ext", ","}) == "--ext needs at least one extension");
  BOOST_TEST(refusal({"--ext", ""}) == "--ext needs at least one extension");
}

BOOST_AUTO_TEST_CASE(defaults_take_every_format) {
  const auto options = parse({});
  BOOST_TEST_REQUIRE(options.ok());
  BOOST_TEST((options->format == jobmatch::InputFormat::kAuto));
  for (const char* ext : {"txt", "md", "html", "json", "jsonl", "ndjson", "pdf", "docx"})
    BOOST_TEST((std::find(options->extensions.begin(), options->extensions.end(), ext) != options->extensions.end()), ext);
}

BOOST_AUTO_TEST_CASE(input_format_and_max_bytes) {
  BOOST_TEST((parse({"--input-format", "json"})->format == jobmatch::InputFormat::kJson));
  BOOST_TEST((parse({"--input-format", "ndjson"})->format == jobmatch::InputFormat::kJsonl));
  BOOST_TEST((parse({"--input-format", "md"})->format == jobmatch::InputFormat::kMarkdown));
  BOOST_TEST(refusal({"--input-format", "xml"}).starts_with("--input-format must be"));
  BOOST_TEST(refusal({"--max-bytes", "0"}) == "--max-bytes must be a whole number from 1 to 4294967295, not '0'");
  // A negative number would wrap around to a huge one: refused, not a limit turned off.
  BOOST_TEST(refusal({"--max-bytes", "-1"}) == "--max-bytes must be a whole number from 1 to 4294967295, not '-1'");
  BOOST_TEST(refusal({"--max-bytes", "4294967296"}).starts_with("--max-bytes must be a whole number from 1 to 4294967295"));
  for (const char* junk : {"5x", "1e3", "0x10", " 5", "+5", "", "99999999999999999999999", "nan", "inf", "1.5"})
    BOOST_TEST(refusal({"--max-bytes", junk}).starts_with("--max-bytes must be a whole number from 1 to 4294967295, not '"), junk);
  BOOST_TEST(parse({"--max-bytes", "4294967295"})->max_bytes == 4294967295u);
  BOOST_TEST(parse({"--max-bytes", "123"})->max_bytes == 123u);
}

// Every numeric option of every command is read by these two (src/cli/cmd_*.cpp, batch.cpp).
BOOST_AUTO_TEST_CASE(whole_numbers_in_range_only) {
  const auto count = [](const std::string& text) { return jobmatch::parse_count_option("--top", text, 0, 100000); };
  const auto error = [](const jobmatch::Expected<uint64_t>& v) { return v.ok() ? std::string() : v.error().message; };
  BOOST_TEST(count("0").value() == 0u);
  BOOST_TEST(count("20").value() == 20u);
  BOOST_TEST(count("100000").value() == 100000u);
  BOOST_TEST(count("007").value() == 7u);
  for (const char* bad : {"-1", "-0", "+1", "100001", "18446744073709551616", "99999999999999999999999", "1e2",
                          "0x1", "1.0", "1 ", " 1", "", "nan", "inf", "20abc"}) {
    BOOST_TEST(error(count(bad)) == std::string("--top must be a whole number from 0 to 100000, not '") + bad + "'");
  }
  BOOST_TEST(error(jobmatch::parse_count_option("--threads", "0", 1, 256)) ==
             "--threads must be a whole number from 1 to 256, not '0'");
  // What the user typed is shown escaped and cut short.
  BOOST_TEST(error(jobmatch::parse_count_option("--top", "\x1b[2J", 0, 9)) ==
             "--top must be a whole number from 0 to 9, not '\\x1b[2J'");
  BOOST_TEST(error(jobmatch::parse_count_option("--top", std::string(100, '9'), 0, 9)) ==
             "--top must be a whole number from 0 to 9, not '" + std::string(40, '9') + "...'");
}

BOOST_AUTO_TEST_CASE(numbers_finite_and_in_range_only) {
  const auto number = [](const char* text) { return jobmatch::parse_number_option("--fail-under", text, 0, 100); };
  BOOST_TEST(number("0").value() == 0.0);
  BOOST_TEST(number("62.5").value() == 62.5);
  BOOST_TEST(number("100").value() == 100.0);
  BOOST_TEST(number("1e1").value() == 10.0);
  BOOST_TEST(!std::signbit(number("-0").value()));  // -0 is 0
  for (const char* bad : {"nan", "NaN", "-nan", "inf", "-inf", "infinity", "-1", "-0.001", "100.5", "1e400",
                          "1e-400x", "0x10", "+50", " 50", "50 ", "50x", "", "."}) {
    const auto v = number(bad);
    BOOST_TEST_REQUIRE(!v.ok(), bad);
    BOOST_TEST(v.error().message == std::string("--fail-under must be a number from 0 to 100, not '") + bad + "'");
  }
}

BOOST_AUTO_TEST_SUITE_END()
