// The JSON Lines reader: the first byte picks --max-bytes and the read block size, the rest is
// the stream. Every line that is not blank gives exactly one record, in order, and every error
// record is named FILE:LINE and says so in its message, or is a json error named by the line's
// id with a message that does not count lines. The simdjson fast path gives exactly the records
// of the reference (nlohmann-json for every line), and so do lines the reader leaves unparsed
// for parse_record (ReadOptions::parse_in_worker, as in a run).
#include <sys/mman.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "fuzz_check.h"
#include "input/records.h"
#include "input/stream.h"
#include "input/read.h"
#include "text/text_util.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  if (size == 0) return 0;
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  options.max_bytes = 1 + (data[0] & 0x1F) * 16u;  // 1 .. 497
  options.block_bytes = 1 + (data[0] >> 5) * 37u;  // 1 .. 260
  const std::string_view stream = fuzz::as_view(data + 1, size - 1);
  // A compressed stream is decompressed first (stream_fuzz covers that), so its lines are not
  // the ones counted here.
  if (sniff_compression(stream) != Compression::kNone) return 0;

  // What the reader must give: one record per line that is longer than max_bytes or not blank.
  size_t want = 0;
  std::vector<size_t> line_of_record;
  size_t line_no = 0;
  for (size_t start = 0; start < stream.size();) {
    size_t end = stream.find('\n', start);
    if (end == std::string_view::npos) end = stream.size();
    const std::string_view line = stream.substr(start, end - start);
    ++line_no;
    if (line.size() > options.max_bytes || line.find_first_not_of(" \t\r") != std::string_view::npos) {
      ++want;
      line_of_record.push_back(line_no);
    }
    start = end + 1;
  }

  const int fd = ::memfd_create("jsonl_fuzz", MFD_CLOEXEC);
  FUZZ_CHECK(fd >= 0);
  FUZZ_CHECK(::write(fd, stream.data(), stream.size()) == static_cast<ssize_t>(stream.size()));
  ::lseek(fd, 0, SEEK_SET);
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  auto read = [&](bool reference, bool deferred) {
    ReadOptions o = options;
    o.jsonl_reference = reference;
    o.parse_in_worker = deferred;
    ::lseek(fd, 0, SEEK_SET);
    std::vector<std::string> records;
    InputSource source({path}, o);
    Input in;
    while (source.next(&in)) {
      FUZZ_CHECK(static_cast<bool>(in.unparsed) == (deferred && !in.error));
      parse_record(&in);
      FUZZ_CHECK(!in.unparsed);
      FUZZ_CHECK(records.size() < want);
      const std::string n = std::to_string(line_of_record[records.size()]);
      if (in.error) {
        FUZZ_CHECK(!in.error->kind.empty());
        FUZZ_CHECK(is_valid_utf8(in.error->message));
        if (in.error->message.starts_with("line ")) {
          // Records the line gives no id for are named FILE:LINE, and the message says which.
          FUZZ_CHECK(in.error->message.starts_with("line " + n));
          FUZZ_CHECK(in.id == path + ":" + n);
        } else {
          // Named by the line's id (recovered from a line that does not parse): no line number,
          // which would differ between shards of a split batch.
          FUZZ_CHECK(in.error->kind == "json");
        }
      } else {
        FUZZ_CHECK(in.bytes.size() <= options.max_bytes);
      }
      records.push_back(in.id + '\0' + (in.error ? in.error->kind + '\0' + in.error->message : in.bytes) + '\0' +
                        (in.title ? "t" + *in.title : "-") + (in.format == DocFormat::kHtml ? "h" : ""));
    }
    FUZZ_CHECK(records.size() == want);
    return records;
  };
  const std::vector<std::string> fast = read(false, false);
  FUZZ_CHECK(fast == read(true, false));
  FUZZ_CHECK(fast == read(false, true));
  ::close(fd);
  return 0;
}
