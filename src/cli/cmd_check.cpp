// `jobmatch check`: a gate for one or a few ads (report/check.h): verdicts, then the exit code.
#include <unistd.h>

#include <algorithm>
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
    "score at least --fail-under and name every --require concept (a concept mentioned only\n"
    "negated does not count). Prints a verdict per ad and what is missing; --format github\n"
    "prints GitHub Actions annotations that point at the ad's line, --format markdown a\n"
    "summary for $GITHUB_STEP_SUMMARY. Concept ids as in `jobmatch score --format jsonl`\n"
    "(skill.python, core.machine_learning). Exit codes: 0 every ad passes, 1 some ad fails,\n"
    "2 usage or lexicon error, 3 some ad could not be read.";

po::options_description options() {
  po::options_description gate("Gate");
  gate.add_options()
      ("fail-under", po::value<std::string>()->value_name("SCORE"), "fail an ad that scores below SCORE, 0 to 100")
      ("require,r", po::value<std::vector<std::string>>()->value_name("CONCEPT"),
       "fail an ad that does not name CONCEPT (repeat, or a comma-separated list)")
      ("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text, github, markdown")
      ("ignore-title", po::bool_switch(), "score the body only");
  add_color_option(gate);
  add_quiet_option(gate);
  po::options_description visible;
  visible.add(gate).add(input_options()).add(engine_options());
  return visible;
}

// " (did you mean 'skill.python'?)" for a concept id with a typo, else "".
std::string closest_concept(const Lexicon& lexicon, const std::string& id) {
  size_t best = 3;
  std::string hint;
  for (const Concept& c : lexicon.concepts) {
    const size_t d = edit_distance(id, c.id);
    if (d < best) {
      best = d;
      hint = " (did you mean '" + c.id + "'?)";
    }
  }
  return hint;
}

class CheckJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    const std::string fmt = vm["format"].as<std::string>();
    if (fmt == "text") m_format = CheckFormat::kText;
    else if (fmt == "github") m_format = CheckFormat::kGithub;
    else if (fmt == "markdown") m_format = CheckFormat::kMarkdown;
    else throw UsageError{"--format must be text, github or markdown, not '" + fmt + "'"};
    m_color = m_format == CheckFormat::kText && use_color(vm, STDOUT_FILENO);
    if (vm.count("fail-under")) m_spec.floor = number_of(vm, "fail-under", 0, 100);
    if (vm.count("require"))
      for (const std::string& list : vm["require"].as<std::vector<std::string>>()) {
        std::istringstream in(list);
        for (std::string id; std::getline(in, id, ',');)
          if (!id.empty()) m_required.push_back(id);
      }
    if (!m_spec.floor && m_required.empty())
      throw UsageError{"check needs --fail-under SCORE or --require CONCEPT (or both)"};
    m_ignore_title = vm["ignore-title"].as<bool>();
  }

  const char* no_paths_message() const override {
    return "check needs the ads to check (files, or - for standard input)";
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions&) override {
    m_engine = &engine;
    const std::vector<size_t> profile_concepts = engine.scorer().concepts();
    for (const std::string& id : m_required) {
      const Concept* c = engine.lexicon().find(id);
      if (!c) throw UsageError{"--require: unknown concept '" + id + "'" + closest_concept(engine.lexicon(), id)};
      const size_t index = static_cast<size_t>(c - engine.lexicon().concepts.data());
      if (std::find(profile_concepts.begin(), profile_concepts.end(), index) == profile_concepts.end())
        throw UsageError{"--require: concept '" + id + "' is not in profile " + engine.profile().name};
      m_spec.required.push_back(index);
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
  }

 private:
  CheckFormat m_format = CheckFormat::kText;
  bool m_color = false, m_ignore_title = false;
  CheckSpec m_spec;
  std::vector<std::string> m_required;
  const Engine* m_engine = nullptr;
  std::vector<CheckVerdict> m_verdicts;
};

}  // namespace

const Command kCheckCommand = {
    .name = "check",
    .summary = "gate one or a few ads in CI: a score floor and required concepts, with what is missing",
    .usage = kUsage,
    .options = options,
    .choices = "format=text github markdown;require=@concepts",
    .job = make_job<CheckJob>};

}  // namespace jobmatch
