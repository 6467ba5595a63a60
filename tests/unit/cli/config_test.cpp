// The config file: where it is found, what it may hold (and the errors, with file:line:col and
// "did you mean"), and how its settings meet the command line (the command line wins, a
// command's table wins over the top level, relative paths start at the file's folder).
#include "cli/config.h"

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace jobmatch;

namespace {

// Two commands' option tables, shaped like the real ones.
po::options_description check_table() {
  po::options_description o;
  o.add_options()("fail-under", po::value<std::string>()->value_name("SCORE"), "")(
      "require,r", po::value<std::vector<std::string>>()->value_name("CONCEPT"), "")(
      "format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "")(
      "summary", po::value<std::string>()->value_name("FILE"), "")(
      "ext", po::value<std::string>()->value_name("LIST"), "")(
      "profile,p", po::value<std::string>()->value_name("NAME|FILE"), "")(
      "lexicon", po::value<std::string>()->value_name("FILE|DIR"), "");
  return o;
}

po::options_description score_table() {
  po::options_description o;
  o.add_options()("fail-under", po::value<std::string>()->value_name("SCORE"), "")(
      "format,f", po::value<std::string>()->value_name("FMT"), "")("quiet,q", po::bool_switch(), "")(
      "profile,p", po::value<std::string>()->value_name("NAME|FILE"), "");
  return o;
}

struct Tables {
  po::options_description check = check_table(), score = score_table();
  std::vector<ConfigCommand> commands{{"check", &check}, {"score", &score}};
};

Expected<Config> parse(const std::string& text, const std::string& path = "conf/.jobmatch.toml") {
  static Tables tables;
  return parse_config(text, path, tables.commands);
}

std::string error_of(const std::string& text) {
  const auto c = parse(text);
  return c.ok() ? "(no error)" : c.error().message;
}

// The command line args parsed against options, then config applied for command.
po::variables_map run(const po::options_description& options, const std::vector<std::string>& args,
                      const Config& config, const std::string& command, ConfigOrigins* origins) {
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  *origins = apply_config(config, command, options, vm);
  po::notify(vm);
  return vm;
}

// A scratch folder, removed at the end.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("jobmatch_config_test_" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  void touch(const fs::path& p) {
    fs::create_directories((dir / p).parent_path());
    std::ofstream(dir / p) << "\n";
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(found_here_or_above_up_to_the_repository_root) {
  Scratch s;
  fs::create_directories(s.dir / "repo/.git");
  fs::create_directories(s.dir / "repo/ads/de");
  BOOST_TEST(!find_config(s.dir / "repo/ads/de").has_value());
  s.touch("repo/ads/de/.jobmatch.toml");
  BOOST_TEST(*find_config(s.dir / "repo/ads/de") == ".jobmatch.toml");
  fs::remove(s.dir / "repo/ads/de/.jobmatch.toml");
  s.touch("repo/.jobmatch.toml");
  BOOST_TEST(*find_config(s.dir / "repo/ads/de") == "../../.jobmatch.toml");
  // Not above the repository root: a file there does not gate the checkout.
  fs::remove(s.dir / "repo/.jobmatch.toml");
  s.touch(".jobmatch.toml");
  BOOST_TEST(!find_config(s.dir / "repo/ads/de").has_value());
  // Without a repository, up to the file-system root.
  fs::create_directories(s.dir / "plain/a");
  BOOST_TEST(*find_config(s.dir / "plain/a") == "../../.jobmatch.toml");
}

BOOST_AUTO_TEST_CASE(command_line_wins_then_the_table_then_the_top_level) {
  const auto config = parse(
      "fail-under = 10\nformat = \"github\"\nquiet = true\n"
      "[check]\nfail-under = 60.5\nrequire = [\"skill.python\", \"core.machine_learning\"]\n");
  BOOST_REQUIRE(config.ok());
  const po::options_description check = check_table(), score = score_table();
  ConfigOrigins origins;
  po::variables_map vm = run(check, {"--format", "json"}, *config, "check", &origins);
  BOOST_TEST(vm["format"].as<std::string>() == "json");  // the command line
  BOOST_TEST(!origins.count("format"));
  BOOST_TEST(vm["fail-under"].as<std::string>() == "60.5");  // [check] over the top level
  BOOST_TEST(origins["fail-under"] == "conf/.jobmatch.toml:5");
  BOOST_TEST(vm["require"].as<std::vector<std::string>>().size() == 2u);
  BOOST_TEST(!vm.count("quiet"));  // check has no --quiet: the top-level key is not for it
  vm = run(score, {"-q"}, *config, "score", &origins);
  BOOST_TEST(vm["fail-under"].as<std::string>() == "10");  // [check] is not score's
  BOOST_TEST(vm["format"].as<std::string>() == "github");
  BOOST_TEST(origins["format"] == "conf/.jobmatch.toml:2");
  // A repeated option given on the command line replaces the file's list.
  vm = run(check, {"-r", "skill.sql"}, *config, "check", &origins);
  BOOST_TEST(vm["require"].as<std::vector<std::string>>() == std::vector<std::string>{"skill.sql"});
  // A default is replaced; a switch set false stores nothing.
  const auto off = parse("quiet = false\n[check]\nformat = \"markdown\"\n");
  BOOST_REQUIRE(off.ok());
  vm = run(score, {}, *off, "score", &origins);
  BOOST_TEST(!vm["quiet"].as<bool>());
  BOOST_TEST(origins["quiet"] == "conf/.jobmatch.toml:1");
  vm = run(check, {}, *off, "check", &origins);
  BOOST_TEST(vm["format"].as<std::string>() == "markdown");
}

BOOST_AUTO_TEST_CASE(paths_are_relative_to_the_file_and_lists_join) {
  const auto config = parse(
      "[check]\nlexicon = \"../lexicons\"\nsummary = \"out/summary.md\"\nprofile = \"team.profile\"\n"
      "ext = [\"md\", \"txt\"]\nrequire = []\n");
  BOOST_REQUIRE(config.ok());
  ConfigOrigins origins;
  po::variables_map vm = run(check_table(), {}, *config, "check", &origins);
  BOOST_TEST(vm["lexicon"].as<std::string>() == "lexicons");
  BOOST_TEST(vm["summary"].as<std::string>() == "conf/out/summary.md");
  BOOST_TEST(vm["profile"].as<std::string>() == "conf/team.profile");
  BOOST_TEST(vm["ext"].as<std::string>() == "md,txt");
  BOOST_TEST(vm["require"].as<std::vector<std::string>>() == std::vector<std::string>{""});  // set, to nothing
  // A profile's name is not a path; an absolute path stays.
  const auto named = parse("profile = \"ml-engineer\"\n[check]\nsummary = \"/tmp/s.md\"\n");
  BOOST_REQUIRE(named.ok());
  vm = run(check_table(), {}, *named, "check", &origins);
  BOOST_TEST(vm["profile"].as<std::string>() == "ml-engineer");
  BOOST_TEST(vm["summary"].as<std::string>() == "/tmp/s.md");
  // A file in the working directory: paths stay as written.
  const auto here = parse("[check]\nsummary = \"s.md\"\n", ".jobmatch.toml");
  BOOST_REQUIRE(here.ok());
  vm = run(check_table(), {}, *here, "check", &origins);
  BOOST_TEST(vm["summary"].as<std::string>() == "s.md");
}

BOOST_AUTO_TEST_CASE(errors_say_where_and_suggest) {
  BOOST_TEST(error_of("fail-under = 1\nfail-undr = 60\n") ==
             "conf/.jobmatch.toml:2:1: unknown key 'fail-undr': no command has --fail-undr (did you mean 'fail-under'?)");
  BOOST_TEST(error_of("[check]\nquiet = true\n") ==
             "conf/.jobmatch.toml:2:1: unknown key 'quiet' in [check]: check has no --quiet");
  BOOST_TEST(error_of("[check]\nsumary = \"s.md\"\n") ==
             "conf/.jobmatch.toml:2:1: unknown key 'sumary' in [check]: check has no --sumary (did you mean 'summary'?)");
  BOOST_TEST(error_of("[chek]\nformat = \"text\"\n") ==
             "conf/.jobmatch.toml:1:2: unknown table [chek]: a table is a command's settings (check, score) "
             "(did you mean 'check'?)");
  BOOST_TEST(error_of("quiet = \"yes\"\n") == "conf/.jobmatch.toml:1:1: 'quiet' is a switch: true or false");
  BOOST_TEST(error_of("\n  fail-under = true\n") ==
             "conf/.jobmatch.toml:2:3: 'fail-under' takes a value (a string or a number), not true or false");
  BOOST_TEST(error_of("require = [[\"a\"]]\n") ==
             "conf/.jobmatch.toml:1:12: 'require' takes an array of strings or numbers, not one holding an array");
  BOOST_TEST(error_of("config = \"other.toml\"\n") == "conf/.jobmatch.toml:1:1: 'config' is given on the command line only");
  BOOST_TEST(error_of("format = \n").starts_with("conf/.jobmatch.toml:1:10: "));  // TOML syntax
  BOOST_TEST(error_of("[check.deep]\nformat = \"text\"\n").starts_with("conf/.jobmatch.toml:1:8: [check] cannot hold a table"));
}

// Which file load_config reads: --no-config none, --config FILE, else $JOBMATCH_CONFIG.
BOOST_AUTO_TEST_CASE(config_option_then_environment) {
  Scratch s;
  std::ofstream(s.dir / "a.toml") << "[check]\nfail-under = 60\n";
  std::ofstream(s.dir / "b.toml") << "[check]\nfail-under = 70\n";
  const auto load = [](const std::vector<std::string>& args) {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(config_options()).run(), vm);
    return load_config(vm);
  };
  const std::string a = (s.dir / "a.toml").string(), b = (s.dir / "b.toml").string();
  ::setenv("JOBMATCH_CONFIG", b.c_str(), 1);
  auto config = load({"--config", a});
  BOOST_REQUIRE(config.ok() && config->has_value());
  BOOST_TEST((*config)->path == a);
  config = load({});
  BOOST_REQUIRE(config.ok() && config->has_value());
  BOOST_TEST((*config)->path == b);
  BOOST_TEST((*config)->settings.front().values.front() == "70");
  config = load({"--no-config"});
  BOOST_TEST((config.ok() && !config->has_value()));
  BOOST_TEST(!load({"--no-config", "--config", a}).ok());
  ::setenv("JOBMATCH_CONFIG", (s.dir / "missing.toml").c_str(), 1);
  config = load({});
  BOOST_REQUIRE(!config.ok());
  BOOST_TEST(config.error().message.starts_with("cannot read config file '" + (s.dir / "missing.toml").string() + "'"));
  ::unsetenv("JOBMATCH_CONFIG");
}

BOOST_AUTO_TEST_SUITE_END()
