#include "cli/cli_options.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "text/text_util.h"

namespace jobmatch {

namespace {

// How a refused value is quoted in a message: escaped for the terminal, not too long.
std::string quoted(std::string_view text) {
  std::string shown = escape_for_terminal(escape_invalid_utf8(std::string(text.substr(0, 40))));
  if (text.size() > 40) shown += "...";
  return "'" + shown + "'";
}

std::string number_text(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace

Expected<uint64_t> parse_count_option(std::string_view option, std::string_view text, uint64_t min, uint64_t max) {
  uint64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);  // digits only: no sign, space or 0x
  if (text.empty() || ec != std::errc() || ptr != end || v < min || v > max) {
    return Error(std::string(option) + " must be a whole number from " + std::to_string(min) + " to " +
                 std::to_string(max) + ", not " + quoted(text));
  }
  return v;
}

Expected<double> parse_number_option(std::string_view option, std::string_view text, double min, double max) {
  double v = 0;
  const char* end = text.data() + text.size();
  // from_chars reads "nan" and "inf" too (refused by the range test, which NaN fails), and
  // refuses a leading + or space, hex, and a number out of the range of double.
  const auto [ptr, ec] = std::from_chars(text.data(), end, v, std::chars_format::general);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v) || !(v >= min && v <= max)) {
    return Error(std::string(option) + " must be a number from " + number_text(min) + " to " + number_text(max) +
                 ", not " + quoted(text));
  }
  return v + 0.0;  // -0 is 0
}

boost::program_options::options_description input_options() {
  namespace po = boost::program_options;
  po::options_description o("Input");
  o.add_options()
      ("input-format", po::value<std::string>()->default_value("auto")->value_name("FMT"),
       "auto (sniffed from the content), text, html, markdown, jsonl (one posting per line), json (an "
       "array of postings, or objects), pdf, docx")
      ("max-bytes", po::value<std::string>()->default_value("16777216")->value_name("N"),
       "largest posting read; larger ones become error records")
      ("max-seconds", po::value<std::string>()->value_name("S"),
       "time one posting may take; a posting that takes longer becomes a timeout error record and the "
       "batch goes on (default: 2 s plus 2 s per MB of the posting; 0: no limit)")
      ("files0-from", po::value<std::string>()->value_name("FILE"),
       "read the paths from FILE, each ended by a NUL (find -print0), instead of the command line; - "
       "is standard input. The list is read to its end before the first posting")
      ("null,0", po::bool_switch(), "the same as --files0-from - (xargs -0): NUL-separated paths on standard input")
      ("ext", po::value<std::string>()->value_name("LIST"),
       "file extensions taken when walking a folder, e.g. md,txt or .md or *.md (default: every format "
       "jobmatch reads; .gz .zst .xz .bz2 are looked through; files named explicitly are always read)")
      ("id-field", po::value<std::string>()->default_value("id")->value_name("PATH"),
       "JSON field holding the id (a.b: field b of object a)")
      ("title-field", po::value<std::string>()->default_value("title")->value_name("PATH"),
       "JSON field holding the title")
      ("text-field", po::value<std::string>()->default_value("text")->value_name("PATH"),
       "JSON field holding the text (read as HTML if it is HTML)");
  return o;
}

Expected<ReadOptions> parse_read_options(const boost::program_options::variables_map& vm) {
  ReadOptions r;
  const std::string f = vm["input-format"].as<std::string>();
  if (f == "auto") r.format = InputFormat::kAuto;
  else if (f == "text") r.format = InputFormat::kText;
  else if (f == "html") r.format = InputFormat::kHtml;
  else if (f == "markdown" || f == "md") r.format = InputFormat::kMarkdown;
  else if (f == "jsonl" || f == "ndjson") r.format = InputFormat::kJsonl;
  else if (f == "json") r.format = InputFormat::kJson;
  else if (f == "pdf") r.format = InputFormat::kPdf;
  else if (f == "docx") r.format = InputFormat::kDocx;
  else {
    return Error("--input-format must be auto, text, html, markdown, jsonl, json, pdf or docx, not '" + f + "'");
  }
  // Offsets are 32-bit: no input is larger than 4 GiB.
  const auto max_bytes = parse_count_option("--max-bytes", vm["max-bytes"].as<std::string>(), 1, 0xFFFFFFFFu);
  if (!max_bytes.ok()) return max_bytes.error();
  r.max_bytes = static_cast<size_t>(*max_bytes);
  if (vm.count("ext")) {
    // md, .md, *.md and MD all name the same extension.
    r.extensions.clear();
    const std::string list = vm["ext"].as<std::string>();
    for (size_t start = 0; start <= list.size();) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      std::string ext(trim(std::string_view(list).substr(start, comma - start)));
      if (ext.starts_with("*")) ext.erase(0, 1);
      if (ext.starts_with(".")) ext.erase(0, 1);
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (ext.find_first_of("/*?") != std::string::npos) {
        return Error("--ext takes extensions such as md,txt or *.md, not '" + ext + "'");
      }
      if (!ext.empty()) r.extensions.push_back(ext);
      start = comma + 1;
    }
    if (r.extensions.empty()) {
      return Error("--ext needs at least one extension");
    }
  }
  r.id_field = vm["id-field"].as<std::string>();
  r.title_field = vm["title-field"].as<std::string>();
  r.text_field = vm["text-field"].as<std::string>();
  return r;
}

Expected<double> parse_max_seconds(const boost::program_options::variables_map& vm) {
  if (!vm.count("max-seconds")) return -1.0;
  // A week is far beyond any posting.
  return parse_number_option("--max-seconds", vm["max-seconds"].as<std::string>(), 0, 7 * 86400);
}

}  // namespace jobmatch
