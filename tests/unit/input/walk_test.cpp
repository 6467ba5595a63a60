// --files0-from lists: NUL-ended paths split in order, and the lists that are refused.
#include "input/walk.h"

#include <boost/test/unit_test.hpp>

#include <stdlib.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Paths = std::vector<std::string>;
using namespace std::string_view_literals;

}  // namespace

BOOST_AUTO_TEST_SUITE(input_walk)

BOOST_AUTO_TEST_CASE(files0_lists_split_at_nul) {
  BOOST_TEST(*jobmatch::split_files0("a.txt\0b c.txt\0"sv) == (Paths{"a.txt", "b c.txt"}));
  // The last NUL may be left out (printf 'a\0b'); a name may hold a newline (find -print0 keeps it).
  BOOST_TEST(*jobmatch::split_files0("a.txt\0line\nbreak.txt"sv) == (Paths{"a.txt", "line\nbreak.txt"}));
  BOOST_TEST(*jobmatch::split_files0("one"sv) == (Paths{"one"}));
  BOOST_TEST(jobmatch::split_files0(""sv)->empty());
}

BOOST_AUTO_TEST_CASE(files0_lists_refused) {
  // An empty name: two NULs in a row, or a NUL first.
  const auto twice = jobmatch::split_files0("a\0\0b\0"sv);
  BOOST_REQUIRE(!twice.ok());
  BOOST_TEST(twice.error().message == "empty file name after 1 path (two NULs in a row, or a NUL first)");
  BOOST_TEST(!jobmatch::split_files0("\0a"sv).ok());
  // find -print by mistake: newlines and no NUL at all.
  const auto lines = jobmatch::split_files0("a.txt\nb.txt\n"sv);
  BOOST_REQUIRE(!lines.ok());
  BOOST_TEST(lines.error().message.find("no NUL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(files0_read_from_a_file) {
  char name[] = "/tmp/jobmatch_files0_XXXXXX";
  const int fd = ::mkstemp(name);
  BOOST_REQUIRE(fd >= 0);
  std::FILE* f = ::fdopen(fd, "w");
  std::fwrite("x/a.md\0-\0", 1, 9, f);
  std::fclose(f);
  // From a file, "-" is standard input like on the command line.
  BOOST_TEST(*jobmatch::read_files0(name) == (Paths{"x/a.md", "-"}));
  std::remove(name);
  const auto missing = jobmatch::read_files0(name);
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST(missing.error().message == std::string("cannot read --files0-from ") + name + ": No such file or directory");
}

BOOST_AUTO_TEST_SUITE_END()
