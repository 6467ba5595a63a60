// The line format shared by lexicon and profile files, and the diagnostics they report.
//   - one `key value` entry a line; leading white space is allowed and ignored;
//   - a line whose first non-blank character is '#' is a comment; blank lines are skipped;
//   - diagnostics are "file:line:col: error: message", then the line, then a caret.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/expected.h"

namespace jobmatch {

struct SourceFile {
  std::string name;  // as shown in diagnostics ("lexicons/article.lex", "<embedded>/article.lex")
  std::string text;
};

// "file:line:col: error: message\n    line\n    ^\n"; one with no file (an unknown --profile:
// no file is to blame) is the command line's: "jobmatch: error: message\n".
std::string format_diagnostic(const Diagnostic& d);

struct DataLine {
  size_t line = 0;          // 1-based
  std::string_view text;    // the whole line, without the newline
  std::string_view key;     // first word
  std::string_view value;   // the rest, trimmed ("" if none)
  size_t key_col = 0;       // 0-based offsets into text
  size_t value_col = 0;
};

// Splits a file into entries. Views point into file.text.
std::vector<DataLine> split_data_lines(const SourceFile& file);

// A diagnostic at byte offset col (0-based) of line.
Diagnostic diagnostic_at(const SourceFile& file, const DataLine& line, size_t col,
                         std::string message);

// The largest data file read (lexicon, profile, eval labels): 16 MiB. The shipped lexicon is
// under 100 KB; a limit keeps --lexicon /dev/zero or a runaway file from filling memory.
constexpr size_t kMaxDataFileBytes = 16u << 20;

// Reads a data file whole: it must be a regular file of at most kMaxDataFileBytes. It is opened
// without blocking and checked with fstat before anything is read, so a FIFO or a device is
// refused at once ("not a regular file"), never waited on or read without end. Its errors:
// "not a regular file", "larger than 16 MiB", or the system's reason (strerror).
Expected<std::string> read_data_file(const std::string& path);

// Parses a decimal number ("3", "0.5"); false if value is not exactly one number.
bool parse_number(std::string_view value, double* out);

}  // namespace jobmatch
