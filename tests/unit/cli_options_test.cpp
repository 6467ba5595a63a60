// The input options every reading command shares: --ext, --input-format, --max-bytes.
#include "cli_options.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace po = boost::program_options;

// parse_read_options on a command line of input options: the options, or nullopt with *error.
std::optional<jobmatch::ReadOptions> parse(const std::vector<std::string>& args, std::string* error) {
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(jobmatch::input_options()).run(), vm);
  po::notify(vm);
  return jobmatch::parse_read_options(vm, error);
}

std::vector<std::string> extensions(const std::string& ext) {
  std::string error;
  const auto options = parse({"--ext", ext}, &error);
  BOOST_TEST_REQUIRE(options.has_value(), ext << ": " << error);
  return options->extensions;
}

std::string refusal(const std::vector<std::string>& args) {
  std::string error;
  const auto options = parse(args, &error);
  BOOST_TEST(!options.has_value());
  return error;
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
  std::string error;
  const auto options = parse({}, &error);
  BOOST_TEST_REQUIRE(options.has_value());
  BOOST_TEST((options->format == jobmatch::InputFormat::kAuto));
  for (const char* ext : {"txt", "md", "html", "json", "jsonl", "ndjson", "pdf", "docx"})
    BOOST_TEST((std::find(options->extensions.begin(), options->extensions.end(), ext) != options->extensions.end()), ext);
}

BOOST_AUTO_TEST_CASE(input_format_and_max_bytes) {
  std::string error;
  BOOST_TEST((parse({"--input-format", "json"}, &error)->format == jobmatch::InputFormat::kJson));
  BOOST_TEST((parse({"--input-format", "ndjson"}, &error)->format == jobmatch::InputFormat::kJsonl));
  BOOST_TEST((parse({"--input-format", "md"}, &error)->format == jobmatch::InputFormat::kMarkdown));
  BOOST_TEST(refusal({"--input-format", "xml"}).starts_with("--input-format must be"));
  BOOST_TEST(refusal({"--max-bytes", "0"}) == "--max-bytes must be from 1 to 4294967295");
  // A negative number wraps around to a huge one: refused, not a limit turned off.
  BOOST_TEST(refusal({"--max-bytes", "-1"}) == "--max-bytes must be from 1 to 4294967295");
  BOOST_TEST(refusal({"--max-bytes", "4294967296"}) == "--max-bytes must be from 1 to 4294967295");
  BOOST_TEST(parse({"--max-bytes", "4294967295"}, &error)->max_bytes == 4294967295u);
  BOOST_TEST(parse({"--max-bytes", "123"}, &error)->max_bytes == 123u);
}

BOOST_AUTO_TEST_SUITE_END()
