// The man page and the shell completions, generated from the same option tables that --help
// prints (cli.cpp hands over each command's Boost.Program_options description, from its row in
// commands.h), so the three cannot drift apart. `jobmatch --man` and `jobmatch --completions bash|zsh` print them; the
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
  // Options whose value is one of a fixed set: long name -> values.
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

std::string render_man_page(const std::vector<CommandDoc>& commands, const std::string& version);
std::string render_bash_completion(const std::vector<CommandDoc>& commands);
std::string render_zsh_completion(const std::vector<CommandDoc>& commands);

}  // namespace jobmatch
