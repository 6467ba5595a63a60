// `jobmatch lexicon dump DIR`: the embedded lexicon and profile files written out, the start of a
// user's own lexicon folder (or, with --no-builtin-lexicon, a replacement of the embedded one).
#pragma once

#include <string>
#include <vector>

#include "base/expected.h"

namespace jobmatch {

// Writes every embedded file (embedded.h) into dir, creating dir (not its parents) if missing.
// Without force, a file that exists already (or a link by its name) is an error before anything
// is written; with force, each file is replaced through a temporary file renamed over it. Returns
// the paths written, in file name order; an error names the path and the reason.
Expected<std::vector<std::string>> dump_embedded_files(const std::string& dir, bool force);

}  // namespace jobmatch
