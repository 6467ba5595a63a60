// The man page and shell completions generated from a command's option table, and the same
// options read back from its --help text.
#include <boost/program_options.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "cli/cli_doc.h"

namespace po = boost::program_options;
using namespace jobmatch;

BOOST_AUTO_TEST_SUITE(cli_doc)

BOOST_AUTO_TEST_CASE(docs_from_option_tables) {
  po::options_description o("Output");
  o.add_options()("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text or json")(
      "quiet,q", po::bool_switch(), "be quiet")("lexicon", po::value<std::string>()->value_name("FILE|DIR"), "lex");
  CommandDoc c;
  c.name = "demo";
  c.summary = "a demo";
  c.usage = "Usage: jobmatch demo\n.starts with a dot";
  c.options = &o;
  c.choices["format"] = {"text", "json"};
  const auto opts = option_docs(c);
  BOOST_REQUIRE(opts.size() == 3u);
  BOOST_TEST(opts[0].long_name == "format");
  BOOST_TEST(opts[0].short_name == "f");
  BOOST_TEST(opts[0].value_name == "FMT");
  BOOST_TEST(opts[0].default_value == "text");
  BOOST_TEST(opts[1].value_name == "");
  const std::string man = render_man_page({c}, "9.9");
  BOOST_TEST(man.find("\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIFMT\\fR") != std::string::npos);
  BOOST_TEST(man.find("\n\\&.starts with a dot\n") != std::string::npos);
  const std::string bash = render_bash_completion({c});
  BOOST_TEST(bash.find("--format|-f) COMPREPLY=($(compgen -W \"text json\"") != std::string::npos);
  BOOST_TEST(bash.find("--lexicon) COMPREPLY=($(compgen -f") != std::string::npos);
  const std::string zsh = render_zsh_completion({c});
  BOOST_TEST(zsh.find("#compdef jobmatch") == 0u);
  BOOST_TEST(zsh.find(":FMT:(text json)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
