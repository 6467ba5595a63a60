// Data files (lexicon, profile, eval labels): regular files of at most 16 MiB, read without ever
// blocking on a FIFO or reading a device without end.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include "lexicon/datafile.h"
#include "test_helpers.h"

namespace {

namespace fs = std::filesystem;

using jobmatch::test::TempDir;

// read_data_file run on another thread with a deadline: a read that blocks fails the test
// instead of hanging it.
jobmatch::Expected<std::string> read_within(const std::string& path) {
  auto result = std::async(std::launch::async, [&] { return jobmatch::read_data_file(path); });
  BOOST_TEST_REQUIRE((result.wait_for(std::chrono::seconds(10)) == std::future_status::ready), path << " blocked");
  return result.get();
}

// The error of reading path ("" if it was read).
std::string error_of(const std::string& path) {
  const jobmatch::Expected<std::string> text = read_within(path);
  return text.ok() ? "" : text.error().message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(data_file)

BOOST_AUTO_TEST_CASE(a_regular_file_is_read_whole) {
  TempDir dir;
  dir.write("a.lex", "concept x\n");
  const auto text = read_within(dir / "a.lex");
  BOOST_TEST_REQUIRE(text.ok());
  BOOST_TEST(*text == "concept x\n");
  dir.write("empty.lex", "");
  const auto empty = read_within(dir / "empty.lex");
  BOOST_TEST_REQUIRE(empty.ok());
  BOOST_TEST(empty->empty());
}

BOOST_AUTO_TEST_CASE(a_fifo_or_device_is_refused_without_blocking) {
  TempDir dir;
  BOOST_TEST_REQUIRE(::mkfifo((dir / "a.lex").c_str(), 0600) == 0);
  BOOST_TEST(error_of(dir / "a.lex") == "not a regular file");  // no writer: open() would wait
  BOOST_TEST(error_of("/dev/zero") == "not a regular file");  // would be read without end
  BOOST_TEST(error_of(dir.path.string()) == "Is a directory");
  BOOST_TEST(error_of(dir / "missing.lex") == "No such file or directory");
}

BOOST_AUTO_TEST_CASE(a_file_over_the_limit_is_refused) {
  TempDir dir;
  const std::string path = dir / "big.lex";
  {
    std::ofstream(path, std::ios::binary) << "";
  }
  fs::resize_file(path, jobmatch::kMaxDataFileBytes + 1);  // sparse: nothing written
  BOOST_TEST(error_of(path) == "larger than 16 MiB");
  fs::resize_file(path, jobmatch::kMaxDataFileBytes);
  const auto text = read_within(path);
  BOOST_TEST_REQUIRE(text.ok(), (text.ok() ? "" : text.error().message));
  BOOST_TEST(text->size() == jobmatch::kMaxDataFileBytes);
}

BOOST_AUTO_TEST_SUITE_END()
