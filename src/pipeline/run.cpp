#include "pipeline/run.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <utility>

#include <malloc.h>

#include "input/records.h"
#include "report/writer.h"

namespace jobmatch {
namespace {

// What the exception being handled says, as an error record's error: out of memory is kind
// "resource", anything else "internal".
InputError current_fault(const char* where) {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return InputError{"resource", std::string("out of memory ") + where};
  } catch (const std::exception& e) {
    return InputError{"internal", std::string("internal error ") + where + ": " + e.what()};
  } catch (...) {
    return InputError{"internal", std::string("internal error ") + where};
  }
}

Result fault_record(std::string id, InputError error) {
  Result r;
  r.id = std::move(id);
  r.error = std::move(error);
  return r;
}

// One input through the record parser (a JSON record the reader left unparsed), the analyzer
// (which never throws) and the worker's step. A fault in the parser or that step makes the input
// an error record, rendered in turn: no exception leaves a worker.
Result process(Analyzer& analyzer, Input& input, const RunOptions& options) {
  Result r;
  bool parsed = true;
  try {
    parse_record(&input);
  } catch (...) {
    parsed = false;
    r = fault_record(input.id, current_fault("while parsing this record"));
  }
  if (parsed) r = analyzer.analyze(input, options.analyze);
  if (!options.in_worker) return r;
  try {
    options.in_worker(r);
    return r;
  } catch (...) {
    r = fault_record(input.id, current_fault("while rendering this posting's record"));
  }
  try {
    options.in_worker(r);
  } catch (...) {
    // A second fault, on a record this small: the writer gets it unrendered, and says so here.
    r.rendered.clear();
    std::fprintf(stderr, "jobmatch: %s: could not render its error record (%s)\n", display_id(r.id).c_str(),
                 r.error->message.c_str());
  }
  return r;
}

// Hands r to the sink. If the sink throws, the input's error record takes its place; a fault on
// that record too goes to the caller.
bool deliver(const std::function<bool(Result&&)>& sink, Result&& r, const RunOptions& options) {
  std::string id = r.id;
  try {
    return sink(std::move(r));
  } catch (...) {
    Result fault = fault_record(std::move(id), current_fault("while writing this posting's record"));
    if (options.in_worker) options.in_worker(fault);
    return sink(std::move(fault));
  }
}

// Frees an input once its record is made. After one far larger than most, the memory goes back
// to the system too: glibc keeps what is freed in the arena it came from, and a worker's
// arena would stay the size of that posting for the rest of the run.
void drop(Input* input) {
  const bool large = input->bytes.size() > kReleaseAfterBytes;
  {
    // Moved out and destroyed: input = Input{} would keep the buffer of its bytes.
    const Input gone = std::exchange(*input, Input{});
  }
  if (large) malloc_trim(0);
}

bool run_inline(const Engine& engine, Inputs& source, const RunOptions& options,
                const std::function<bool(Result&&)>& sink) {
  Analyzer analyzer(engine);
  Input input;
  for (;;) {
    if (options.on_idle) options.on_idle();
    if (!source.next(&input)) break;
    if (options.bytes_read) *options.bytes_read += input.bytes.size();
    Result r = process(analyzer, input, options);
    drop(&input);
    if (!deliver(sink, std::move(r), options)) return false;
  }
  return true;
}

// The threaded run: its shared state, the reader's, the workers' and the consumer's loops.
// One mutex guards the state; the reader, every worker and the consumer (the calling thread)
// take it, so every wait on it is a system call: that is why work is taken in batches.
class Parallel {
  // The results ready in order that wake the consumer while work is queued: it takes them
  // in runs, not a worker's batch at a time (each wake-up is two context switches).
  static constexpr size_t kWakeRun = 32;

 public:
  Parallel(const Engine& engine, Inputs& source, const RunOptions& options)
      : m_engine(engine),
        m_source(source),
        m_options(options),
        m_threads(static_cast<size_t>(options.threads)),
        m_window(m_threads * kWindowPerThread),
        m_slots(m_window),
        m_sizes(m_window, 0) {}

  // Joins every thread on every way out (return or exception); if reading has not ended, the
  // source is cancelled first, so the reader does not keep waiting for input.
  ~Parallel() {
    bool reading;
    {
      std::lock_guard lock(m_mu);
      m_stop = true;
      reading = !m_reading_done;
    }
    m_cv_work.notify_all();
    m_cv_room.notify_all();
    if (reading) m_source.cancel();
    for (auto& w : m_workers)
      if (w.joinable()) w.join();
    if (m_reader.joinable()) m_reader.join();
  }
  Parallel(const Parallel&) = delete;
  Parallel& operator=(const Parallel&) = delete;

  bool run(const std::function<bool(Result&&)>& sink) {
    m_reader = std::thread([this] { read(); });
    for (size_t t = 0; t < m_threads; ++t) m_workers.emplace_back([this] { work(); });
    const bool ok = consume(sink);
    if (ok) {
      // Reading has ended (every input read was consumed): the reader's fault, if any, is the
      // caller's once the threads are joined.
      m_reader.join();
      if (m_reader_fault) std::rethrow_exception(m_reader_fault);
    }
    return ok;
  }

 private:
  void read() {
    Input input;
    std::unique_lock lock(m_mu);
    for (;;) {
      m_cv_room.wait(lock, [&] {
        return m_stop || (m_produced - m_consumed < m_window &&
                          (m_inflight_bytes < m_options.max_inflight_bytes || m_produced == m_consumed));
      });
      if (m_stop) break;
      lock.unlock();
      bool more = false;
      try {
        more = m_source.next(&input);
      } catch (...) {
        // Out of memory while reading (next() never throws for bad input): the inputs read so
        // far are scored and written, then the caller gets it.
        m_reader_fault = std::current_exception();
      }
      if (more && m_options.bytes_read) *m_options.bytes_read += input.bytes.size();
      lock.lock();
      if (!more || m_stop) break;
      m_sizes[m_produced % m_window] = input.bytes.size();
      m_inflight_bytes += input.bytes.size();
      m_work.emplace_back(m_produced++, std::move(input));
      input = Input{};
      m_cv_work.notify_one();
    }
    m_reading_done = true;
    m_cv_work.notify_all();
    m_cv_done.notify_all();
  }

  // Each worker hands in its last results and takes new work under the lock, up to 16 inputs
  // at a time while the queue is long (one at a time when it is short, so a slow stream still
  // gets each record out at once).
  void work() {
    Analyzer analyzer(m_engine);
    std::vector<std::pair<size_t, Input>> batch;
    std::vector<std::pair<size_t, Result>> done;
    for (;;) {
      {
        std::unique_lock lock(m_mu);
        for (auto& [i, r] : done) m_slots[i % m_window] = std::move(r);
        // The consumer is worth waking once the result it waits for is here, with a run of
        // others after it, or with nothing else coming soon (no work queued: a slow stream gets
        // each record out at once), or when the reader may soon wait for the bytes it holds.
        // (Every hand-in asks again, so a run that grows past kWakeRun, or a queue that
        // empties, wakes it.)
        if (!done.empty() && m_slots[m_consumed % m_window].has_value()) {
          size_t run = 1;
          while (run < kWakeRun && m_slots[(m_consumed + run) % m_window].has_value()) ++run;
          if (run >= kWakeRun || m_work.empty() || m_reading_done ||
              m_inflight_bytes >= m_options.max_inflight_bytes / 2)
            m_cv_done.notify_one();
        }
        done.clear();
        m_cv_work.wait(lock, [&] { return m_stop || !m_work.empty() || m_reading_done; });
        if (m_stop || m_work.empty()) return;
        const size_t take = std::clamp<size_t>(m_work.size() / m_threads, 1, 16);
        for (size_t k = 0; k < take; ++k) {
          batch.push_back(std::move(m_work.front()));
          m_work.pop_front();
        }
      }
      for (auto& [i, input] : batch) {
        Result r = process(analyzer, input, m_options);
        drop(&input);
        done.emplace_back(i, std::move(r));
      }
      batch.clear();
    }
  }

  // Results are taken in order, every ready one at each wake-up, and handed to the sink
  // outside the lock. False if the sink stopped; a fault the sink throws is rethrown (the
  // threads are joined first, by the destructor).
  bool consume(const std::function<bool(Result&&)>& sink) {
    std::vector<Result> ready;
    for (;;) {
      {
        std::unique_lock lock(m_mu);
        const auto next_ready = [&] {
          return m_slots[m_consumed % m_window].has_value() || (m_reading_done && m_consumed == m_produced);
        };
        if (m_options.on_idle && !next_ready()) {
          lock.unlock();
          m_options.on_idle();
          lock.lock();
        }
        m_cv_done.wait(lock, next_ready);
        while (m_slots[m_consumed % m_window].has_value()) {
          ready.push_back(std::move(*m_slots[m_consumed % m_window]));
          m_slots[m_consumed % m_window].reset();
          m_inflight_bytes -= m_sizes[m_consumed % m_window];
          ++m_consumed;
        }
        // Room for the reader: woken only once a good part of the window is free, so that it
        // reads a run of inputs per wake-up rather than one.
        if (m_produced - m_consumed <= m_window / 2 && m_inflight_bytes <= m_options.max_inflight_bytes / 2)
          m_cv_room.notify_one();
      }
      if (ready.empty()) return true;  // all done
      for (Result& r : ready)
        if (!deliver(sink, std::move(r), m_options)) return false;
      ready.clear();
    }
  }

  const Engine& m_engine;
  Inputs& m_source;
  const RunOptions& m_options;
  const size_t m_threads, m_window;

  std::mutex m_mu;
  std::condition_variable m_cv_work, m_cv_done, m_cv_room;
  std::deque<std::pair<size_t, Input>> m_work;
  std::vector<std::optional<Result>> m_slots;  // results by input number modulo the window
  std::vector<size_t> m_sizes;                 // and the bytes of their inputs
  size_t m_produced = 0;        // inputs read so far
  size_t m_consumed = 0;        // results handed to the sink
  size_t m_inflight_bytes = 0;  // bytes of inputs read but not yet handed over
  bool m_reading_done = false;
  std::exception_ptr m_reader_fault;  // set by the reader before m_reading_done
  bool m_stop = false;

  std::thread m_reader;
  std::vector<std::thread> m_workers;
};

}  // namespace

bool run_pipeline(const Engine& engine, Inputs& source, const RunOptions& options,
                  const std::function<bool(Result&&)>& sink) {
  if (options.threads <= 1) return run_inline(engine, source, options, sink);
  Parallel parallel(engine, source, options);
  return parallel.run(sink);
}

}  // namespace jobmatch
