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
bool read_within(const std::string& path, std::string* out, std::string* error) {
  auto result = std::async(std::launch::async, [&] { return jobmatch::read_data_file(path, out, error); });
  BOOST_TEST_REQUIRE((result.wait_for(std::chrono::seconds(10)) == std::future_status::ready), path << " blocked");
  return result.get();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(data_file)

BOOST_AUTO_TEST_CASE(a_regular_file_is_read_whole) {
  TempDir dir;
  dir.write("a.lex", "concept x\n");
  std::string text, error;
  BOOST_TEST(read_within(dir / "a.lex", &text, &error));
  BOOST_TEST(text == "concept x\n");
  dir.write("empty.lex", "");
  BOOST_TEST(read_within(dir / "empty.lex", &text, &error));
  BOOST_TEST(text.empty());
}

BOOST_AUTO_TEST_CASE(a_fifo_or_device_is_refused_without_blocking) {
  TempDir dir;
  BOOST_TEST_REQUIRE(::mkfifo((dir / "a.lex").c_str(), 0600) == 0);
  std::string text, error;
  BOOST_TEST(!read_within(dir / "a.lex", &text, &error));  // no writer: open() would wait
  BOOST_TEST(error == "not a regular file");
  BOOST_TEST(!read_within("/dev/zero", &text, &error));  // would be read without end
  BOOST_TEST(error == "not a regular file");
  BOOST_TEST(!read_within(dir.path.string(), &text, &error));
  BOOST_TEST(error == "Is a directory");
  BOOST_TEST(!read_within(dir / "missing.lex", &text, &error));
  BOOST_TEST(error == "No such file or directory");
}

BOOST_AUTO_TEST_CASE(a_file_over_the_limit_is_refused) {
  TempDir dir;
  const std::string path = dir / "big.lex";
  {
    std::ofstream(path, std::ios::binary) << "";
  }
  fs::resize_file(path, jobmatch::kMaxDataFileBytes + 1);  // sparse: nothing written
  std::string text, error;
  BOOST_TEST(!read_within(path, &text, &error));
  BOOST_TEST(error == "larger than 16 MiB");
  fs::resize_file(path, jobmatch::kMaxDataFileBytes);
  BOOST_TEST(read_within(path, &text, &error), error);
  BOOST_TEST(text.size() == jobmatch::kMaxDataFileBytes);
}

BOOST_AUTO_TEST_SUITE_END()
