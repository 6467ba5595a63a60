// The man page and the shell completions, generated from the same option tables that --help
// prints (cli.cpp hands over each command's Boost.Program_options description, from its row in
// commands.h), so the three cannot drift apart. `jobmatch --man` and `jobmatch --completions bash|zsh|fish` print them; the
// build runs those to install them (CMakeLists.txt).
#pragma once

#include <boost/program_options/options_description.hpp>
#include <map>
#include <string>
#include <vector>

namespace jobmatch {

struct CommandDoc {
  std::string name;
  std::string summary;
  // The --help text printed above the options ("Usage: jobmatch score ...\n\nScores ...").
  std::string usage;
  // The options --help lists.
  const boost::program_options::options_description* options = nullptr;
  // Options whose value is one of a fixed set: long name -> values ("@concepts": the profile's
  // concept ids, asked from the binary); "profile" holds the embedded profiles' names, and
  // takes a file too.
  std::map<std::string, std::vector<std::string>> choices;
  std::vector<std::string> subcommands;  // e.g. lexicon: check, export
  bool takes_paths = true;               // positional arguments are files or folders
};

// One option as the generators see it.
struct OptionDoc {
  std::string long_name;    // "format"
  std::string short_name;   // "f" or ""
  std::string value_name;   // "FMT"; "" for a switch
  std::string default_value;
  std::string description;
};

std::vector<OptionDoc> option_docs(const CommandDoc& command);

// Global options of `jobmatch` itself (--help, --version, --man, --completions).
std::vector<OptionDoc> global_option_docs();

// The examples of `jobmatch --help`, which the man page's EXAMPLES repeat (the e2e case
// documented_examples_run runs each).
const std::vector<std::string>& top_level_examples();

// --help's listing of options: each table added to desc under its caption, one row per option
// ("  -f, --format FMT      text, json (default: text)"), descriptions wrapped to width from
// column 28 (a label too long for that column has its own line); extra rows (--help) end the
// first group. The defaults are said as the man page says them.
std::string format_options(const boost::program_options::options_description& desc, size_t width,
                           std::vector<OptionDoc> extra = {});
std::string format_option(const OptionDoc& option, size_t width);

// The width --help wraps to: fd's terminal width (40 to 100 columns used), else 80.
size_t help_width(int fd = 1);

std::string render_man_page(const std::vector<CommandDoc>& commands, const std::string& version);
std::string render_bash_completion(const std::vector<CommandDoc>& commands);
std::string render_zsh_completion(const std::vector<CommandDoc>& commands);
std::string render_fish_completion(const std::vector<CommandDoc>& commands);

}  // namespace jobmatch
