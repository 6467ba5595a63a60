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

// One input through the analyzer (which never throws) and the worker's step. A fault in that
// step makes the input an error record, rendered in turn: no exception leaves a worker.
Result process(Analyzer& analyzer, const Input& input, const RunOptions& options) {
  Result r = analyzer.analyze(input, options.analyze);
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

bool run_inline(const Engine& engine, InputSource& source, const RunOptions& options,
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

}  // namespace

bool run_pipeline(const Engine& engine, InputSource& source, const RunOptions& options,
                  const std::function<bool(Result&&)>& sink) {
  if (options.threads <= 1) return run_inline(engine, source, options, sink);

  const size_t window = static_cast<size_t>(options.threads) * 64;
  std::mutex mu;
  std::condition_variable cv_work, cv_done, cv_room;
  std::deque<std::pair<size_t, Input>> work;
  std::vector<std::optional<Result>> slots(window);
  size_t produced = 0;        // inputs read so far
  size_t consumed = 0;        // results handed to the sink
  size_t inflight_bytes = 0;  // bytes of inputs read but not yet handed over
  std::vector<size_t> sizes(window, 0);
  bool reading_done = false;
  std::exception_ptr reader_fault;  // set by the reader before reading_done
  bool stop = false;

  std::thread reader([&] {
    Input input;
    std::unique_lock lock(mu);
    for (;;) {
      cv_room.wait(lock, [&] {
        return stop || (produced - consumed < window &&
                        (inflight_bytes < options.max_inflight_bytes || produced == consumed));
      });
      if (stop) break;
      lock.unlock();
      bool more = false;
      try {
        more = source.next(&input);
      } catch (...) {
        // Out of memory while reading (next() never throws for bad input): the inputs read so
        // far are scored and written, then the caller gets it.
        reader_fault = std::current_exception();
      }
      if (more && options.bytes_read) *options.bytes_read += input.bytes.size();
      lock.lock();
      if (!more) break;
      sizes[produced % window] = input.bytes.size();
      inflight_bytes += input.bytes.size();
      work.emplace_back(produced++, std::move(input));
      input = Input{};
      cv_work.notify_one();
    }
    reading_done = true;
    cv_work.notify_all();
    cv_done.notify_all();
  });

  // Each worker hands in its last results and takes new work under one lock, and takes up to
  // 16 inputs at a time while the queue is long (one at a time when it is short, so a slow
  // stream still gets each record out at once): the reader, every worker and the caller share
  // this lock, and every wait on it is a system call.
  std::vector<std::thread> workers;
  const auto threads = static_cast<size_t>(options.threads);
  for (size_t t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      Analyzer analyzer(engine);
      std::vector<std::pair<size_t, Input>> batch;
      std::vector<std::pair<size_t, Result>> done;
      for (;;) {
        {
          std::unique_lock lock(mu);
          bool wake = false;
          for (auto& [i, r] : done) {
            slots[i % window] = std::move(r);
            // Only the result the consumer waits for is worth waking it.
            wake |= i == consumed;
          }
          done.clear();
          if (wake) cv_done.notify_one();
          cv_work.wait(lock, [&] { return stop || !work.empty() || reading_done; });
          if (stop || work.empty()) return;
          const size_t take = std::clamp<size_t>(work.size() / threads, 1, 16);
          for (size_t k = 0; k < take; ++k) {
            batch.push_back(std::move(work.front()));
            work.pop_front();
          }
        }
        for (auto& [i, input] : batch) {
          Result r = process(analyzer, input, options);
          drop(&input);
          done.emplace_back(i, std::move(r));
        }
        batch.clear();
      }
    });

  // Results are taken in order, every ready one at each wake-up, and handed to the sink
  // outside the lock.
  bool ok = true;
  std::exception_ptr fault;
  std::vector<Result> ready;
  for (;;) {
    {
      std::unique_lock lock(mu);
      const auto next_ready = [&] {
        return slots[consumed % window].has_value() || (reading_done && consumed == produced);
      };
      if (options.on_idle && !next_ready()) {
        lock.unlock();
        options.on_idle();
        lock.lock();
      }
      cv_done.wait(lock, next_ready);
      while (slots[consumed % window].has_value()) {
        ready.push_back(std::move(*slots[consumed % window]));
        slots[consumed % window].reset();
        inflight_bytes -= sizes[consumed % window];
        ++consumed;
      }
      // Room for the reader: woken only once a good part of the window is free, so that it
      // reads a run of inputs per wake-up rather than one.
      if (produced - consumed <= window / 2 || inflight_bytes <= options.max_inflight_bytes / 2)
        cv_room.notify_one();
    }
    if (ready.empty()) break;  // all done
    try {
      for (Result& r : ready)
        if (!deliver(sink, std::move(r), options)) {
          ok = false;
          break;
        }
    } catch (...) {
      fault = std::current_exception();  // the threads stop first, then it goes to the caller
      ok = false;
    }
    ready.clear();
    if (!ok) break;
  }
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  cv_work.notify_all();
  cv_room.notify_all();
  for (auto& w : workers) w.join();
  if (ok) {
    reader.join();
  } else {
    reader.detach();  // may be blocked reading stdin; the process is about to end
  }
  if (fault) std::rethrow_exception(fault);
  if (ok && reader_fault) std::rethrow_exception(reader_fault);
  return ok;
}

}  // namespace jobmatch
