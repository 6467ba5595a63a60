// The JSON records reader: the first byte picks --max-bytes and the read block size, the rest is
// a JSON document read with --input-format json. It never gives more records than the document
// has top-level elements plus one error (exactly one per element when the whole document is
// valid JSON), every record has an id, error messages are UTF-8, and the simdjson fast path gives
// exactly the records of the reference (nlohmann-json for every record).
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "input/stream.h"
#include "input/read.h"
#include "text/text_util.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  if (size == 0) return 0;
  ReadOptions options;
  options.format = InputFormat::kJson;
  options.max_bytes = 1 + (data[0] & 0x1F) * 16u;  // 1 .. 497
  options.block_bytes = 1 + (data[0] >> 5) * 37u;  // 1 .. 260
  const std::string_view doc = fuzz::as_view(data + 1, size - 1);
  // A compressed stream is decompressed first (stream_fuzz covers that).
  if (sniff_compression(doc) != Compression::kNone) return 0;

  // Each record after the first needs a comma (array elements) or an opening brace (objects);
  // one error may end the records.
  const size_t most = static_cast<size_t>(std::count(doc.begin(), doc.end(), ',') +
                                          std::count(doc.begin(), doc.end(), '{')) + 2;
  // A document that is valid JSON as a whole: one record per array element, or one object.
  std::optional<size_t> exact;
  // (nlohmann-json takes a NUL byte for the end of its input: no oracle then.)
  if (doc.find('\0') == std::string_view::npos) try {
    const nlohmann::json j = nlohmann::json::parse(doc);
    if (j.is_array()) exact = j.size();
    else if (j.is_object()) exact = 1;
  } catch (const nlohmann::json::exception&) {
  }
  // An id may be empty only if the document holds an empty string.
  const bool empty_string = doc.find("\"\"") != std::string_view::npos;

  const int fd = ::memfd_create("json_records_fuzz", MFD_CLOEXEC);
  FUZZ_CHECK(fd >= 0);
  FUZZ_CHECK(::write(fd, doc.data(), doc.size()) == static_cast<ssize_t>(doc.size()));
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  auto read = [&](bool reference) {
    ReadOptions o = options;
    o.jsonl_reference = reference;
    ::lseek(fd, 0, SEEK_SET);
    std::vector<std::string> records;
    InputSource source({path}, o);
    Input in;
    size_t errors = 0;
    while (source.next(&in)) {
      FUZZ_CHECK(records.size() < most);
      FUZZ_CHECK(!in.id.empty() || empty_string);
      if (in.error) {
        ++errors;
        FUZZ_CHECK(!in.error->kind.empty());
        FUZZ_CHECK(is_valid_utf8(in.error->message));
        if (exact) FUZZ_CHECK(in.error->kind != "io");
      } else {
        FUZZ_CHECK(in.bytes.size() <= options.max_bytes);
        FUZZ_CHECK(in.id == path || in.id.starts_with(path + "#") || !in.id.starts_with(path));
      }
      records.push_back(in.id + '\0' + (in.error ? in.error->kind + '\0' + in.error->message : in.bytes) + '\0' +
                        (in.title ? "t" + *in.title : "-") + (in.format == DocFormat::kHtml ? "h" : ""));
    }
    if (exact) FUZZ_CHECK(records.size() == *exact);
    return records;
  };
  FUZZ_CHECK(read(false) == read(true));
  ::close(fd);
  return 0;
}
