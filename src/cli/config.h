// The configuration file, `.jobmatch.toml` (TOML, read with toml++): settings for command-line
// options, so that a repository says once how its ads are gated and `jobmatch check ads/` alone
// does it.
//
// Which file: --no-config none; else --config FILE; else $JOBMATCH_CONFIG if set and not empty;
// else `.jobmatch.toml` in the working directory or the nearest folder above it, the search
// stopping at the repository root (the first folder that holds `.git`) and at the file-system
// root, so a file above a checkout never changes how the checkout is gated.
//
// What it holds: keys named like the long options (`fail-under = 60`, `profile = "ml-engineer"`,
// `require = ["core.machine_learning"]`). A top-level key applies to every command that has that
// option (and is ignored by the others); a `[COMMAND]` table (`[check]`, `[score]`, `[lexicon]`
// for lexicon export) applies to that command and wins over the top level. The command line wins
// over both. A switch takes true or false; an option with a value takes a string or a number, or
// an array: one value per element for an option that may be repeated (--require), else the
// elements joined with commas (for the options that take a comma-separated list; any other
// option refuses that value as it would on the command line).
// A relative path (an option whose value is a FILE or DIR: --lexicon, --profile when it names a
// file, --summary, --labels) is relative to the folder of the config file.
//
// Errors (a key no command has, a table that is no command, a key its command lacks, a value of
// the wrong type, TOML syntax) are "FILE:LINE:COL: ..." with a "did you mean" where a name is
// close to a known one.
#pragma once

#include <boost/program_options.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/expected.h"

namespace jobmatch {

// The name of the file the search looks for.
inline constexpr const char* kConfigFileName = ".jobmatch.toml";

// --config FILE and --no-config, which every command with options has.
boost::program_options::options_description config_options();

// One setting of the file, checked against the option it sets.
// One setting of the file. Its value is kept as TOML gave it: how it becomes an option's tokens
// depends on the option of the command it is applied to (a path, a list, a switch).
struct ConfigSetting {
  enum Kind { kBool, kScalar, kArray } kind = kScalar;
  std::string table;                // "" for the top level, else the command ("check")
  std::string key;                  // the option's long name ("fail-under")
  std::vector<std::string> values;  // a scalar's text (a number in decimal, "true"/"false"),
                                    // or an array's elements
  size_t line = 0, col = 0;         // where the key is, 1-based
};

struct Config {
  std::string path;  // as shown in messages: as given, or relative to the working directory
  std::vector<ConfigSetting> settings;
};

// A command's name and option table, what a config file is checked against.
struct ConfigCommand {
  std::string name;
  const boost::program_options::options_description* options = nullptr;
};

// The config file in start or the nearest folder above it, up to and including the first
// folder that holds `.git` (or the file-system root); the path is shown relative to start
// ("../.jobmatch.toml"). None if there is none.
std::optional<std::string> find_config(const std::filesystem::path& start);

// Parses and checks a config file's text against the commands' option tables. path is how the
// file is named in messages and where relative paths start from.
Expected<Config> parse_config(std::string_view text, const std::string& path,
                              const std::vector<ConfigCommand>& commands);

// Where each option's value came from, option name -> "FILE:LINE", for those the file set.
using ConfigOrigins = std::map<std::string, std::string>;

// Stores into vm the settings of config for command: its table first, then the top level, each
// only where vm holds no value from the command line (a default is replaced). options is the
// table vm was parsed with. Returns where each stored value came from.
ConfigOrigins apply_config(const Config& config, std::string_view command,
                           const boost::program_options::options_description& options,
                           boost::program_options::variables_map& vm);

// The config file vm's --config/--no-config choose (else $JOBMATCH_CONFIG, else the search from
// the working directory), read and checked against every command's options; none for
// --no-config or when the search finds none.
Expected<std::optional<Config>> load_config(const boost::program_options::variables_map& vm);

// load_config, then apply_config for command: what parse_command_line does after reading the
// command line.
Expected<ConfigOrigins> merge_config(std::string_view command,
                                     const boost::program_options::options_description& options,
                                     boost::program_options::variables_map& vm);

// Every command's name and option table, for parse_config (the tables live as long as the
// holder).
struct ConfigCommands {
  std::vector<std::unique_ptr<boost::program_options::options_description>> tables;
  std::vector<ConfigCommand> commands;
};
ConfigCommands config_commands();

}  // namespace jobmatch
