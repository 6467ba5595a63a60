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

BOOST_AUTO_TEST_CASE(help_rows_wrapped_under_captions) {
  po::options_description out("Output");
  out.add_options()("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text or json")(
      "quiet,q", po::bool_switch(), "be quiet");
  po::options_description lex("Lexicon");
  lex.add_options()("lexicon-directory-name", po::value<std::string>()->value_name("FILE|DIR"),
                    "one two three four five six seven eight nine ten eleven twelve");
  po::options_description all;
  all.add(out).add(lex);
  const std::string help = format_options(all, 60, {{"help", "h", "", "", "show this help"}});
  BOOST_TEST(help ==
             "Output:\n"
             "  -f, --format FMT          text or json (default: text)\n"
             "  -q, --quiet               be quiet\n"
             "  -h, --help                show this help\n"
             "\n"
             "Lexicon:\n"
             "      --lexicon-directory-name FILE|DIR\n"
             "                            one two three four five six\n"
             "                            seven eight nine ten eleven\n"
             "                            twelve\n");
  // No option at all: the extra rows alone, under Options (no empty heading).
  BOOST_TEST(format_options(po::options_description(), 80, {{"help", "h", "", "", "show this help"}}) ==
             "Options:\n  -h, --help                show this help\n");
  // A description that says its default already is not given a second one.
  BOOST_TEST(format_option({"max", "", "N", "5", "at most N (default: five)"}, 80) ==
             "      --max N               at most N (default: five)\n");
}

BOOST_AUTO_TEST_CASE(fish_completion_and_profile_names) {
  po::options_description o("Options");
  o.add_options()("format,f", po::value<std::string>()->value_name("FMT"), "text or json")(
      "profile,p", po::value<std::string>()->value_name("NAME|FILE"), "the profile's name")(
      "quiet,q", po::bool_switch(), "be quiet");
  CommandDoc c;
  c.name = "demo";
  c.summary = "a demo's summary";
  c.options = &o;
  c.choices["format"] = {"text", "json"};
  c.choices["profile"] = {"data-engineer", "ml-engineer"};
  const std::string fish = render_fish_completion({c});
  BOOST_TEST(fish.find("complete -c jobmatch -n __fish_use_subcommand -a demo -d 'a demo\\'s summary'\n") !=
             std::string::npos);
  BOOST_TEST(fish.find("-n '__fish_seen_subcommand_from demo' -s f -l format -x -a 'text json' -d 'text or json'") !=
             std::string::npos);
  // -p: the names, or a file.
  BOOST_TEST(fish.find("-s p -l profile -r -F -a 'data-engineer ml-engineer'") != std::string::npos);
  BOOST_TEST(fish.find("-s q -l quiet -d 'be quiet'") != std::string::npos);
  BOOST_TEST(fish.find("-n '__fish_seen_subcommand_from demo' -F\n") != std::string::npos);
  BOOST_TEST(render_bash_completion({c}).find("--profile|-p) COMPREPLY=($(compgen -W \"data-engineer ml-engineer\" -- "
                                              "\"$cur\") $(compgen -f -- \"$cur\"))") != std::string::npos);
  BOOST_TEST(render_zsh_completion({c}).find(":NAME|FILE:{_values name data-engineer ml-engineer; _files}") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
