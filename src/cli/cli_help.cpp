// --help's option listing (cli_doc.h, format_options): the project's own layout of the same
// option tables the man page and the completions are made from.
#include <sys/ioctl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <sstream>
#include <utility>
#include <vector>

#include "cli/cli_doc.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

constexpr size_t kLabelColumn = 28;  // where descriptions start; a longer label gets its own line

// "  -f, --format FMT" or "      --input-format FMT".
std::string label_of(const OptionDoc& o) {
  std::string s = o.short_name.empty() ? "      " : "  -" + o.short_name + ", ";
  s += "--" + o.long_name;
  if (!o.value_name.empty()) s += " " + o.value_name;
  return s;
}

// text's words on lines of at most width columns, each after indent (the first after what the
// caller wrote already, first_used columns of it). A word longer than a line stands alone.
std::string wrapped(const std::string& text, size_t indent, size_t first_used, size_t width) {
  const size_t room = width > indent + 20 ? width - indent : 20;
  std::string out(indent > first_used ? indent - first_used : 0, ' ');
  size_t used = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const size_t w = utf8_width(word);
    if (used > 0 && used + 1 + w > room) {
      out += "\n" + std::string(indent, ' ');
      used = 0;
    }
    if (used > 0) {
      out += ' ';
      ++used;
    }
    out += word;
    used += w;
  }
  return out + "\n";
}

// The tables added to desc, in order: each one's caption and the long names of its options.
// Boost keeps a table's captions and groups private; its own listing (operator<<) is where they
// show, one "Caption:" line at the left margin before each table's option lines, so they are
// read back from there.
std::vector<std::pair<std::string, std::vector<std::string>>> groups_of(const po::options_description& desc) {
  std::ostringstream listing;
  listing << desc;
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  std::istringstream in(listing.str());
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ' && line.back() == ':') {
      groups.push_back({line.substr(0, line.size() - 1), {}});
    } else if (line.starts_with("  -")) {
      // "  -f [ --format ] FMT ..." or "  --format FMT ..."
      const size_t dashes = line.find("--");
      if (dashes == std::string::npos) continue;
      const size_t end = line.find_first_of(" ]", dashes);
      if (groups.empty()) groups.push_back({"", {}});
      groups.back().second.push_back(line.substr(dashes + 2, end - dashes - 2));
    }
  }
  return groups;
}

}  // namespace

std::string format_option(const OptionDoc& o, size_t width) {
  std::string description = o.description;
  if (!o.default_value.empty() && description.find("default") == std::string::npos)
    description += " (default: " + o.default_value + ")";
  const std::string label = label_of(o);
  if (label.size() + 2 > kLabelColumn)
    return label + "\n" + std::string(kLabelColumn, ' ') + wrapped(description, kLabelColumn, kLabelColumn, width);
  return label + wrapped(description, kLabelColumn, label.size(), width);
}

std::string format_options(const po::options_description& desc, size_t width, std::vector<OptionDoc> extra) {
  CommandDoc doc;
  doc.options = &desc;
  const std::vector<OptionDoc> options = option_docs(doc);
  std::string out;
  for (const auto& [caption, names] : groups_of(desc)) {
    std::string rows;
    for (const std::string& name : names)
      for (const OptionDoc& o : options)
        if (o.long_name == name) rows += format_option(o, width);
    if (rows.empty()) continue;
    for (const OptionDoc& o : extra) rows += format_option(o, width);  // after the first group
    extra.clear();
    out += (out.empty() ? "" : "\n") + (caption.empty() ? std::string("Options") : caption) + ":\n" + rows;
  }
  if (!extra.empty()) {  // a table with no options (schema): extra alone
    out += "Options:\n";
    for (const OptionDoc& o : extra) out += format_option(o, width);
  }
  return out;
}

size_t help_width(int fd) {
  winsize ws{};
  if (::isatty(fd) && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return std::min<size_t>(ws.ws_col, 100);
  return 80;
}

}  // namespace jobmatch
