#include "cli/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <set>
#include <system_error>

#include "cli/commands.h"
#include "lexicon/datafile.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

// Options that only make sense on the command line: which file to read, and --help.
bool command_line_only(std::string_view key) {
  return key == "config" || key == "no-config" || key == "help";
}

std::string at(const std::string& path, size_t line, size_t col) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
}

template <typename Node>
std::string at(const std::string& path, const Node& node) {
  return at(path, node.source().begin.line, node.source().begin.column);
}

std::set<std::string> option_names(const po::options_description& options) {
  std::set<std::string> names;
  for (const auto& o : options.options())
    if (!o->long_name().empty()) names.insert(o->long_name());
  return names;
}

std::string number_text(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

const char* type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "a date or time";
  }
}

// A string or number as command-line text; none for any other type.
std::optional<std::string> scalar_text(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* f = node.as_floating_point()) return number_text(f->get());
  return std::nullopt;
}

// The setting of key = node, its type checked in general (what any option could take).
Expected<ConfigSetting> read_setting(const std::string& path, const std::string& table, const toml::key& key,
                                     const toml::node& node) {
  ConfigSetting s;
  s.table = table;
  s.key = std::string(key.str());
  s.line = key.source().begin.line;
  s.col = key.source().begin.column;
  if (const auto* b = node.as_boolean()) {
    s.kind = ConfigSetting::kBool;
    s.values.push_back(b->get() ? "true" : "false");
  } else if (const auto* a = node.as_array()) {
    s.kind = ConfigSetting::kArray;
    for (const toml::node& element : *a) {
      const auto text = scalar_text(element);
      if (!text)
        return Error(at(path, element) + "'" + s.key + "' takes an array of strings or numbers, not one holding " +
                     type_name(element));
      s.values.push_back(*text);
    }
  } else if (const auto text = scalar_text(node)) {
    s.values.push_back(*text);
  } else {
    return Error(at(path, node) + "'" + s.key + "' takes a string, a number, a boolean or an array, not " +
                 type_name(node));
  }
  return s;
}

// A path of the config file relative to its folder, as the command line takes it.
std::string resolve(const std::string& value, const std::string& config_path) {
  const fs::path p(value);
  const fs::path dir = fs::path(config_path).parent_path();
  if (value.empty() || value == "-" || p.is_absolute() || dir.empty()) return value;
  return (dir / p).lexically_normal().string();
}

// Whether the option's value is a path: its value name says FILE or DIR. A NAME|FILE value
// (--profile) is a file when it looks like one to the engine: a '/' in it or a .profile suffix.
bool is_path(const po::option_description& option, const std::string& value) {
  const std::string name = option.semantic()->name();
  if (name.find("FILE") == std::string::npos && name.find("DIR") == std::string::npos) return false;
  if (name.find("NAME") == std::string::npos) return true;
  return value.find('/') != std::string::npos || value.ends_with(".profile");
}

struct Tokens {
  std::vector<std::string> tokens;
  bool off = false;  // a switch set to false: nothing to store
};

// How setting becomes option's command-line tokens: a switch takes a boolean; an option that
// may be repeated takes an array (one token each) or a scalar; any other option a scalar, or
// an array joined with commas (the options that take a comma-separated LIST).
Expected<Tokens> tokens_for(const po::option_description& option, const ConfigSetting& s, const std::string& path) {
  const po::value_semantic& semantic = *option.semantic();
  const std::string where = at(path, s.line, s.col);
  Tokens t;
  if (semantic.max_tokens() == 0) {
    if (s.kind != ConfigSetting::kBool) return Error(where + "'" + s.key + "' is a switch: true or false");
    t.off = s.values.front() == "false";
    return t;
  }
  if (s.kind == ConfigSetting::kBool)
    return Error(where + "'" + s.key + "' takes a value (a string or a number), not true or false");
  const bool repeatable = dynamic_cast<const po::typed_value<std::vector<std::string>>*>(&semantic) != nullptr;
  if (s.kind == ConfigSetting::kArray && !repeatable) {
    std::string joined;
    for (const std::string& v : s.values) joined += (joined.empty() ? "" : ",") + v;
    t.tokens.push_back(joined);
  } else {
    t.tokens = s.values;
  }
  // An empty array of a repeatable option is one empty value: set, to nothing (require = []).
  if (t.tokens.empty()) t.tokens.push_back("");
  for (std::string& token : t.tokens)
    if (is_path(option, token)) token = resolve(token, path);
  return t;
}

// Checks a setting against every command it applies to; an error if no command has it.
Status check_setting(const ConfigSetting& s, const std::string& path, const std::vector<ConfigCommand>& commands,
                     const std::set<std::string>& every_option) {
  const std::string where = at(path, s.line, s.col);
  if (command_line_only(s.key)) return Error(where + "'" + s.key + "' is given on the command line only");
  bool known = false;
  for (const ConfigCommand& c : commands) {
    if (!s.table.empty() && c.name != s.table) continue;
    const po::option_description* option = c.options->find_nothrow(s.key, false);
    if (!option) continue;
    known = true;
    if (auto t = tokens_for(*option, s, path); !t.ok()) return t.error();
  }
  if (known) return {};
  if (s.table.empty())
    return Error(where + "unknown key '" + s.key + "': no command has --" + s.key + did_you_mean_suffix(s.key, every_option));
  for (const ConfigCommand& c : commands)
    if (c.name == s.table)
      return Error(where + "unknown key '" + s.key + "' in [" + s.table + "]: " + s.table + " has no --" + s.key +
                   did_you_mean_suffix(s.key, option_names(*c.options)));
  return {};
}

}  // namespace

po::options_description config_options() {
  po::options_description o("Configuration");
  o.add_options()
      ("config", po::value<std::string>()->value_name("FILE"),
       "read settings from FILE (default: .jobmatch.toml in this folder or above, up to the repository root)")
      ("no-config", po::bool_switch(), "read no config file");
  return o;
}

std::optional<std::string> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = start;
  std::string up;
  for (;;) {
    if (fs::exists(dir / kConfigFileName, ec)) return up + kConfigFileName;
    if (fs::exists(dir / ".git", ec)) return std::nullopt;  // the repository root: no further
    const fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) return std::nullopt;
    dir = parent;
    up += "../";
  }
}

Expected<Config> parse_config(std::string_view text, const std::string& path,
                              const std::vector<ConfigCommand>& commands) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Error(at(path, e) + std::string(e.description()));
  }
  std::set<std::string> every_option, command_names;
  for (const ConfigCommand& c : commands) {
    command_names.insert(c.name);
    const std::set<std::string> names = option_names(*c.options);
    every_option.insert(names.begin(), names.end());
  }
  Config config;
  config.path = path;
  const auto add = [&](const std::string& table, const toml::key& key, const toml::node& node) -> Status {
    auto s = read_setting(path, table, key, node);
    if (!s.ok()) return s.error();
    if (Status checked = check_setting(*s, path, commands, every_option); !checked.ok()) return checked;
    config.settings.push_back(std::move(*s));
    return {};
  };
  for (const auto& [key, node] : root) {
    const toml::table* table = node.as_table();
    if (!table) {
      if (Status s = add("", key, node); !s.ok()) return s.error();
      continue;
    }
    const std::string name(key.str());
    if (!command_names.count(name))
      return Error(at(path, key) + "unknown table [" + name + "]: a table is a command's settings (" +
                   [&] {
                     std::string list;
                     for (const std::string& n : command_names) list += (list.empty() ? "" : ", ") + n;
                     return list;
                   }() + ")" + did_you_mean_suffix(name, command_names));
    for (const auto& [k, v] : *table) {
      if (v.is_table())
        return Error(at(path, k) + "[" + name + "] cannot hold a table ('" + std::string(k.str()) + "')");
      if (Status s = add(name, k, v); !s.ok()) return s.error();
    }
  }
  // In the file's order (a TOML table iterates by key).
  std::stable_sort(config.settings.begin(), config.settings.end(),
                   [](const ConfigSetting& a, const ConfigSetting& b) { return a.line < b.line; });
  return config;
}

ConfigOrigins apply_config(const Config& config, std::string_view command, const po::options_description& options,
                           po::variables_map& vm) {
  ConfigOrigins origins;
  po::parsed_options parsed(&options);
  // The command's table first, so that its settings win over the top level's.
  for (const bool own_table : {true, false})
    for (const ConfigSetting& s : config.settings) {
      if (own_table ? s.table != command : !s.table.empty()) continue;
      const po::option_description* option = options.find_nothrow(s.key, false);
      if (!option || origins.count(s.key)) continue;            // another command's, or set
      if (vm.count(s.key) && !vm[s.key].defaulted()) continue;  // the command line wins
      auto t = tokens_for(*option, s, config.path);
      if (!t.ok()) continue;  // cannot happen: parse_config checked it for every command
      origins[s.key] = config.path + ":" + std::to_string(s.line);
      if (!t->off) parsed.options.emplace_back(s.key, t->tokens);
    }
  po::store(parsed, vm);
  return origins;
}

ConfigCommands config_commands() {
  ConfigCommands out;
  for (const Command* c : all_commands()) {
    if (c == &kConfigCommand) continue;  // it shows the settings; it has none
    auto table = std::make_unique<po::options_description>(c->options());
    if (table->options().empty()) continue;  // no options: nothing to set
    out.commands.push_back(ConfigCommand{c->name, table.get()});
    out.tables.push_back(std::move(table));
  }
  return out;
}

Expected<std::optional<Config>> load_config(const po::variables_map& vm) {
  const bool none = vm.count("no-config") && vm["no-config"].as<bool>();
  std::string path;
  if (vm.count("config")) {
    if (none) return Error("--config and --no-config exclude each other");
    path = vm["config"].as<std::string>();
  } else if (none) {
    return std::optional<Config>();
  } else if (const char* env = std::getenv("JOBMATCH_CONFIG"); env && *env) {
    path = env;
  } else {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec) return std::optional<Config>();  // no working directory (removed): nothing to search
    auto found = find_config(cwd);
    if (!found) return std::optional<Config>();
    path = *found;
  }
  const auto text = read_data_file(path);
  if (!text.ok()) return Error("cannot read config file '" + path + "': " + text.error().message);
  const ConfigCommands commands = config_commands();
  auto config = parse_config(*text, path, commands.commands);
  if (!config.ok()) return config.error();
  return std::optional<Config>(std::move(*config));
}

Expected<ConfigOrigins> merge_config(std::string_view command, const po::options_description& options,
                                     po::variables_map& vm) {
  auto config = load_config(vm);
  if (!config.ok()) return config.error();
  if (!*config) return ConfigOrigins{};
  return apply_config(**config, command, options, vm);
}

}  // namespace jobmatch
