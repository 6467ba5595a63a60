// The command line: sub-commands as rows of one table, options parsed with
// Boost.Program_options into checked settings, and the one place where errors become exit
// codes (exit_status.h).
#pragma once

namespace jobmatch {

// Runs the command line and returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace jobmatch
