// `jobmatch check`: a gate for one or a few ads (report/check.h): verdicts, then the exit code.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "report/check.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch check [OPTIONS] AD... [--fail-under SCORE] [--require CONCEPT...]\n\n"
    "A gate for one or a few job ads before they are published (a CI step): each AD must\n"
    "score at least --fail-under (default 40) and name every --require concept (default: the\n"
    "profile's must-haves, each met by any of its concepts); a concept mentioned only negated\n"
    "does not count. Both may be set in .jobmatch.toml (see jobmatch config). Prints a verdict\n"
    "per ad and what is missing; --format github prints GitHub Actions annotations that point\n"
    "at the ad's line (at most 3 an ad, then a notice of how many more), --format json one\n"
    "object per ad. The Markdown summary is appended to --summary FILE, else to\n"
    "$GITHUB_STEP_SUMMARY when it is set. Concept ids as in `jobmatch score --format jsonl`\n"
    "(skill.python, core.machine_learning). Exit codes: 0 every ad passes, 1 some ad fails,\n"
    "2 usage or lexicon error, 3 some ad could not be read, 4 output or summary not written.";

po::options_description options() {
  po::options_description gate("Gate");
  gate.add_options()
      ("fail-under", po::value<std::string>()->value_name("SCORE"),
       "fail an ad that scores below SCORE, 0 to 100 (default: 40)")
      ("require,r", po::value<std::vector<std::string>>()->value_name("CONCEPT"),
       "fail an ad that does not name CONCEPT (repeat, or a comma-separated list; default: the "
       "profile's must-haves; '' requires nothing)")
      ("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text, github, markdown, json")
      ("summary", po::value<std::string>()->value_name("FILE"),
       "append the Markdown summary to FILE (default: $GITHUB_STEP_SUMMARY when set, unless --format markdown)")
      ("no-summary", po::bool_switch(), "write no summary file (whatever --summary or $GITHUB_STEP_SUMMARY say)")
      ("ignore-title", po::bool_switch(), "score the body only");
  add_color_option(gate);
  add_quiet_option(gate);
  po::options_description visible;
  visible.add(gate).add(input_options()).add(engine_options());
  return visible;
}

// " (did you mean 'skill.python'?)" for a concept id with a typo, else "".
std::string closest_concept(const Lexicon& lexicon, const std::string& id) {
  std::vector<std::string_view> ids;
  for (const Concept& c : lexicon.concepts) ids.emplace_back(c.id);
  return did_you_mean_suffix(id, ids);
}

class CheckJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    const std::string fmt = vm["format"].as<std::string>();
    if (fmt == "text") m_format = CheckFormat::kText;
    else if (fmt == "github") m_format = CheckFormat::kGithub;
    else if (fmt == "markdown") m_format = CheckFormat::kMarkdown;
    else if (fmt == "json") m_format = CheckFormat::kJson;
    else throw UsageError{"--format must be text, github, markdown or json, not '" + fmt + "'"};
    m_color = m_format == CheckFormat::kText && use_color(vm, STDOUT_FILENO);
    m_spec.floor = vm.count("fail-under") ? number_of(vm, "fail-under", 0, 100) : kDefaultCheckFloor;
    m_spec.default_floor = !vm.count("fail-under");
    // --require '' (require = [] in the config) is given, and requires nothing.
    m_explicit_required = vm.count("require") > 0;
    if (m_explicit_required)
      for (const std::string& list : vm["require"].as<std::vector<std::string>>()) {
        std::istringstream in(list);
        for (std::string id; std::getline(in, id, ',');)
          if (!id.empty()) m_required.push_back(id);
      }
    m_ignore_title = vm["ignore-title"].as<bool>();
    // The summary: none with --no-summary (which wins, so that the command line can turn off a
    // summary the config file sets), else --summary FILE, else $GITHUB_STEP_SUMMARY unless
    // --format markdown already writes the summary to standard output.
    if (vm["no-summary"].as<bool>()) {
      m_summary.clear();
    } else if (vm.count("summary")) {
      m_summary = vm["summary"].as<std::string>();
      if (m_summary.empty()) throw UsageError{"--summary needs a file name"};
    } else if (const char* env = std::getenv("GITHUB_STEP_SUMMARY"); env && *env && m_format != CheckFormat::kMarkdown) {
      m_summary = env;
    }
  }

  const char* no_paths_message() const override {
    return "check needs the ads to check (files, or - for standard input)";
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions&) override {
    m_engine = &engine;
    if (!m_explicit_required) {
      m_spec.required = engine.profile().musts;
      m_spec.profile_musts = true;
    }
    const std::vector<size_t> profile_concepts = engine.scorer().concepts();
    for (const std::string& id : m_required) {
      const Concept* c = engine.lexicon().find(id);
      if (!c) throw UsageError{"--require: unknown concept '" + id + "'" + closest_concept(engine.lexicon(), id)};
      const size_t index = static_cast<size_t>(c - engine.lexicon().concepts.data());
      if (std::find(profile_concepts.begin(), profile_concepts.end(), index) == profile_concepts.end())
        throw UsageError{"--require: concept '" + id + "' is not in profile " + engine.profile().name};
      m_spec.required.push_back({index});
    }
    run.analyze.keep_text = true;
    run.analyze.ignore_title = m_ignore_title;
  }

  bool consume(Result&& r) override {
    std::error_code ec;
    const bool is_file = !r.error && std::filesystem::is_regular_file(r.id, ec);
    m_verdicts.push_back(check_posting(r, *m_engine, m_spec, is_file));
    return true;
  }

  // The input report comes first: a run with no ad prints no verdicts.
  void finish(const BatchEnd& end, Outcome& outcome) override {
    report_input(end, outcome);
    if (m_verdicts.empty()) return;
    Output output;
    output.write(render_check(m_verdicts, *m_engine, m_spec, m_format, m_color));
    finish_output(output, outcome);
    for (const CheckVerdict& v : m_verdicts) outcome.below_floor |= v.readable && !v.pass;
    if (!m_summary.empty()) write_summary(outcome);
  }

  // Appends the Markdown summary to m_summary, as GitHub expects of $GITHUB_STEP_SUMMARY (other
  // steps may have written to it); a failure is an output failure.
  void write_summary(Outcome& outcome) const {
    const int fd = ::open(m_summary.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    if (fd < 0) {
      print_error("cannot write summary " + m_summary + ": " + std::strerror(errno));
      outcome.output_failed = true;
      return;
    }
    {
      Output summary(fd);
      summary.write(render_check(m_verdicts, *m_engine, m_spec, CheckFormat::kMarkdown, false));
      summary.flush();
      if (!summary.complete()) {
        print_error("cannot write summary " + m_summary + ": " + std::strerror(summary.error()));
        outcome.output_failed = true;
      }
    }
    if (::close(fd) != 0 && !outcome.output_failed) {
      print_error("cannot write summary " + m_summary + ": " + std::strerror(errno));
      outcome.output_failed = true;
    }
  }

 private:
  CheckFormat m_format = CheckFormat::kText;
  bool m_color = false, m_ignore_title = false;
  CheckSpec m_spec;
  std::vector<std::string> m_required;
  bool m_explicit_required = false;
  std::string m_summary;  // where the Markdown summary is appended; "" none
  const Engine* m_engine = nullptr;
  std::vector<CheckVerdict> m_verdicts;
};

}  // namespace

const Command kCheckCommand = {
    .name = "check",
    .summary = "gate ads in CI: a score floor and must-haves, with what is missing",
    .usage = kUsage,
    .options = options,
    .choices = "format=text github markdown json;require=@concepts",
    .job = make_job<CheckJob>};

}  // namespace jobmatch
