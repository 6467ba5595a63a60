// The command line: dispatch to the sub-commands (commands.h, one file each), the top-level
// --help, --version, --man and --completions. How a command ended becomes the exit code in one
// place, exit_code (batch.h).
#pragma once

namespace jobmatch {

// Runs the command line and returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace jobmatch
