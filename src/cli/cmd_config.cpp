// `jobmatch config`: which config file is read here and what it sets (cli/config.h), or, for one
// command, every option's effective value and where it came from.
#include <algorithm>
#include <boost/any.hpp>
#include <iostream>

#include "cli/cli_doc.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch config [--config FILE | --no-config]\n"
    "       jobmatch config COMMAND [OPTIONS] [ARGS]\n\n"
    "Without COMMAND: the config file read in this folder (.jobmatch.toml here or in a folder\n"
    "above, up to the repository root; --config FILE; $JOBMATCH_CONFIG) and each of its\n"
    "settings with its line and the commands it applies to.\n"
    "With COMMAND: every option of COMMAND with the value it would run with and where that\n"
    "came from: default, FILE:LINE of the config file, or command line. OPTIONS and ARGS are\n"
    "read as COMMAND reads them; nothing is run. Exit codes: 0 printed, 2 usage error or a\n"
    "config file with an error.";

// An option's value as the variables map holds it, for display.
std::string value_text(const po::variable_value& v) {
  if (v.empty()) return "(unset)";
  const boost::any& any = v.value();
  if (const auto* s = boost::any_cast<std::string>(&any)) return *s;
  if (const auto* b = boost::any_cast<bool>(&any)) return *b ? "true" : "false";
  if (const auto* list = boost::any_cast<std::vector<std::string>>(&any)) {
    std::string out;
    for (const std::string& item : *list) out += (out.empty() ? "" : ",") + item;
    return out;
  }
  return "(a value)";
}

// Rows of columns, each column padded to its widest cell.
std::string columns(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], utf8_width(row[i]));
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - utf8_width(row[i]) + 2, ' ');
    }
    out += escape_for_terminal(line) + "\n";
  }
  return out;
}

// `jobmatch config [--config FILE | --no-config]`: the file and its settings.
Outcome show_file(const std::vector<std::string>& args) {
  const po::options_description shown = config_options();
  po::options_description options;
  options.add(shown).add_options()("help,h", "show this help");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).run(), vm);
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n\n" << format_options(shown, help_width(), {{"help", "h", "", "", "show this help"}});
    return Outcome{};
  }
  const auto config = load_config(vm);
  if (!config.ok()) throw UsageError{config.error().message};
  if (!*config) {
    std::cout << (vm["no-config"].as<bool>() ? "no config file (--no-config)\n"
                                             : std::string("no config file: no ") + kConfigFileName +
                                                   " in this folder or above it, up to the repository root\n");
    return Outcome{};
  }
  const ConfigCommands commands = config_commands();
  std::vector<std::vector<std::string>> rows;
  for (const ConfigSetting& s : (*config)->settings) {
    std::string value;
    for (const std::string& v : s.values) value += (value.empty() ? "" : ", ") + v;
    if (s.kind == ConfigSetting::kArray) value = "[" + value + "]";
    std::string applies;
    for (const ConfigCommand& c : commands.commands)
      if ((s.table.empty() || s.table == c.name) && c.options->find_nothrow(s.key, false))
        applies += (applies.empty() ? "" : ", ") + c.name;
    rows.push_back({(s.table.empty() ? "" : "[" + s.table + "] ") + s.key + " = " + value,
                    (*config)->path + ":" + std::to_string(s.line), applies});
  }
  std::cout << "config file: " << escape_for_terminal((*config)->path) << "\n" << columns(rows);
  return Outcome{};
}

// `jobmatch config COMMAND [OPTIONS] [ARGS]`: each option of COMMAND, its value and its source.
Outcome show_command(const Command& command, std::vector<std::string> args) {
  if (command.name == std::string_view("lexicon") && !args.empty() && args.front() == "export")
    args.erase(args.begin());  // lexicon's options are those of lexicon export
  const po::options_description own = command.options();
  if (own.options().empty()) throw UsageError{std::string(command.name) + " has no options to configure"};
  po::options_description all;
  all.add(own).add(config_options());
  all.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }
  const auto origins = merge_config(command.name, all, vm);
  if (!origins.ok()) throw UsageError{origins.error().message};
  std::vector<std::vector<std::string>> rows{{"OPTION", "VALUE", "FROM"}};
  for (const auto& option : own.options()) {
    const std::string& name = option->long_name();
    const auto origin = origins->find(name);
    const po::variable_value none;
    const po::variable_value& v = vm.count(name) ? vm[name] : none;
    const std::string from = origin != origins->end() ? origin->second
                             : !v.empty() && !v.defaulted() ? "command line"
                                                            : "default";
    rows.push_back({name, value_text(v), from});
  }
  std::cout << columns(rows);
  return Outcome{};
}

Outcome run(const std::vector<std::string>& args) {
  // `config COMMAND --help` is config's help: what the command's own --help lists is its options.
  const bool help = std::find(args.begin(), args.end(), "--help") != args.end() ||
                    std::find(args.begin(), args.end(), "-h") != args.end();
  if (args.empty() || args.front().starts_with("-") || help) return show_file(help ? std::vector<std::string>{"--help"} : args);
  for (const Command* c : all_commands())
    if (args.front() == c->name && c->name != std::string_view("config"))
      return show_command(*c, std::vector<std::string>(args.begin() + 1, args.end()));
  std::vector<std::string_view> names;
  for (const Command* c : all_commands()) names.emplace_back(c->name);
  throw UsageError{"config: unknown command '" + args.front() + "'" + did_you_mean_suffix(args.front(), names)};
}

}  // namespace

const Command kConfigCommand = {
    .name = "config",
    .summary = "show .jobmatch.toml's settings and where each value comes from",
    .usage = kUsage,
    .options = config_options,
    .run = run,
    .takes_paths = false};

}  // namespace jobmatch
