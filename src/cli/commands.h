// The sub-commands of jobmatch, one row each: what --help, the man page and the completions say
// about a command come from its row. Each is defined in its own file (cmd_NAME.cpp); cli.cpp
// dispatches to them.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/batch.h"
#include "cli/cli_doc.h"
#include "lexicon/hint.h"  // edit_distance, did_you_mean: for hints (a command, a concept id)

namespace jobmatch {

struct Command {
  const char* name;
  const char* summary;
  const char* usage;                                          // the --help text above the options
  boost::program_options::options_description (*options)();  // the options --help lists
  const char* choices = "";  // options with a fixed set of values: "format=a b;color=c d"
  // A batch command: its job, run on run_batch with the options and usage above.
  std::unique_ptr<BatchJob> (*job)() = nullptr;
  // Any other command: args is what follows the command's name.
  Outcome (*run)(const std::vector<std::string>& args) = nullptr;
  const char* subcommands = "";
  bool takes_paths = true;
};

// Runs a command: a batch command's job on the skeleton, else its own run.
Outcome run_command(const Command& command, const std::vector<std::string>& args);

template <typename Job>
std::unique_ptr<BatchJob> make_job() {
  return std::make_unique<Job>();
}

// Every command, in the order `jobmatch --help` lists them.
const std::vector<const Command*>& all_commands();

// What the man page and the completions are made from: every command's row, with its option
// table (owned here, as long as the holder lives).
struct CommandDocs {
  std::vector<std::unique_ptr<boost::program_options::options_description>> options;
  std::vector<CommandDoc> docs;
};
CommandDocs command_docs();

extern const Command kScoreCommand;
extern const Command kExplainCommand;
extern const Command kReportCommand;
extern const Command kCheckCommand;
extern const Command kStatsCommand;
extern const Command kLexiconCommand;
extern const Command kEvalCommand;
extern const Command kSchemaCommand;
extern const Command kConfigCommand;

}  // namespace jobmatch
