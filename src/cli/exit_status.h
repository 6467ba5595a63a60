// The process exit codes: the CLI contract README.md documents ("Exit codes"); exit_code (batch.h) picks one.
#pragma once

namespace jobmatch {

enum ExitStatus : int {
  kExitOk = 0,          // every input scored (and none below --fail-under)
  kExitBelowFloor = 1,  // at least one posting scored below --fail-under
  kExitUsage = 2,       // bad command line, or a lexicon/profile that does not load
  kExitInputError = 3,  // some inputs could not be read or decoded (the rest were scored), or
                        // the paths held no posting at all
  kExitOutput = 4,      // the output could not be written (a full disk, an I/O error); a closed
                        // pipe is not an error (exit 0, quietly)
  kExitInternal = 5,    // a fault outside any one posting (a bug, or out of memory while reading
                        // or writing); a fault inside a posting is its error record (exit 3)
};

}  // namespace jobmatch
