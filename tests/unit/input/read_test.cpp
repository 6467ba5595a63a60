// Reading hostile file systems and streams: every input gives exactly one record, nothing blocks.
#include "input/read.h"
#include "input/records.h"

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "test_helpers.h"

using jobmatch::Input;
using jobmatch::InputFormat;
using jobmatch::InputSource;
using jobmatch::LineReader;
using jobmatch::ReadOptions;

namespace {

namespace fs = std::filesystem;

using jobmatch::test::TempDir;

// A file descriptor holding bytes, for LineReader and JSON Lines tests.
int memfd_with(const std::string& bytes) {
  const int fd = ::memfd_create("jobmatch_test", MFD_CLOEXEC);
  BOOST_TEST_REQUIRE(fd >= 0);
  BOOST_TEST_REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

void put(int fd, std::string_view s) {
  BOOST_TEST_REQUIRE(::write(fd, s.data(), s.size()) == static_cast<ssize_t>(s.size()));
}

std::string fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

struct Record {
  std::string id, kind, message, bytes;
};

Record to_record(const Input& in) {
  return {in.id, in.error ? in.error->kind : "", in.error ? in.error->message : "", in.bytes};
}

std::vector<Record> read_all(const std::vector<std::string>& paths, ReadOptions options = {}) {
  InputSource source(paths, options);
  std::vector<Record> out;
  Input in;
  while (source.next(&in)) {
    out.push_back(to_record(in));
    BOOST_TEST_REQUIRE(out.size() < 1000u);
  }
  return out;
}

// The item a LineReader's next() gave; a failed read fails the test.
LineReader::Item item(const jobmatch::Expected<LineReader::Item>& got) {
  if (!got.ok()) BOOST_FAIL("unexpected read error: " << got.error().message);
  return *got;
}

std::vector<std::string> lines_of(const std::string& bytes, size_t max, size_t block,
                                  std::vector<LineReader::Item>* statuses = nullptr) {
  const int fd = memfd_with(bytes);
  LineReader reader(fd, max, block);
  std::vector<std::string> out;
  std::string line;
  for (;;) {
    const LineReader::Item st = item(reader.next(&line));
    if (st == LineReader::Item::kEnd) break;
    if (statuses) statuses->push_back(st);
    out.push_back(st == LineReader::Item::kTooLong ? "<too long>" : line);
  }
  ::close(fd);
  return out;
}

// Runs f on another thread; fails (instead of hanging the suite) if it takes longer than 10 s.
template <class F>
auto within_10s(F f, const char* what) {
  auto fut = std::async(std::launch::async, f);
  const bool ready = fut.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  BOOST_TEST_REQUIRE(ready, what << " blocked for more than 10 s");
  return fut.get();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(read_input)

BOOST_AUTO_TEST_CASE(line_reader_splits_lines_across_any_block_size) {
  const std::string data = "first\nsecond line\n\nlast without newline";
  for (const size_t block : {1u, 2u, 3u, 7u, 64u, 1u << 18}) {
    const auto lines = lines_of(data, 100, block);
    BOOST_TEST(lines == (std::vector<std::string>{"first", "second line", "", "last without newline"}),
               "block " << block);
  }
}

BOOST_AUTO_TEST_CASE(line_reader_skips_an_over_long_line_without_buffering_it) {
  const std::string huge(3u << 20, 'x');
  const int fd = memfd_with("ok\n" + huge + "\nafter\n" + std::string(10, 'y'));
  LineReader reader(fd, 10, 4096);
  std::string line;
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kLine));
  BOOST_TEST(line == "ok");
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kTooLong));
  BOOST_TEST(line.capacity() < 4096u);  // the 3 MiB line never went into the string
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kLine));
  BOOST_TEST(line == "after");
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kLine));  // exactly max_bytes is fine
  BOOST_TEST(line == std::string(10, 'y'));
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kEnd));
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kEnd));
  ::close(fd);
}

BOOST_AUTO_TEST_CASE(line_reader_hands_on_a_line_before_the_pipe_closes) {
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe(fds) == 0);
  LineReader reader(fds[0], 1000);
  std::string line;
  put(fds[1], "one\ntw");
  const auto st = within_10s([&] { return item(reader.next(&line)); }, "LineReader::next on an open pipe");
  BOOST_TEST((st == LineReader::Item::kLine));
  BOOST_TEST(line == "one");
  put(fds[1], "o\n");
  ::close(fds[1]);
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kLine));
  BOOST_TEST(line == "two");
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kEnd));
  ::close(fds[0]);
}

BOOST_AUTO_TEST_CASE(line_reader_reports_a_read_error) {
  const int fd = ::open(".", O_RDONLY | O_DIRECTORY);  // read(2) on a folder: EISDIR
  BOOST_TEST_REQUIRE(fd >= 0);
  LineReader reader(fd, 100);
  std::string line;
  line = "left over";
  const jobmatch::Expected<LineReader::Item> failed = reader.next(&line);
  BOOST_TEST_REQUIRE(!failed.ok());
  BOOST_TEST(failed.error().message == std::string("read failed: ") + std::strerror(EISDIR));
  BOOST_TEST(line.empty());
  BOOST_TEST((item(reader.next(&line)) == LineReader::Item::kEnd));
  ::close(fd);
}

BOOST_AUTO_TEST_CASE(jsonl_records_stream_from_a_pipe) {
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe(fds) == 0);
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  InputSource source({fd_path(fds[0])}, options);
  Input in;
  put(fds[1], "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":");
  const bool got = within_10s([&] { return source.next(&in); }, "InputSource::next on an open pipe");
  BOOST_TEST(got);
  BOOST_TEST(in.id == "a");
  put(fds[1], "\"b\",\"text\":\"y\"}\n");
  ::close(fds[1]);
  BOOST_TEST(source.next(&in));
  BOOST_TEST(in.id == "b");
  BOOST_TEST(!source.next(&in));
  ::close(fds[0]);
}

BOOST_AUTO_TEST_CASE(cancel_ends_a_read_waiting_on_a_pipe) {
  // A pipe whose writer stays open and silent: next() waits for data until another thread
  // cancels, then the input is an error record and the source gives nothing more.
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe(fds) == 0);
  InputSource source({fd_path(fds[0])}, ReadOptions{});
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    source.cancel();
  });
  Input in;
  const bool got = within_10s([&] { return source.next(&in); }, "InputSource::next after cancel");
  canceller.join();
  BOOST_TEST(got);
  BOOST_TEST_REQUIRE(in.error.has_value());
  BOOST_TEST(in.error->kind == "io");
  BOOST_TEST(in.error->message == "reading stopped");
  BOOST_TEST(!source.next(&in));
  ::close(fds[1]);
  ::close(fds[0]);
}

BOOST_AUTO_TEST_CASE(jsonl_every_bad_line_is_a_record_naming_its_id_or_line) {
  const std::string data =
      "{\"id\":\"ok\",\"text\":\"Python\"}\n"     // 1
      "{\"id\":\"broken\",\"text\":\"x\n"          // 2: unterminated string, after its id
      "\n"                                         // 3: blank, skipped
      "   \r\n"                                    // 4: blank (CRLF), skipped
      "{\"id\":\"notext\"}\n"                      // 5
      "{\"id\":\"num\",\"text\":42}\n"             // 6
      "[1,2,3]\n"                                  // 7
      "{\"id\":\"latin1\",\"text\":\"F\xE4hig\"}\n"  // 8: not UTF-8, after its id
      + std::string(200, 'z') + "\n"               // 9: longer than max_bytes
      "{\"text\":\"no id\"}\r\n"                   // 10: CRLF, id from the line
      "{\"text\":\"x\",\"id\":\"late\n"            // 11: broken inside the id: none to recover
      "{\"title\":\"T\"}\n"                        // 12: no id, no text
      "{\"id\":\"last\",\"text\":\"end\"}";        // 13: no final newline
  const int fd = memfd_with(data);
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  options.max_bytes = 100;
  options.block_bytes = 7;
  const auto records = read_all({fd_path(fd)}, options);
  ::close(fd);
  const std::string f = fd_path(fd);
  BOOST_TEST_REQUIRE(records.size() == 11u);
  BOOST_TEST(records[0].id == "ok");
  BOOST_TEST(records[0].kind == "");
  BOOST_TEST(records[0].bytes == "Python");
  BOOST_TEST(records[1].id == "broken");
  BOOST_TEST(records[1].kind == "json");
  BOOST_TEST(records[1].message == "invalid JSON at byte 25 of its line");
  BOOST_TEST(records[2].id == "notext");
  BOOST_TEST(records[2].message == "field 'text' is missing");
  BOOST_TEST(records[3].id == "num");
  BOOST_TEST(records[3].message == "field 'text' is not a string");
  BOOST_TEST(records[4].id == f + ":7");
  BOOST_TEST(records[4].message == "line 7: not a JSON object");
  BOOST_TEST(records[5].id == "latin1");
  BOOST_TEST(records[5].message ==
             "invalid JSON at byte 26 of its line (not UTF-8: JSON Lines must be UTF-8)");
  BOOST_TEST(records[6].id == f + ":9");
  BOOST_TEST(records[6].kind == "too_large");
  BOOST_TEST(records[6].message == "line 9 is longer than --max-bytes (100)");
  BOOST_TEST(records[7].id == f + ":10");
  BOOST_TEST(records[7].bytes == "no id");
  BOOST_TEST(records[8].id == f + ":11");
  BOOST_TEST(records[8].kind == "json");
  BOOST_TEST(records[8].message.starts_with("line 11, byte "), records[8].message);
  BOOST_TEST(records[9].id == f + ":12");
  BOOST_TEST(records[9].message == "line 12: field 'text' is missing");
  BOOST_TEST(records[10].id == "last");
  BOOST_TEST(records[10].bytes == "end");
}

// A malformed line's record must not depend on where the batch was cut: the same lines read
// after other lines (as the second shard of a split batch) give the same records, but for lines
// with no id, which are named by their line in the piece.
BOOST_AUTO_TEST_CASE(jsonl_malformed_line_with_an_id_is_named_by_it_in_any_shard) {
  const std::string lines =
      "{\"id\":\"p0042\",\"title\":\"ML\",\"text\":\"Python und maschinelles Ler\n"  // cut off
      "{\"id\":17,\"text\":\"x\",\"n\":1e9999}\n"                                    // integer id
      "{\"text\":\"cut off before any id\n";
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  std::vector<std::vector<Record>> runs;
  for (const std::string& before :
       {std::string(), std::string("{\"id\":\"x\",\"text\":\"y\"}\n\n[]\n")}) {
    const int fd = memfd_with(before + lines);
    runs.push_back(read_all({fd_path(fd)}, options));
    ::close(fd);
    BOOST_TEST_REQUIRE(runs.back().size() >= 3u);
    runs.back().erase(runs.back().begin(), runs.back().end() - 3);  // the lines after `before`
  }
  for (const auto& records : runs) {
    BOOST_TEST(records[0].id == "p0042");
    BOOST_TEST(records[0].kind == "json");
    BOOST_TEST(records[0].message == "invalid JSON at byte 63 of its line");
    BOOST_TEST(records[0].message.find("line ") == std::string::npos);  // no "line N"
    BOOST_TEST(records[1].id == "17");
    BOOST_TEST(records[1].message == "invalid JSON (a number out of range)");
    BOOST_TEST(records[2].kind == "json");
    BOOST_TEST(records[2].message.ends_with(": invalid JSON"), records[2].message);
  }
  BOOST_TEST(runs[0][0].message == runs[1][0].message);
  BOOST_TEST(runs[0][1].message == runs[1][1].message);
  BOOST_TEST(runs[0][2].id.ends_with(":3"), runs[0][2].id);  // FILE:LINE, counted in its piece
  BOOST_TEST(runs[0][2].message.starts_with("line 3, byte "), runs[0][2].message);
  BOOST_TEST(runs[1][2].id.ends_with(":6"), runs[1][2].id);
  BOOST_TEST(runs[1][2].message.starts_with("line 6, byte "), runs[1][2].message);
}

BOOST_AUTO_TEST_CASE(jsonl_malformed_line_id_comes_from_the_id_field_option) {
  const int fd = memfd_with(
      "{\"id\":\"not this\",\"key\":\"k-1\",\"text\":\"cut\n"
      "{\"id\":\"no key\",\"text\":\"cut\n"
      "{\"key\":\"k-3\"}\n");
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  options.id_field = "key";
  const auto records = read_all({fd_path(fd)}, options);
  ::close(fd);
  BOOST_TEST_REQUIRE(records.size() == 3u);
  BOOST_TEST(records[0].id == "k-1");
  BOOST_TEST(records[0].message.starts_with("invalid JSON at byte "), records[0].message);
  BOOST_TEST(records[1].id == fd_path(fd) + ":2");  // an "id" field is not the --id-field
  BOOST_TEST(records[1].message.starts_with("line 2, byte "), records[1].message);
  BOOST_TEST(records[2].id == "k-3");
  BOOST_TEST(records[2].message == "field 'text' is missing");
}

// simdjson reads the plain lines, nlohmann-json (the reference) the rest: both must give every
// line the same record. Lines that stray from {"id": "...", "text": "..."} in every way that
// matters to one parser or the other.
BOOST_AUTO_TEST_CASE(jsonl_fast_path_gives_the_reference_parsers_records) {
  const std::vector<std::string> lines = {
      R"({"id": "a", "title": "T", "text": "plain"})",
      R"({"text": "no id", "title": "T"})",
      R"({"id": "dup", "id": "last wins", "text": "one", "text": "two"})",
      R"({"id": "esc\u00e4\ud83d\ude80\n\"", "text": "caf\u00e9 \\ \/ \t"})",
      R"({"id": "lone", "text": "\ud800"})",
      R"({"id": "lone-low", "text": "\udc00 x"})",
      R"({"id": 42, "text": "integer id"})",
      R"({"id": -0, "text": "minus zero"})",
      R"({"id": 18446744073709551615, "text": "uint64 max"})",
      R"({"id": 18446744073709551616, "text": "beyond uint64"})",
      R"({"id": 1.5, "text": "float id"})",
      R"({"id": null, "text": "null id"})",
      R"({"id": ["x"], "text": "array id"})",
      R"({"id": "t", "text": 5})",
      R"({"id": "t", "title": 5, "text": "number title"})",
      R"({"id": "t", "title": null, "text": "null title"})",
      R"({"id": "n", "text": "x", "more": {"a": [1, 2, {"b": null}], "c": 1e308}})",
      R"({"id": "big", "text": "x", "n": 1e400})",
      R"({"id": "bad", "text": "x", "n": 01})",
      R"({"id": "trail", "text": "x"} extra)",
      R"({"id": "trail2", "text": "x"},)",
      R"({"id": "ctl", "text": "a)" "\x01" R"(b"})",
      R"({"id": "utf8", "text": "bad )" "\xC3\x28" R"("})",
      R"({"id": "ws", "text": "x"}   )" "\r",
      "\xEF\xBB\xBF" R"({"id": "bom", "text": "x"})",
      R"({"i\u0064": "escaped key", "text": "x"})",
      R"([{"id": "array", "text": "x"}])",
      R"("just a string")",
      R"({"id": "cut", "text": "x)",
      R"({"id": "t", "text": "x", "id": 7})",
      R"({"id": "deep", "text": "x", "d": )" + std::string(2000, '[') + std::string(2000, ']') + "}",
  };
  std::string data;
  for (const std::string& l : lines) data += l + "\n";
  auto read = [&](bool reference) {
    const int fd = memfd_with(data);
    ReadOptions options;
    options.format = InputFormat::kJsonl;
    options.jsonl_reference = reference;
    InputSource source({fd_path(fd)}, options);
    std::vector<std::string> out;
    Input in;
    while (source.next(&in))
      out.push_back(in.id + " | " + (in.error ? in.error->kind + ": " + in.error->message : in.bytes) + " | " +
                    (in.title ? *in.title : "<no title>"));
    ::close(fd);
    return out;
  };
  const auto fast = read(false), reference = read(true);
  BOOST_TEST_REQUIRE(fast.size() == lines.size());
  BOOST_TEST_REQUIRE(reference.size() == lines.size());
  for (size_t i = 0; i < lines.size(); ++i) BOOST_TEST(fast[i] == reference[i], "line " << i + 1);
  // The plain lines did take the fast path's answer (same as the reference's, as shown above).
  BOOST_TEST(fast[0].starts_with("a | plain | T"));
  BOOST_TEST(fast[2].starts_with("last wins | two"));
}

BOOST_AUTO_TEST_CASE(jsonl_number_out_of_range_is_an_error_record_not_a_crash) {
  // Regression (jsonl_fuzz): nlohmann throws out_of_range, not parse_error, for 1e8033; it
  // ended the whole run with std::terminate.
  const int fd = memfd_with(
      "{\"id\":\"a\",\"text\":\"x\",\"n\":1e8033}\n"
      "{\"id\":\"b\",\"text\":\"y\"}\n"
      "{\"n\":1e8033,\"id\":\"c\"}\n");
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  const auto records = read_all({fd_path(fd)}, options);
  ::close(fd);
  BOOST_TEST_REQUIRE(records.size() == 3u);
  BOOST_TEST(records[0].id == "a");
  BOOST_TEST(records[0].kind == "json");
  BOOST_TEST(records[0].message == "invalid JSON (a number out of range)");
  BOOST_TEST(records[1].id == "b");
  BOOST_TEST(records[2].id == fd_path(fd) + ":3");  // the number comes before the id
  BOOST_TEST(records[2].message == "line 3: invalid JSON (a number out of range)");
}

BOOST_AUTO_TEST_CASE(jsonl_deeply_nested_line_is_an_error_not_a_crash) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']') + "\n";
  const std::string deep_obj = "{\"text\":\"x\",\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}\n";
  const int fd = memfd_with(deep + deep_obj);
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  const auto records = read_all({fd_path(fd)}, options);
  ::close(fd);
  BOOST_TEST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].message == "line 1: not a JSON object");
  BOOST_TEST(records[1].kind == "");
  BOOST_TEST(records[1].bytes == "x");
}

BOOST_AUTO_TEST_CASE(hostile_folder_gives_one_record_per_entry_and_never_blocks) {
  TempDir dir;
  dir.write("a b.txt", "spaces");
  dir.write("q\"uote'.txt", "quotes");
  dir.write("tab\there.txt", "tab");
  dir.write("new\nline.txt", "newline");
  dir.write("bad\xFF\xFE.txt", "not UTF-8");
  dir.write("empty.txt", "");
  dir.write("big.txt", std::string(2000, 'x'));
  dir.write("skipped.xlsx", "not a posting extension");
  dir.write(".hidden.txt", "hidden");
  fs::create_symlink("nowhere.txt", dir.path / "dangling.txt");
  fs::create_symlink("self.txt", dir.path / "self.txt");
  fs::create_directory(dir.path / "sub");
  fs::create_symlink("..", dir.path / "sub" / "up");
  dir.write("sub/inner.txt", "inner");
  dir.write("sub/also skipped.png", "not a posting extension");
  BOOST_TEST_REQUIRE(::mkfifo((dir / "fifo.txt").c_str(), 0644) == 0);
  fs::create_symlink("/dev/zero", dir.path / "zero.txt");
  fs::create_symlink("/proc/self/mem", dir.path / "mem.txt");  // a regular file whose read fails

  ReadOptions options;
  options.max_bytes = 1000;
  size_t skipped = 0;
  std::vector<std::string> skipped_examples;
  const auto records = within_10s(
      [&] {
        jobmatch::InputSource source({dir.path.string()}, options);
        std::vector<Record> out;
        jobmatch::Input in;
        while (source.next(&in)) out.push_back(to_record(in));
        skipped = source.skipped_count();
        skipped_examples = source.skipped_examples();
        return out;
      },
      "walking a folder with a FIFO");
  const std::string p = dir.path.string() + "/";
  std::vector<std::string> got;
  for (const auto& r : records) got.push_back(r.id.substr(p.size()) + " | " + r.kind);
  const std::vector<std::string> want = {
      "a b.txt | ",
      "bad\xFF\xFE.txt | ",
      "big.txt | too_large",
      "dangling.txt | not_found",
      "empty.txt | ",
      "fifo.txt | not_regular",
      "mem.txt | io",
      "new\nline.txt | ",
      "q\"uote'.txt | ",
      "self.txt | loop",
      "sub/inner.txt | ",
      "sub/up | loop",
      "tab\there.txt | ",
      "zero.txt | not_regular",
  };
  BOOST_TEST(got == want, boost::test_tools::per_element());
  for (const auto& r : records)
    if (r.id.ends_with("new\nline.txt")) BOOST_TEST(r.bytes == "newline");
  // The files of other types are counted and named, in walk order.
  BOOST_TEST(skipped == 2u);
  const std::vector<std::string> want_skipped = {p + "skipped.xlsx", p + "sub/also skipped.png"};
  BOOST_TEST(skipped_examples == want_skipped, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(folder_walk_takes_every_posting_format_and_counts_the_rest) {
  TempDir dir;
  dir.write("a.md", "# Data Scientist\n\nWir bieten **Homeoffice**.");
  dir.write("b.json", "[{\"id\":\"j1\",\"text\":\"eins\"},{\"id\":\"j2\",\"text\":\"<p>zwei</p>\"}]");
  {
    gzFile gz = gzopen((dir / "c.jsonl.gz").c_str(), "wb");
    BOOST_TEST_REQUIRE(gz != nullptr);
    const std::string lines = "{\"id\":\"l1\",\"text\":\"drei\"}\n{\"id\":\"l2\",\"text\":\"vier\"}\n";
    BOOST_TEST_REQUIRE(gzwrite(gz, lines.data(), static_cast<unsigned>(lines.size())) == static_cast<int>(lines.size()));
    BOOST_TEST_REQUIRE(gzclose(gz) == Z_OK);
  }
  dir.write("d.pdf", "%PDF-1.4\n(not really)");
  dir.write("e.MARKDOWN", "plain words");
  dir.write("f.ndjson", "{\"id\":\"n1\",\"text\":\"fuenf\"}\n");
  for (const char* skip : {"g.xlsx", "h.png", "i.gz", "j.csv", "k.doc", "l.zip", "m.tar.gz"}) dir.write(skip, "x");
  jobmatch::InputSource source({dir.path.string()}, ReadOptions{});
  std::vector<std::string> got;
  Input in;
  while (source.next(&in)) {
    const std::string kind = in.error ? "error " + in.error->kind
                             : in.format == jobmatch::DocFormat::kMarkdown ? "markdown"
                             : in.format == jobmatch::DocFormat::kHtml     ? "html"
                             : in.format == jobmatch::DocFormat::kPdf      ? "pdf"
                                                                           : "text";
    got.push_back(in.id.substr(in.id.find_last_of('/') + 1) + " " + kind);
  }
  const std::vector<std::string> want = {"a.md markdown", "j1 text",      "j2 html",  "l1 text", "l2 text",
                                         "d.pdf pdf",     "e.MARKDOWN markdown", "n1 text"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  BOOST_TEST(source.skipped_count() == 7u);
  BOOST_TEST(source.skipped_examples().size() == 5u);  // the first few, in walk order
  BOOST_TEST(source.skipped_examples().front() == dir / "g.xlsx");
}

BOOST_AUTO_TEST_CASE(json_inputs_without_records_are_counted) {
  TempDir dir;
  dir.write("a.json", "[]\n");
  dir.write("b.jsonl", "");
  dir.write("c.jsonl", "\n  \n");
  dir.write("d.json", "[{\"id\": \"d1\", \"text\": \"x\"}]");
  dir.write("e.json", "");  // nothing at all where a JSON value should be: an error record
  jobmatch::InputSource source({dir.path.string()}, ReadOptions{});
  std::vector<Record> records;
  jobmatch::Input in;
  while (source.next(&in)) records.push_back(to_record(in));
  BOOST_TEST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].id == "d1");
  BOOST_TEST(records[1].id == (dir / "e.json"));
  BOOST_TEST(records[1].kind == "json");
  BOOST_TEST(source.empty_count() == 3u);
  const std::vector<std::string> want = {(dir / "a.json"), (dir / "b.jsonl"),
                                         (dir / "c.jsonl")};
  BOOST_TEST(source.empty_examples() == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(explicit_fifo_is_read) {
  TempDir dir;
  const std::string fifo = dir / "posting.txt";
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  std::thread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY);
    if (fd >= 0) {
      [[maybe_unused]] const auto n = ::write(fd, "from a pipe", 11);
      ::close(fd);
    }
  });
  const auto records = within_10s([&] { return read_all({fifo}); }, "reading an explicit FIFO");
  writer.join();
  BOOST_TEST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].kind == "");
  BOOST_TEST(records[0].bytes == "from a pipe");
}

BOOST_AUTO_TEST_CASE(explicit_device_is_an_error_record) {
  const auto records = within_10s([] { return read_all({"/dev/zero", "/dev/null"}); }, "reading devices");
  BOOST_TEST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].kind == "not_regular");
  BOOST_TEST(records[1].kind == "not_regular");
}

BOOST_AUTO_TEST_CASE(unreadable_file_is_an_io_error) {
  if (::geteuid() == 0) {
    // Permissions do not stop root; a file whose read fails does: /proc/self/mem at offset 0.
    const auto records = read_all({"/proc/self/mem"});
    BOOST_TEST_REQUIRE(records.size() == 1u);
    BOOST_TEST(records[0].kind == "io");
    BOOST_TEST(records[0].message == "read failed: Input/output error");
    return;
  }
  TempDir dir;
  dir.write("secret.txt", "x");
  fs::permissions(dir.path / "secret.txt", fs::perms::none);
  const auto records = read_all({dir / "secret.txt"});
  BOOST_TEST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].kind == "io");
  BOOST_TEST(records[0].message == "Permission denied");
}

BOOST_AUTO_TEST_CASE(missing_and_looping_paths_named_explicitly) {
  TempDir dir;
  fs::create_symlink("b", dir.path / "a");
  fs::create_symlink("a", dir.path / "b");
  const auto records = read_all({dir / "missing.txt", dir / "a"});
  BOOST_TEST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].kind == "not_found");
  BOOST_TEST(records[1].kind == "loop");
}

BOOST_AUTO_TEST_CASE(loop_message_shows_non_utf8_folder_names_escaped) {
  TempDir dir;
  fs::create_directory(dir.path / "d\xFF");
  fs::create_symlink("..", dir.path / "d\xFF" / "up");
  const auto records = read_all({dir / "d\xFF"});
  BOOST_TEST_REQUIRE(records.size() == 1u);  // up → dir (walked), then dir/d\xFF again: a loop
  BOOST_TEST(records.back().kind == "loop");
  BOOST_TEST(jobmatch::is_valid_utf8(records.back().message));
  BOOST_TEST(records.back().message.find("d\\xff") != std::string::npos, records.back().message);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(read_output_files)

// report -o ads/report.html ads/: the walk leaves out the report being replaced (by device and
// inode, so a hard link too) and names it; a path given explicitly is the CLI's to refuse.
BOOST_AUTO_TEST_CASE(a_walk_skips_the_output_file_and_names_it) {
  TempDir dir;
  dir.write("a.txt", "Machine Learning Engineer");
  dir.write("report.html", "<html><title>old report</title></html>");
  fs::create_hard_link(dir.path / "report.html", dir.path / "z.html");
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat((dir / "report.html").c_str(), &st) == 0);
  ReadOptions options;
  options.output_files.push_back({st.st_dev, st.st_ino});
  InputSource source({dir.path.string()}, options);
  std::vector<std::string> ids;
  for (Input in; source.next(&in);) ids.push_back(in.id);
  BOOST_TEST(ids == std::vector<std::string>{dir / "a.txt"});
  BOOST_TEST(source.output_skipped() == (std::vector<std::string>{dir / "report.html", dir / "z.html"}));
  BOOST_TEST(source.skipped_count() == 0u);
  // Without output_files both are read, as before.
  BOOST_TEST(read_all({dir.path.string()}).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
