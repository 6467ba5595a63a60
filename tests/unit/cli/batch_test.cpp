// The one mapping of how a command ended to the exit code, and the commands' option tables as
// --help, the man page and the completions show them.
#include "cli/batch.h"

#include <boost/test/unit_test.hpp>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_doc.h"
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace {

using jobmatch::Outcome;

// What a command prints for --help.
std::string help_of(const jobmatch::Command& c) {
  std::ostringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  Outcome outcome;
  try {
    outcome = jobmatch::run_command(c, {"--help"});
  } catch (...) {
    std::cout.rdbuf(old);
    throw;
  }
  std::cout.rdbuf(old);
  BOOST_TEST(jobmatch::exit_code(outcome) == 0);
  return captured.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_batch)

BOOST_AUTO_TEST_CASE(every_outcome_has_its_exit_code) {
  BOOST_TEST(jobmatch::exit_code(Outcome{}) == jobmatch::kExitOk);
  BOOST_TEST(jobmatch::exit_code(Outcome{.below_floor = true}) == 1);
  BOOST_TEST(jobmatch::exit_code(Outcome{.usage_error = true}) == 2);
  BOOST_TEST(jobmatch::exit_code(Outcome{.input_errors = true}) == 3);
  BOOST_TEST(jobmatch::exit_code(Outcome{.output_failed = true}) == 4);
  BOOST_TEST(jobmatch::exit_code(Outcome{.pipe_closed = true}) == 0);
  BOOST_TEST(jobmatch::exit_code(Outcome{.internal_fault = true}) == 5);
}

BOOST_AUTO_TEST_CASE(which_outcome_wins) {
  // Input errors win over a posting below the floor (README: 3 wins over 1).
  BOOST_TEST(jobmatch::exit_code(Outcome{.input_errors = true, .below_floor = true}) == 3);
  BOOST_TEST(jobmatch::exit_code(Outcome{.usage_error = true, .input_errors = true}) == 2);
  // A closed pipe ends the run quietly whatever came before; a failed write is exit 4.
  BOOST_TEST(jobmatch::exit_code(Outcome{.input_errors = true, .below_floor = true, .pipe_closed = true}) == 0);
  BOOST_TEST(jobmatch::exit_code(Outcome{.input_errors = true, .output_failed = true}) == 4);
  // An internal fault is never the usage code.
  BOOST_TEST(jobmatch::exit_code(Outcome{.usage_error = true, .output_failed = true, .internal_fault = true}) == 5);
}

BOOST_AUTO_TEST_CASE(eval_help_is_its_option_table) {
  const std::string help = help_of(jobmatch::kEvalCommand);
  BOOST_TEST(help.starts_with("Usage: jobmatch eval --labels FILE [OPTIONS] PATH...\n"));
  for (const char* option : {"\nEvaluation:\n      --labels FILE", "      --positive LIST", "(default: mle,ds)",
                             "      --top LABEL", "      --ignore-title", "  -f, --format FMT          text or json (default: text)\n",
                             "      --worst N             worst-ranked postings shown per class (default: 3)\n",
                             "  -j, --threads N", "\nInput:\n      --input-format", "\nLexicon and profile:\n  -p, --profile",
                             "      --lexicon", "  -h, --help                show this help\n"})
    BOOST_TEST(help.find(option) != std::string::npos, option);
  // Boost's own layout is gone.
  BOOST_TEST(help.find(" [ --") == std::string::npos);
  BOOST_TEST(help.find("(=") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_command_prints_its_help) {
  for (const jobmatch::Command* c : jobmatch::all_commands())
    BOOST_TEST(help_of(*c).starts_with(std::string("Usage: jobmatch ") + c->name), c->name);
}

BOOST_AUTO_TEST_CASE(man_page_and_completions_have_eval_from_its_table) {
  const jobmatch::CommandDocs docs = jobmatch::command_docs();
  const std::string man = jobmatch::render_man_page(docs.docs, "test");
  const size_t eval = man.find(".SS eval\n");
  BOOST_TEST_REQUIRE(eval != std::string::npos);
  const std::string section = man.substr(eval, man.find(".SS ", eval + 1) - eval);
  BOOST_TEST(section.find("Usage: jobmatch eval \\-\\-labels FILE") != std::string::npos);
  BOOST_TEST(section.find("\\fB\\-\\-labels\\fR \\fIFILE\\fR\nlabels: TSV with a header row, columns id and label "
                          "(lang optional)\n") != std::string::npos);
  BOOST_TEST(section.find("\\fB\\-\\-worst\\fR \\fIN\\fR\nworst\\-ranked postings shown per class (default: 3)\n") !=
             std::string::npos);
  BOOST_TEST(section.find("\\fB\\-j\\fR, \\fB\\-\\-threads\\fR \\fIN\\fR") != std::string::npos);
  const std::string bash = jobmatch::render_bash_completion(docs.docs);
  BOOST_TEST(bash.find("--labels --positive --top --ignore-title --format -f --worst --threads -j") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parse_errors_are_usage_errors) {
  namespace po = boost::program_options;
  po::options_description o("Options");
  o.add_options()("top", po::value<std::string>()->default_value("20"), "n");
  po::variables_map vm;
  BOOST_CHECK_THROW(jobmatch::parse_command_line({"--bogus"}, o, true, &vm, "Usage", "score"), jobmatch::UsageError);
  po::variables_map vm2;
  BOOST_TEST(jobmatch::parse_command_line({"--top", "7", "a", "b"}, o, true, &vm2, "Usage", "score"));
  BOOST_TEST(jobmatch::count_of(vm2, "top", 0, 9) == 7u);
  BOOST_TEST(vm2["path"].as<std::vector<std::string>>().size() == 2u);
  po::variables_map vm3;
  BOOST_TEST(jobmatch::parse_command_line({"--top", "70"}, o, false, &vm3, "Usage", "score"));
  BOOST_CHECK_THROW(jobmatch::count_of(vm3, "top", 0, 9), jobmatch::UsageError);
}

BOOST_AUTO_TEST_SUITE_END()
