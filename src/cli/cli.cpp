#include "cli/cli.h"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_doc.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "input/pdf_process.h"
#include "lexicon/catalog.h"
#include "report/schema.h"

namespace jobmatch {

const std::vector<const Command*>& all_commands() {
  static const std::vector<const Command*> commands = {&kScoreCommand, &kExplainCommand, &kReportCommand,
                                                       &kCheckCommand, &kStatsCommand,   &kLexiconCommand,
                                                       &kEvalCommand,  &kSchemaCommand,  &kConfigCommand};
  return commands;
}

// The fixed values of options several commands share.
constexpr const char* kSharedChoices =
    "color=auto always never;input-format=auto text html markdown jsonl json pdf docx";

CommandDocs command_docs() {
  namespace po = boost::program_options;
  CommandDocs out;
  for (const Command* c : all_commands()) {
    CommandDoc d;
    d.name = c->name;
    d.summary = c->summary;
    d.usage = c->usage;
    d.takes_paths = c->takes_paths;
    out.options.push_back(std::make_unique<po::options_description>(c->options()));
    // Every command with options also takes --config and --no-config (parse_command_line).
    if (!out.options.back()->options().empty() && c != &kConfigCommand) out.options.back()->add(config_options());
    d.options = out.options.back().get();
    // The values of the shared options (batch.h, cli_options.h), for every command that has
    // them, then the command's own.
    for (const char* table : {kSharedChoices, c->choices}) {
      std::istringstream choices(table);
      for (std::string item; std::getline(choices, item, ';');) {
        const size_t eq = item.find('=');
        if (eq == std::string::npos) continue;
        const std::string name = item.substr(0, eq);
        if (!d.options->find_nothrow(name, false)) continue;
        std::vector<std::string>& values = d.choices[name];
        values.clear();
        std::istringstream words(item.substr(eq + 1));
        for (std::string v; words >> v;) values.push_back(v);
      }
    }
    // -p completes the embedded profiles' names (besides files).
    if (d.options->find_nothrow("profile", false)) d.choices["profile"] = embedded_profile_names();
    std::istringstream subs(c->subcommands);
    for (std::string sub; subs >> sub;) d.subcommands.push_back(sub);
    out.docs.push_back(std::move(d));
  }
  return out;
}

Outcome run_command(const Command& command, const std::vector<std::string>& args) {
  if (!command.job) return command.run(args);
  const std::unique_ptr<BatchJob> job = command.job();
  return run_batch(args, command.options(), command.usage, *job, command.name);
}

namespace {

std::string version_line() {
  std::string line = std::string("jobmatch ") + JOBMATCH_VERSION;
  if (auto engine = load_engine(EngineOptions{}); engine.ok())
    line += " (lexicon " + (*engine)->hash() + ", profile " + (*engine)->profile().name + ", " +
            std::to_string((*engine)->lexicon().concepts.size()) + " concepts)";
  return line + "\nrecord schema " + std::to_string(kRecordSchemaVersion);
}

void print_help() {
  std::cout << "jobmatch: scores job postings (German or English) against a role profile, and\n"
               "explains every score.\n\n"
               "Usage: jobmatch COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
  for (const Command* c : all_commands()) {
    std::string name = c->name;
    name.resize(10, ' ');
    std::cout << "  " << name << c->summary << "\n";
  }
  std::cout << "\nOptions:\n";
  for (const OptionDoc& o : global_option_docs()) std::cout << format_option(o, help_width());
  std::cout << "\nExamples:\n";
  for (const std::string& example : top_level_examples()) std::cout << "  " << example << "\n";
}

// " (did you mean 'score'?)" for a name close to a command's, else nothing.
std::string hint_for(const std::string& name) {
  std::vector<std::string_view> names;
  for (const Command* c : all_commands()) names.emplace_back(c->name);
  return did_you_mean_suffix(name, names);
}

// The top level: help, version, man page and completions, else the command named first.
Outcome dispatch(const std::vector<std::string>& args) {
  if (args.empty()) {
    print_help();
    return Outcome{.usage_error = true};
  }
  const std::string& cmd = args[0];
  if (cmd == "help" && args.size() > 1) {  // `jobmatch help score` is `jobmatch score --help`
    for (const Command* c : all_commands())
      if (args[1] == c->name) return run_command(*c, {"--help"});
    throw UsageError{"unknown command '" + args[1] + "'" + hint_for(args[1]) + "; see jobmatch --help"};
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    print_help();
    return Outcome{};
  }
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    std::cout << version_line() << "\n";
    return Outcome{};
  }
  if (cmd == "--man") {
    std::cout << render_man_page(command_docs().docs, JOBMATCH_VERSION);
    return Outcome{};
  }
  if (cmd == "--completions" || cmd.starts_with("--completions=")) {
    std::string shell = cmd.size() > 14 ? cmd.substr(14) : args.size() > 1 ? args[1] : "";
    if (shell == "bash") std::cout << render_bash_completion(command_docs().docs);
    else if (shell == "zsh") std::cout << render_zsh_completion(command_docs().docs);
    else if (shell == "fish") std::cout << render_fish_completion(command_docs().docs);
    else throw UsageError{"--completions needs bash, zsh or fish"};
    return Outcome{};
  }
  for (const Command* c : all_commands())
    if (cmd == c->name) return run_command(*c, std::vector<std::string>(args.begin() + 1, args.end()));
  throw UsageError{"unknown command '" + cmd + "'" + hint_for(cmd) + "; see jobmatch --help"};
}

Outcome run_top_level(const std::vector<std::string>& args) {
  try {
    return dispatch(args);
  } catch (const UsageError& e) {
    print_error(locate_config_value(e.message));
    return Outcome{.usage_error = true};
  } catch (const std::exception& e) {
    // The batch's threads were joined while the exception left run_pipeline (pipeline/run.h).
    print_error(std::string("internal error: ") + e.what());
    return Outcome{.internal_fault = true};
  }
}

}  // namespace

int run_cli(int argc, char** argv) {
  // This program as its own PDF reader (input/pdf_process.h), before anything else.
  if (argc == 3 && std::strcmp(argv[1], kPdfReaderCommand) == 0) return run_pdf_reader(3, std::atol(argv[2]));
  set_pdf_reader_program("/proc/self/exe");
  ::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled quietly by Output
  Outcome outcome = run_top_level(std::vector<std::string>(argv + 1, argv + argc));
  // What went through std::cout (help, version, man page, lexicon check) is checked like the
  // rest: a closed pipe is quiet, another write error is an output failure.
  errno = 0;
  std::cout.flush();
  if (!std::cout && errno != EPIPE) {
    print_error(std::string("cannot write standard output: ") + std::strerror(errno ? errno : EIO));
    outcome.output_failed = true;
  }
  return exit_code(outcome);
}

}  // namespace jobmatch
