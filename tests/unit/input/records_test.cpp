// JSON records: the splitter that streams a JSON array's elements (or objects one after
// another), and the reader that turns each into an Input, by file, by compressed file and by pipe.
#include "input/records.h"

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "input/read.h"
#include "test_helpers.h"

using jobmatch::ByteStream;
using jobmatch::DocFormat;
using jobmatch::Input;
using jobmatch::InputFormat;
using jobmatch::InputSource;
using jobmatch::JsonSplitter;
using jobmatch::KeptField;
using jobmatch::parse_record;
using jobmatch::ReadOptions;

namespace {

using jobmatch::test::MemStream;

namespace fs = std::filesystem;

// What a splitter gives for bytes: each value, "<too long>", or "<error KIND: MESSAGE>" (the
// last one).
std::vector<std::string> split(const std::string& bytes, size_t max = 1u << 20, size_t block = 1u << 16,
                               bool fail_at_end = false, bool* in_array = nullptr) {
  MemStream in(bytes, SIZE_MAX, fail_at_end);
  JsonSplitter splitter(in, max, block);
  std::vector<std::string> out;
  std::string value;
  for (;;) {
    const jobmatch::Expected<JsonSplitter::Item> item = splitter.next(&value);
    BOOST_TEST_REQUIRE(out.size() < 1000u);
    if (!item.ok()) {
      out.push_back(std::string("<error ") + splitter.error_kind() + ": " + item.error().message + ">");
    } else if (*item == JsonSplitter::Item::kEnd) {
      break;
    } else if (*item == JsonSplitter::Item::kTooLong) {
      BOOST_TEST(value.empty());
      out.push_back("<too long>");
    } else {
      out.push_back(value);
    }
  }
  // Done is done.
  const jobmatch::Expected<JsonSplitter::Item> after = splitter.next(&value);
  BOOST_TEST((after.ok() && *after == JsonSplitter::Item::kEnd));
  if (in_array) *in_array = splitter.in_array();
  return out;
}

using Strings = std::vector<std::string>;

using jobmatch::test::TempDir;

int memfd_with(const std::string& bytes) {
  const int fd = ::memfd_create("jobmatch_records_test", MFD_CLOEXEC);
  BOOST_TEST_REQUIRE(fd >= 0);
  BOOST_TEST_REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

std::string fd_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

// One record as a line: "ID | text | format | title", or "ID | KIND: MESSAGE" for an error.
std::string show(const Input& in) {
  if (in.error) return in.id + " | " + in.error->kind + ": " + in.error->message;
  return in.id + " | " + in.bytes + " | " + (in.format == DocFormat::kHtml ? "html" : in.format == DocFormat::kText ? "text" : "other") +
         " | " + (in.title ? *in.title : "-");
}

// The records of paths, each shown with `show`, with prefix (a path) replaced by "P".
Strings records_of(const std::vector<std::string>& paths, const ReadOptions& options, const std::string& prefix = "") {
  InputSource source(paths, options);
  Strings out;
  Input in;
  while (source.next(&in)) {
    BOOST_TEST(static_cast<bool>(in.unparsed) == (options.parse_in_worker && !in.error));
    parse_record(&in);
    BOOST_TEST(!in.unparsed);
    std::string s = show(in);
    for (const KeptField& k : in.kept) s += " | " + (k.present ? (k.string ? "\"" + k.value + "\"" : k.value) : "-");
    if (!prefix.empty())
      for (size_t at; (at = s.find(prefix)) != std::string::npos;) s.replace(at, prefix.size(), "P");
    out.push_back(s);
    BOOST_TEST_REQUIRE(out.size() < 1000u);
  }
  return out;
}

// The records of bytes in a memory file, read with the given format; the file is called P.
Strings read_records(const std::string& bytes, InputFormat format = InputFormat::kJson, ReadOptions options = {}) {
  const int fd = memfd_with(bytes);
  options.format = format;
  const Strings out = records_of({fd_path(fd)}, options, fd_path(fd));
  ::close(fd);
  return out;
}

template <class F>
auto within_10s(F f, const char* what) {
  auto fut = std::async(std::launch::async, f);
  const bool ready = fut.wait_for(std::chrono::seconds(10)) == std::future_status::ready;
  BOOST_TEST_REQUIRE(ready, what << " blocked for more than 10 s");
  return fut.get();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(records)

BOOST_AUTO_TEST_CASE(splitter_streams_array_elements) {
  bool in_array = false;
  BOOST_TEST(split("[]", 100, 100, false, &in_array) == Strings{});
  BOOST_TEST(in_array);
  BOOST_TEST(split(" [ \n\t ] \n") == Strings{});
  BOOST_TEST(split("[{\"id\":\"a\"}]") == Strings{"{\"id\":\"a\"}"});
  BOOST_TEST(split("[{\"a\":1},{\"b\":2} ,\n {\"c\":3}]") == (Strings{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}"}));
  // Nested arrays and objects, and strings holding the splitter's own marks.
  const std::string nested = R"({"a":[1,[2,{"b":[]}]],"c":{"d":{}}})";
  const std::string marks = R"({"s":"] } , [ { \" \\ \\\" end"})";
  const std::string backslashes = R"({"s":"\\\\","t":"\\"})";
  const std::string unicode = R"({"s":"\u005d\u007d\u002c\u0022 \ud83d\ude80 Fähig"})";
  BOOST_TEST(split("[" + nested + "," + marks + "," + backslashes + "," + unicode + "]") ==
             (Strings{nested, marks, backslashes, unicode}));
  // Other values are elements too (the reader then says they are not postings).
  BOOST_TEST(split(R"([1, -2.5e3,"x]",true,null,[],{}])") ==
             (Strings{"1", "-2.5e3", "\"x]\"", "true", "null", "[]", "{}"}));
}

BOOST_AUTO_TEST_CASE(splitter_reads_objects_one_after_another) {
  bool in_array = true;
  BOOST_TEST(split("{\"a\":1}\n\n  {\"b\":\"}{\"}\t{\"c\":[{}]}\r\n", 100, 100, false, &in_array) ==
             (Strings{"{\"a\":1}", "{\"b\":\"}{\"}", "{\"c\":[{}]}"}));
  BOOST_TEST(!in_array);
  BOOST_TEST(split("{\"a\":1}{\"b\":2}") == (Strings{"{\"a\":1}", "{\"b\":2}"}));
  BOOST_TEST(split("  {\"only\":true}  \n") == Strings{"{\"only\":true}"});
}

BOOST_AUTO_TEST_CASE(splitter_more_follow_looks_ahead) {
  for (const auto& [bytes, more] : std::vector<std::pair<std::string, bool>>{
           {"{\"a\":1}", false}, {"{\"a\":1}\n  \n", false}, {"{\"a\":1} {\"b\":2}", true}, {"{\"a\":1} x", true}}) {
    MemStream in(bytes, 1);
    JsonSplitter splitter(in, 100, 1);
    std::string value;
    const jobmatch::Expected<JsonSplitter::Item> first = splitter.next(&value);
    BOOST_TEST_REQUIRE((first.ok() && *first == JsonSplitter::Item::kValue));
    BOOST_TEST(splitter.more_follow() == more, bytes);
    BOOST_TEST(splitter.more_follow() == more, bytes);  // asking again reads nothing more
    if (more) {
      const jobmatch::Expected<JsonSplitter::Item> second = splitter.next(&value);
      BOOST_TEST((!second.ok() || *second != JsonSplitter::Item::kEnd));
    }
  }
}

BOOST_AUTO_TEST_CASE(splitter_looks_past_a_byte_order_mark) {
  BOOST_TEST(split("\xEF\xBB\xBF[{\"a\":1}]") == Strings{"{\"a\":1}"});
  BOOST_TEST(split("\xEF\xBB\xBF\n{\"a\":1}\n{\"b\":2}") == (Strings{"{\"a\":1}", "{\"b\":2}"}));
  BOOST_TEST(split("\xEF\xBB\xBF[]") == Strings{});
  BOOST_TEST(split("\xEF\xBB[]").back().starts_with("<error json: invalid JSON"));
}

BOOST_AUTO_TEST_CASE(splitter_gives_the_same_records_for_any_block_size) {
  const std::vector<std::string> docs = {
      R"([{"id":"a","text":"x, ] }"} , {"id":"b","n":[1,2,{"c":"\""}]}, 3, "s", {}])",
      "{\"a\":1}\n{\"b\":\"\\\\\"}  {\"c\":2}\n",
      "\xEF\xBB\xBF[{\"a\":\"\\u00e4\"}]",
      "[{\"a\":1},{\"b\":",
      "[1 2]",
      "{} x",
  };
  for (const std::string& doc : docs) {
    const Strings want = split(doc, 1u << 20, 1u << 16);
    for (const size_t block : {1u, 2u, 3u, 5u, 8u, 13u})
      BOOST_TEST(split(doc, 1u << 20, block) == want, doc << " block " << block);
  }
}

BOOST_AUTO_TEST_CASE(splitter_skips_a_record_longer_than_max_bytes) {
  const std::string big = "{\"text\":\"" + std::string(5000, 'x') + "\",\"n\":[{},{}]}";
  for (const size_t block : {1u, 7u, 4096u}) {
    BOOST_TEST(split("[{\"a\":1}," + big + ",{\"b\":2}]", 100, block) ==
                   (Strings{"{\"a\":1}", "<too long>", "{\"b\":2}"}),
               "block " << block);
    BOOST_TEST(split(big + "\n{\"b\":2}", 100, block) == (Strings{"<too long>", "{\"b\":2}"}));
  }
  // Exactly max_bytes is not too long.
  BOOST_TEST(split("[{\"a\":12}]", 8) == Strings{"{\"a\":12}"});
  BOOST_TEST(split("[{\"a\":123}]", 8) == Strings{"<too long>"});
}

BOOST_AUTO_TEST_CASE(splitter_errors_end_the_records) {
  auto last_error = [](const std::string& doc) {
    const Strings got = split(doc);
    return got.empty() ? std::string("<none>") : got.back();
  };
  BOOST_TEST(split("[{\"a\":1}") == (Strings{"{\"a\":1}", "<error json: the file ends inside the array at byte 7>"}));
  BOOST_TEST(last_error("[{\"a\":1},") == "<error json: the file ends inside the array at byte 8>");
  BOOST_TEST(last_error("[{\"a\":") == "<error json: the file ends inside a record at byte 5>");
  BOOST_TEST(last_error("[{\"a\":\"x\\") == "<error json: the file ends inside a record at byte 8>");
  BOOST_TEST(split("[1 2]") == (Strings{"1", "<error json: expected , or ] after a record at byte 3>"}));
  BOOST_TEST(split("{} x") == (Strings{"{}", "<error json: expected a JSON object at byte 3>"}));
  BOOST_TEST(split("[{}] x") == (Strings{"{}", "<error json: text after the end of the array at byte 5>"}));
  BOOST_TEST(split("[] []") == (Strings{"<error json: text after the end of the array at byte 3>"}));
  BOOST_TEST(split("") == Strings{"<error json: no JSON value at byte 0>"});
  BOOST_TEST(split(" \n ").size() == 1u);
  BOOST_TEST(last_error("x").starts_with("<error json: expected a JSON object"));
  BOOST_TEST(last_error("\"string\"").starts_with("<error json: expected a JSON object"));
  // A read error: the stream's message and kind.
  BOOST_TEST(split("[{\"a\":1},", 100, 3, true) == (Strings{"{\"a\":1}", "<error io: read failed: test>"}));
  BOOST_TEST(split("[{\"a\":", 100, 3, true) == Strings{"<error io: read failed: test>"});
  BOOST_TEST(split("{\"a\":1}", 100, 3, true) == (Strings{"{\"a\":1}", "<error io: read failed: test>"}));
  BOOST_TEST(split("", 100, 3, true) == Strings{"<error io: read failed: test>"});
}

BOOST_AUTO_TEST_CASE(array_elements_are_named_by_id_or_index) {
  const std::string doc = R"([{"id":"a","text":"x"},{"text":"y","title":"T"},{"id":7,"text":"z"},{"id":"","text":"e"}])";
  for (const InputFormat format : {InputFormat::kJson, InputFormat::kAuto})
    BOOST_TEST(read_records(doc, format) ==
               (Strings{"a | x | text | -", "P#1 | y | text | T", "7 | z | text | -", " | e | text | -"}));
}

BOOST_AUTO_TEST_CASE(a_single_object_file_is_named_by_the_file) {
  BOOST_TEST(read_records("{\n  \"text\": \"solo\"\n}\n", InputFormat::kAuto) == Strings{"P | solo | text | -"});
  BOOST_TEST(read_records("{\"text\": \"solo\"}", InputFormat::kJson) == Strings{"P | solo | text | -"});
  BOOST_TEST(read_records("{\"text\": \"solo\"}\n\n", InputFormat::kJson) == Strings{"P | solo | text | -"});
  BOOST_TEST(read_records("{\"id\":\"x\",\"text\": \"solo\"}", InputFormat::kJson) == Strings{"x | solo | text | -"});
  // Several objects: each named by its place.
  BOOST_TEST(read_records("{\"text\":\"a\"}\n{\"text\":\"b\"}", InputFormat::kJson) ==
             (Strings{"P#0 | a | text | -", "P#1 | b | text | -"}));
  BOOST_TEST(read_records("{\n\"text\":\"a\"}\n{\"text\":\"b\"}", InputFormat::kAuto) ==
             (Strings{"P#0 | a | text | -", "P#1 | b | text | -"}));
  BOOST_TEST(read_records("[]", InputFormat::kJson) == Strings{});
  BOOST_TEST(read_records("[]", InputFormat::kAuto) == Strings{});
}

BOOST_AUTO_TEST_CASE(ids_may_be_numbers) {
  BOOST_TEST(read_records(R"([{"id":42,"text":"a"},{"id":-3,"text":"b"},{"id":18446744073709551615,"text":"c"},{"id":1.5,"text":"d"}])") ==
             (Strings{"42 | a | text | -", "-3 | b | text | -", "18446744073709551615 | c | text | -",
                      "P#3 | d | text | -"}));
}

BOOST_AUTO_TEST_CASE(kept_fields_are_copied_as_strings_or_json_text) {
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  options.keep_fields = {"url", "n", "job.company", "none"};
  const int fd = memfd_with(
      "{\"id\":\"-42\",\"url\":\"https://x/\\u00e9\",\"n\":[1, 2.5],\"job\":{\"company\":\"Acme\"},\"text\":\"a\"}\n"
      "{\"id\":\"b\",\"url\":null}\n"
      "not json\n");
  InputSource source({fd_path(fd)}, options);
  std::vector<Input> got;
  for (Input in; source.next(&in);) got.push_back(in);
  ::close(fd);
  BOOST_TEST_REQUIRE(got.size() == 3u);
  const auto show_kept = [](const Input& in) {
    std::string s;
    for (const jobmatch::KeptField& k : in.kept)
      s += !k.present ? "absent;" : (k.string ? "string " : "json ") + k.value + ";";
    return s;
  };
  BOOST_TEST(got[0].id == "-42");
  BOOST_TEST(show_kept(got[0]) == "string https://x/\u00e9;json [1,2.5];string Acme;absent;");
  BOOST_TEST(got[1].error.has_value());  // no text: an error record, with its fields all the same
  BOOST_TEST(show_kept(got[1]) == "json null;absent;absent;absent;");
  BOOST_TEST(got[2].error.has_value());  // not JSON: nothing to keep
  BOOST_TEST(show_kept(got[2]) == "");
}

BOOST_AUTO_TEST_CASE(kept_fields_are_the_same_on_the_fast_path) {
  const std::string doc =
      R"([{"id": "a", "u": "https://x/\u00e9", "text": "t"}, {"id": "b", "u": 5, "text": "t"},)"
      R"( {"id": "c", "u": {"k": [1, "x"]}, "text": "t"}, {"id": "d", "u": "first", "u": "last", "text": "t"},)"
      R"( {"id": "e", "text": "t"}, {"id": "f", "u": null, "c": "\t", "text": "t"}])";
  const auto kept_of = [&](bool reference) {
    ReadOptions options;
    options.format = InputFormat::kJson;
    options.jsonl_reference = reference;
    options.keep_fields = {"u", "c"};
    const int fd = memfd_with(doc);
    InputSource source({fd_path(fd)}, options);
    Strings out;
    for (Input in; source.next(&in);) {
      std::string s = in.id + ":";
      for (const jobmatch::KeptField& k : in.kept) s += !k.present ? " -" : (k.string ? " s=" : " j=") + k.value;
      out.push_back(s);
    }
    ::close(fd);
    return out;
  };
  const Strings fast = kept_of(false);
  BOOST_TEST(fast == kept_of(true), boost::test_tools::per_element());
  BOOST_TEST(fast == (Strings{"a: s=https://x/\u00e9 -", "b: j=5 -", "c: j={\"k\":[1,\"x\"]} -", "d: s=last -", "e: - -",
                              "f: j=null s=\t"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(field_names_may_be_paths) {
  ReadOptions options;
  options.id_field = "job.id";
  options.text_field = "description.html";
  options.title_field = "job.title";
  BOOST_TEST(read_records(R"([{"job":{"id":"j1","title":"DS"},"description":{"html":"<p>Hi</p>"}},)"
                     R"({"job":{"id":2},"description":{"html":"plain, but the field says html"}},)"
                     R"({"job":{},"description":{"html":"no id"}}])",
                     InputFormat::kJson, options) ==
             (Strings{"j1 | <p>Hi</p> | html | DS", "2 | plain, but the field says html | html | -",
                      "P#2 | no id | html | -"}));
  // A field whose name has a dot is found by that name first.
  options = ReadOptions{};
  options.id_field = "job.id";
  BOOST_TEST(read_records(R"([{"job.id":"flat","job":{"id":"nested"},"text":"x"}])", InputFormat::kJson, options) ==
             Strings{"flat | x | text | -"});
  // An array index on the path.
  options = ReadOptions{};
  options.text_field = "items.0.text";
  options.id_field = "refs.1";
  BOOST_TEST(read_records(R"([{"refs":["r0","r1"],"items":[{"text":"first"},{"text":"second"}]},)"
                     R"({"refs":["r0"],"items":[]},)"
                     R"({"items":{"0":{"text":"key zero"}}}])",
                     InputFormat::kJson, options) ==
             (Strings{"r1 | first | text | -", "P#1 | json: record 1: field 'items.0.text' is missing",
                      "P#2 | key zero | text | -"}));
}

BOOST_AUTO_TEST_CASE(html_text_fields_are_read_as_html) {
  BOOST_TEST(read_records(R"([{"id":"h","text":"<p>Wir suchen</p>"},{"id":"b","text":"Zeile<br>Zeile"},{"id":"t","text":"plain < text"}])") ==
             (Strings{"h | <p>Wir suchen</p> | html | -", "b | Zeile<br>Zeile | html | -", "t | plain < text | text | -"}));
  // --input-format html or text says what the text fields are.
  BOOST_TEST(read_records(R"([{"id":"t","text":"plain"}])", InputFormat::kHtml).size() == 1u);
  ReadOptions options;
  options.text_field = "body_html";
  BOOST_TEST(read_records(R"([{"id":"x","body_html":"plain"}])", InputFormat::kJson, options) ==
             Strings{"x | plain | html | -"});
}

BOOST_AUTO_TEST_CASE(bad_records_are_error_records) {
  BOOST_TEST(read_records(R"([{"id":"a"},{"title":"no text"},{"id":"n","text":5},1,"s",{"id":"ok","text":"fine"}])") ==
             (Strings{"a | json: field 'text' is missing", "P#1 | json: record 1: field 'text' is missing",
                      "n | json: field 'text' is not a string", "P#3 | json: record 3: not a JSON object",
                      "P#4 | json: record 4: not a JSON object", "ok | fine | text | -"}));
  // A record that does not parse is named by the id it got as far as.
  const Strings bad = read_records(R"([{"id":"cut","text":"x" "y"},{"text":tru},{"id":"ok","text":"z"}])");
  BOOST_TEST_REQUIRE(bad.size() == 3u);
  BOOST_TEST(bad[0].starts_with("cut | json: invalid JSON"), bad[0]);
  BOOST_TEST(bad[1].starts_with("P#1 | json: record 1, byte"), bad[1]);
  BOOST_TEST(bad[2] == "ok | z | text | -");
  // A splitter error ends the file with one error record, named by its place.
  BOOST_TEST(read_records(R"([{"id":"a","text":"x"},{"id":"b")") ==
             (Strings{"a | x | text | -", "P#1 | json: the file ends inside a record at byte 31"}));
  ReadOptions small;
  small.max_bytes = 30;
  BOOST_TEST(read_records(R"([{"id":"a","text":"x"},{"id":"long","text":"xxxxxxxxxxxxxxxxxxxx"},{"text":"y"}])",
                     InputFormat::kJson, small) ==
             (Strings{"a | x | text | -", "P#1 | too_large: record 1 is longer than --max-bytes (30)",
                      "P#2 | y | text | -"}));
}

BOOST_AUTO_TEST_CASE(a_json_file_with_a_byte_order_mark_is_read) {
  const std::string doc = "\xEF\xBB\xBF[{\"id\":\"a\",\"text\":\"x\"}]";
  BOOST_TEST(read_records(doc, InputFormat::kAuto) == Strings{"a | x | text | -"});
  BOOST_TEST(read_records(doc, InputFormat::kJson) == Strings{"a | x | text | -"});
  BOOST_TEST(read_records("\xEF\xBB\xBF{\n\"text\":\"x\"}", InputFormat::kAuto) == Strings{"P | x | text | -"});
}

// simdjson reads plain records, nlohmann-json the rest: the same records either way.
BOOST_AUTO_TEST_CASE(fast_path_gives_the_reference_parsers_records) {
  const std::vector<std::string> docs = {
      R"([{"id": "a", "title": "T", "text": "plain"}, {"text": "no id"}])",
      R"([{"id": "dup", "id": "last wins", "text": "one", "text": "two"}])",
      R"([{"id": "esc\u00e4\ud83d\ude80\n\"", "text": "caf\u00e9 \\ \/ \t"}])",
      R"([{"id": "lone", "text": "\ud800"}, {"id": "lone-low", "text": "\udc00 x"}])",
      R"([{"id": 42, "text": "n"}, {"id": -0, "text": "m"}, {"id": 18446744073709551616, "text": "big"}])",
      R"([{"id": 1.5, "text": "f"}, {"id": null, "text": "n"}, {"id": ["x"], "text": "a"}])",
      R"([{"id": "t", "text": 5}, {"id": "t", "title": 5, "text": "x"}, {"id": "t", "title": null, "text": "y"}])",
      R"([{"id": "n", "text": "x", "more": {"a": [1, 2, {"b": null}], "c": 1e308}}])",
      R"([{"id": "big", "text": "x", "n": 1e400}, {"id": "bad", "text": "x", "n": 01}])",
      R"([{"id": "ctl", "text": "a)" "\x01" R"(b"}, {"id": "utf8", "text": "bad )" "\xC3\x28" R"("}])",
      R"([{"i\u0064": "escaped key", "text": "x"}, [{"id": "array", "text": "x"}], "s", 1, null])",
      R"([{"id": "<p>", "text": "<p>html</p>"}, {"id": "t", "text": "x", "id": 7}])",
      R"({"id": "o1", "text": "x"} {"text": "y"} {"id": 3, "text": "z"})",
      R"({"text": "single"})",
      R"([{"id": "cut", "text": "x)",
      R"([{"id": "d", "text": "x", "d": )" + std::string(3000, '[') + std::string(3000, ']') + "}]",
  };
  for (const std::string& doc : docs) {
    ReadOptions fast, reference;
    reference.jsonl_reference = true;
    for (const size_t block : {1u, 4096u}) {
      fast.block_bytes = reference.block_bytes = block;
      const Strings a = read_records(doc, InputFormat::kJson, fast), b = read_records(doc, InputFormat::kJson, reference);
      BOOST_TEST(a == b, doc.substr(0, 60));
      BOOST_TEST(!a.empty());
    }
  }
  BOOST_TEST(read_records(docs[1]) == Strings{"last wins | two | text | -"});
}

BOOST_AUTO_TEST_CASE(records_parsed_by_another_thread_are_the_same) {
  // The reader only cuts the records apart (parse_in_worker); parse_record, in whichever
  // thread, makes the same inputs as parsing them in the reader: ids, texts, titles, kept
  // fields, error records with their messages.
  const std::vector<std::pair<std::string, InputFormat>> docs = {
      {R"([{"id": "a", "title": "T", "text": "plain", "k": 5}, {"text": "no id"}, {"id": 7, "text": "n"}])",
       InputFormat::kJson},
      {R"({"text": "single", "k": "s"})", InputFormat::kJson},
      {R"([{"id": "cut", "text": "x)", InputFormat::kJson},
      {"{\"id\": \"a\", \"text\": \"<p>html</p>\", \"k\": [1]}\n\n{\"text\": \"no id\"}\n"
       "{\"id\": \"bad\", \"text\": \"x\"\n{\"id\": \"u\", \"text\": \"\xC3\x28\"}\n[1]\n{\"id\": \"t\"}\n"
       "{\"text\": \"a\", \"n\": 1e400}\n" + std::string(200, 'x') + "\n{\"job\": {\"id\": \"p\"}, \"text\": \"y\"}\n",
       InputFormat::kJsonl},
  };
  for (const auto& [doc, format] : docs)
    for (const bool reference : {false, true})
      for (const std::string id_field : {"id", "job.id"}) {
        ReadOptions here, there;
        here.jsonl_reference = there.jsonl_reference = reference;
        here.id_field = there.id_field = id_field;
        here.keep_fields = there.keep_fields = {"k"};
        here.max_bytes = there.max_bytes = 150;
        there.parse_in_worker = true;
        const Strings a = read_records(doc, format, here), b = read_records(doc, format, there);
        BOOST_TEST(a == b, doc.substr(0, 40));
        BOOST_TEST(a.size() >= 1u);
      }
  // Two threads parsing records of one reader at once (each has its own simdjson parser).
  ReadOptions options;
  options.format = InputFormat::kJsonl;
  options.parse_in_worker = true;
  std::string lines;
  for (int i = 0; i < 400; ++i)
    lines += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"" + std::string(static_cast<size_t>(i), 'a') + "\"}\n";
  const int fd = memfd_with(lines);
  InputSource source({fd_path(fd)}, options);
  std::vector<Input> inputs(400);
  size_t n = 0;
  while (n < inputs.size() && source.next(&inputs[n])) ++n;
  ::close(fd);
  BOOST_TEST_REQUIRE(n == 400u);
  auto parse_every_other = [&](size_t first) {
    for (size_t i = first; i < n; i += 2) parse_record(&inputs[i]);
  };
  std::thread t1(parse_every_other, 0), t2(parse_every_other, 1);
  t1.join();
  t2.join();
  for (size_t i = 0; i < n; ++i) {
    BOOST_TEST(inputs[i].id == "r" + std::to_string(i));
    BOOST_TEST(inputs[i].bytes == std::string(i, 'a'));
    BOOST_TEST(!inputs[i].error);
  }
}

BOOST_AUTO_TEST_CASE(gzip_json_lines_give_the_plain_files_records) {
  TempDir dir;
  const std::string data =
      "{\"id\":\"a\",\"text\":\"eins\"}\n{\"text\":\"no id\"}\n\n{\"id\":\"bad\",\"text\":\n"
      "{\"id\":\"h\",\"text\":\"<p>x</p>\",\"title\":\"T\"}\n";
  dir.write("postings.jsonl", data);
  for (const std::string name : {"postings.jsonl.gz", "postings.gz", "sniffed"}) {
    gzFile gz = gzopen((dir / name).c_str(), "wb");
    BOOST_TEST_REQUIRE(gz != nullptr);
    BOOST_TEST_REQUIRE(gzwrite(gz, data.data(), static_cast<unsigned>(data.size())) == static_cast<int>(data.size()));
    BOOST_TEST_REQUIRE(gzclose(gz) == Z_OK);
  }
  const Strings plain = records_of({dir / "postings.jsonl"}, ReadOptions{}, dir / "postings.jsonl");
  BOOST_TEST_REQUIRE(plain.size() == 4u);
  BOOST_TEST(plain[0] == "a | eins | text | -");
  BOOST_TEST(plain[1] == "P:2 | no id | text | -");
  BOOST_TEST(plain[3] == "h | <p>x</p> | html | T");
  for (const std::string name : {"postings.jsonl.gz", "postings.gz", "sniffed"})
    BOOST_TEST(records_of({dir / name}, ReadOptions{}, dir / name) == plain, name);
  // The folder walk looks through the .gz suffix (and leaves out the file it does not know).
  ReadOptions jsonl_only;
  jsonl_only.extensions = {"jsonl"};
  InputSource walk({dir.path.string()}, jsonl_only);
  Input in;
  size_t n = 0;
  while (walk.next(&in)) ++n;
  BOOST_TEST(n == 8u);
  BOOST_TEST(walk.skipped_count() == 2u);
}

BOOST_AUTO_TEST_CASE(json_lines_on_a_pipe_are_sniffed_and_streamed) {
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  InputSource source({fd_path(fds[0])}, ReadOptions{});  // no format: sniffed, as standard input is
  Input in;
  auto put = [&](std::string_view s) {
    BOOST_TEST_REQUIRE(::write(fds[1], s.data(), s.size()) == static_cast<ssize_t>(s.size()));
  };
  put("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":");
  // The first record comes as soon as its line is there, with the writer still writing.
  BOOST_TEST(within_10s([&] { return source.next(&in); }, "InputSource::next on an open pipe"));
  BOOST_TEST(show(in) == "a | x | text | -");
  std::thread writer([&] {
    put("\"b\",\"text\":\"y\"}\n{\"text\":\"z\"}\n");
    ::close(fds[1]);
  });
  BOOST_TEST(source.next(&in));
  BOOST_TEST(show(in) == "b | y | text | -");
  BOOST_TEST(source.next(&in));
  BOOST_TEST(show(in) == fd_path(fds[0]) + ":3 | z | text | -");
  BOOST_TEST(!source.next(&in));
  writer.join();
  ::close(fds[0]);
}

BOOST_AUTO_TEST_CASE(gzip_on_a_pipe_is_sniffed_and_decompressed) {
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  std::string packed;
  {
    TempDir dir;
    gzFile gz = gzopen((dir / "x.gz").c_str(), "wb");
    BOOST_TEST_REQUIRE(gz != nullptr);
    const std::string data = "[{\"id\":\"a\",\"text\":\"x\"},\n{\"id\":\"b\",\"text\":\"y\"}]\n";
    BOOST_TEST_REQUIRE(gzwrite(gz, data.data(), static_cast<unsigned>(data.size())) == static_cast<int>(data.size()));
    BOOST_TEST_REQUIRE(gzclose(gz) == Z_OK);
    packed = jobmatch::test::read_whole_file(dir.path / "x.gz");
  }
  std::thread writer([&] {
    for (const char c : packed) {
      if (::write(fds[1], &c, 1) != 1) break;
    }
    ::close(fds[1]);
  });
  const Strings got = within_10s([&] { return records_of({fd_path(fds[0])}, ReadOptions{}); }, "reading a gzip pipe");
  writer.join();
  ::close(fds[0]);
  BOOST_TEST(got == (Strings{"a | x | text | -", "b | y | text | -"}));
}

BOOST_AUTO_TEST_SUITE_END()
