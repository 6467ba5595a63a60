// `jobmatch schema`: the JSON Schema of the output records (report/schema.h).
#include "cli/commands.h"
#include "report/schema.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch schema\n\n"
    "Prints the JSON Schema (draft-07) of the records that score --format jsonl and json\n"
    "write: record schema version 1 (what each field means: README.md, Output; installed as\n"
    "share/doc/jobmatch/README.md under the install prefix).";

// No options of its own: --help alone.
po::options_description options() { return po::options_description(); }

Outcome run(const std::vector<std::string>& args) {
  po::variables_map vm;
  Outcome outcome;
  if (!parse_command_line(args, options(), false, &vm, kUsage, "schema")) return outcome;
  Output output;
  output.write(record_schema());
  finish_output(output, outcome);
  return outcome;
}

}  // namespace

const Command kSchemaCommand = {
    .name = "schema",
    .summary = "print the JSON Schema of the output records",
    .usage = kUsage,
    .options = options,
    .run = run,
    .takes_paths = false};

}  // namespace jobmatch
