// The progress line: its text, and that a disabled one writes nothing.
#include <fcntl.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "cli/progress.h"

using namespace jobmatch;

BOOST_AUTO_TEST_SUITE(progress)

BOOST_AUTO_TEST_CASE(progress_line) {
  BOOST_TEST(Progress::line(50, 200, 10, 5000000) == "jobmatch: 50/200 postings  0.5 MB/s  ETA 0:30");
  BOOST_TEST(Progress::line(50, 0, 10, 5000000) == "jobmatch: 50 postings  0.5 MB/s");
}

BOOST_AUTO_TEST_CASE(disabled_progress_writes_nothing) {
  // Past the long-run threshold (200 inputs) an enabled line is drawn; a disabled one never
  // writes to its descriptor.
  for (const bool enabled : {true, false}) {
    int fds[2];
    BOOST_TEST_REQUIRE(::pipe2(fds, O_NONBLOCK) == 0);
    {
      Progress p(enabled, 1000, nullptr, fds[1]);
      for (int k = 0; k < 1000; ++k) p.tick();
    }
    char buf[64];
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    BOOST_TEST((n > 0) == enabled, (enabled ? "enabled" : "disabled"));
    ::close(fds[0]);
    ::close(fds[1]);
  }
}

BOOST_AUTO_TEST_SUITE_END()
