// run_pipeline fed by a fake source: results come in input order whatever the threads and
// however slow each input is, the window of inputs in flight holds (in count and in bytes), and
// an early stop (the sink says stop, or throws) ends the run without reading everything and
// without hanging, even while the reader waits for input that does not come.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "pipeline/run.h"
#include "test_helpers.h"

using namespace jobmatch;

namespace {

// Inputs "0", "1", ... of `bytes` bytes each; after `block_at` of them, next() waits until
// cancel() (as a read of standard input waits for data), then returns false. Records how many
// were read and the most read past the last result the sink got.
class FakeInputs : public Inputs {
 public:
  FakeInputs(size_t total, size_t bytes, size_t block_at = SIZE_MAX)
      : m_total(total), m_bytes(bytes), m_block_at(block_at) {}

  bool next(Input* out) override {
    if (m_read == m_block_at) {
      std::unique_lock lock(m_mu);
      m_blocked = true;
      m_cv.notify_all();
      m_cv.wait(lock, [&] { return m_cancelled; });
      return false;
    }
    if (m_read == m_total) return false;
    *out = Input{};
    out->id = std::to_string(m_read);
    out->bytes = std::string(m_bytes, 'x');
    ++m_read;
    m_max_ahead = std::max(m_max_ahead.load(), m_read.load() - delivered.load());
    return true;
  }

  void cancel() override {
    std::lock_guard lock(m_mu);
    m_cancelled = true;
    m_cv.notify_all();
  }

  void wait_until_blocked() {
    std::unique_lock lock(m_mu);
    m_cv.wait(lock, [&] { return m_blocked; });
  }

  size_t read() const { return m_read; }
  size_t max_ahead() const { return m_max_ahead; }
  bool cancelled() {
    std::lock_guard lock(m_mu);
    return m_cancelled;
  }

  std::atomic<size_t> delivered{0};  // counted by the test's sink

 private:
  const size_t m_total, m_bytes, m_block_at;
  std::atomic<size_t> m_read{0}, m_max_ahead{0};
  std::mutex m_mu;
  std::condition_variable m_cv;
  bool m_blocked = false, m_cancelled = false;
};

// Runs f on a thread of its own; a run that does not end within 20 s is a hang, which no
// assertion can report from a stuck thread: the test program ends with an error.
template <typename F>
auto finishes(F f) {
  std::packaged_task<decltype(f())()> task(std::move(f));
  auto result = task.get_future();
  std::thread t(std::move(task));
  if (result.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
    std::fprintf(stderr, "run_pipeline did not return within 20 s\n");
    std::_Exit(EXIT_FAILURE);
  }
  t.join();
  return result.get();
}

RunOptions options_with(int threads) {
  RunOptions o;
  o.threads = threads;
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(run)

BOOST_AUTO_TEST_CASE(results_come_in_input_order_with_slow_and_fast_inputs) {
  for (const int threads : {1, 2, 4}) {
    FakeInputs source(300, 20);
    RunOptions o = options_with(threads);
    // Every seventh input is slow, so later ones finish first on the other threads.
    o.in_worker = [](Result& r) {
      if (std::stoul(r.id) % 7 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    };
    std::vector<std::string> ids;
    const bool complete = finishes([&] {
      return run_pipeline(test::shipped_engine(), source, o, [&](Result&& r) {
        ids.push_back(r.id);
        return true;
      });
    });
    BOOST_TEST(complete);
    BOOST_TEST_REQUIRE(ids.size() == 300u, threads << " threads");
    for (size_t i = 0; i < ids.size(); ++i) BOOST_TEST_REQUIRE(ids[i] == std::to_string(i), threads << " threads");
  }
}

BOOST_AUTO_TEST_CASE(the_window_bounds_the_inputs_read_ahead_of_the_sink) {
  // The reader reads while fewer than the window are read and not taken by the consumer, and
  // the consumer takes at most a window at a time before handing them over: never more than
  // two windows past the sink. A slow sink lets an unbounded reader run through all 2000.
  const int threads = 2;
  const size_t window = threads * kWindowPerThread;
  FakeInputs source(2000, 20);
  const bool complete = finishes([&] {
    return run_pipeline(test::shipped_engine(), source, options_with(threads), [&](Result&&) {
      std::this_thread::sleep_for(std::chrono::microseconds(100));
      ++source.delivered;
      return true;
    });
  });
  BOOST_TEST(complete);
  BOOST_TEST(source.delivered == 2000u);
  BOOST_TEST(source.max_ahead() <= 2 * window);
}

BOOST_AUTO_TEST_CASE(the_byte_bound_holds_inputs_in_flight_to_a_few) {
  // 4 KiB inputs, 16 KiB in flight: the reader stops at 4 not yet taken, so no more than 8 are
  // read past the sink, far under the window.
  FakeInputs source(500, 4096);
  RunOptions o = options_with(2);
  o.max_inflight_bytes = 16384;
  const bool complete = finishes([&] {
    return run_pipeline(test::shipped_engine(), source, o, [&](Result&&) {
      std::this_thread::sleep_for(std::chrono::microseconds(100));
      ++source.delivered;
      return true;
    });
  });
  BOOST_TEST(complete);
  BOOST_TEST(source.delivered == 500u);
  BOOST_TEST(source.max_ahead() <= 8u);
}

BOOST_AUTO_TEST_CASE(a_sink_that_stops_ends_the_run_without_reading_everything) {
  for (const int threads : {1, 2}) {
    FakeInputs source(100000, 20);
    const bool complete = finishes([&] {
      return run_pipeline(test::shipped_engine(), source, options_with(threads), [&](Result&&) {
        return ++source.delivered < 10;
      });
    });
    BOOST_TEST(!complete);
    BOOST_TEST(source.delivered == 10u);
    BOOST_TEST(source.read() <= 10 + 2 * threads * kWindowPerThread, threads << " threads");
  }
}

BOOST_AUTO_TEST_CASE(a_stop_while_the_reader_waits_for_input_cancels_it_and_returns) {
  // 20 inputs, then the source waits as standard input would; the sink stops at the fifth
  // once the reader is waiting: only the cancel can end that wait.
  FakeInputs source(100, 20, 20);
  const bool complete = finishes([&] {
    return run_pipeline(test::shipped_engine(), source, options_with(2), [&](Result&&) {
      if (++source.delivered < 5) return true;
      source.wait_until_blocked();
      return false;
    });
  });
  BOOST_TEST(!complete);
  BOOST_TEST(source.cancelled());
}

BOOST_AUTO_TEST_CASE(a_sink_that_throws_ends_the_run_with_its_fault_and_every_thread_joined) {
  FakeInputs source(100, 20, 20);
  const bool thrown = finishes([&] {
    try {
      (void)run_pipeline(test::shipped_engine(), source, options_with(2), [&](Result&&) -> bool {
        if (++source.delivered < 5) return true;
        source.wait_until_blocked();
        throw std::runtime_error("disk full");  // on the record and on its error record
      });
    } catch (const std::runtime_error& e) {
      return std::string(e.what()) == "disk full";
    }
    return false;
  });
  BOOST_TEST(thrown);
  BOOST_TEST(source.cancelled());
}

// A stream that gives its next input only once the result of the last one is out (a
// conversation over a pipe): each result is handed over as soon as it is ready, not held back
// for a run of others. Held back, the run would wait for input that never comes (a hang).
BOOST_AUTO_TEST_CASE(a_stream_that_waits_for_each_result_gets_each_result_at_once) {
  class Turns : public Inputs {
   public:
    bool next(Input* out) override {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return cancelled || delivered == read; });
      if (cancelled || read == 200) return false;
      *out = Input{};
      out->id = std::to_string(read++);
      out->bytes = "x";
      return true;
    }
    void cancel() override {
      std::lock_guard lock(mu);
      cancelled = true;
      cv.notify_all();
    }
    std::mutex mu;
    std::condition_variable cv;
    size_t read = 0, delivered = 0;
    bool cancelled = false;
  };
  for (const int threads : {2, 4}) {
    Turns source;
    const bool complete = finishes([&] {
      return run_pipeline(test::shipped_engine(), source, options_with(threads), [&](Result&& r) {
        std::lock_guard lock(source.mu);
        BOOST_TEST_REQUIRE(r.id == std::to_string(source.delivered));
        ++source.delivered;
        source.cv.notify_all();
        return true;
      });
    });
    BOOST_TEST(complete);
    BOOST_TEST(source.delivered == 200u, threads << " threads");
  }
}

BOOST_AUTO_TEST_CASE(a_run_that_reads_to_the_end_does_not_cancel) {
  FakeInputs source(50, 20);
  const bool complete = finishes([&] {
    return run_pipeline(test::shipped_engine(), source, options_with(2), [&](Result&&) {
      ++source.delivered;
      return true;
    });
  });
  BOOST_TEST(complete);
  BOOST_TEST(source.delivered == 50u);
  BOOST_TEST(!source.cancelled());
}

BOOST_AUTO_TEST_SUITE_END()
