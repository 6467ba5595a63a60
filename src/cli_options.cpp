#include "cli_options.h"

#include "text_util.h"

namespace jobmatch {

boost::program_options::options_description input_options() {
  namespace po = boost::program_options;
  po::options_description o("Input");
  o.add_options()
      ("input-format", po::value<std::string>()->default_value("auto")->value_name("FMT"),
       "auto, text, html, jsonl (one posting per line)")
      ("max-bytes", po::value<size_t>()->default_value(16u << 20)->value_name("N"),
       "largest posting read; larger ones become error records")
      ("ext", po::value<std::string>()->default_value("txt,text,html,htm")->value_name("LIST"),
       "file extensions taken when walking a folder (files named explicitly are always read)")
      ("id-field", po::value<std::string>()->default_value("id"), "JSONL field holding the id")
      ("title-field", po::value<std::string>()->default_value("title"), "JSONL field holding the title")
      ("text-field", po::value<std::string>()->default_value("text"), "JSONL field holding the text");
  return o;
}

std::optional<ReadOptions> parse_read_options(const boost::program_options::variables_map& vm,
                                              std::string* error) {
  ReadOptions r;
  const std::string f = vm["input-format"].as<std::string>();
  if (f == "auto") r.format = InputFormat::kAuto;
  else if (f == "text") r.format = InputFormat::kText;
  else if (f == "html") r.format = InputFormat::kHtml;
  else if (f == "jsonl") r.format = InputFormat::kJsonl;
  else {
    *error = "--input-format must be auto, text, html or jsonl, not '" + f + "'";
    return std::nullopt;
  }
  r.max_bytes = vm["max-bytes"].as<size_t>();
  if (r.max_bytes == 0) {
    *error = "--max-bytes must be at least 1";
    return std::nullopt;
  }
  r.extensions.clear();
  std::string list = vm["ext"].as<std::string>();
  for (size_t start = 0; start <= list.size();) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string ext(trim(std::string_view(list).substr(start, comma - start)));
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    if (!ext.empty()) r.extensions.push_back(ext);
    start = comma + 1;
  }
  r.id_field = vm["id-field"].as<std::string>();
  r.title_field = vm["title-field"].as<std::string>();
  r.text_field = vm["text-field"].as<std::string>();
  return r;
}

}  // namespace jobmatch
