#include "run.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace jobmatch {
namespace {

bool run_inline(const Engine& engine, InputSource& source, const RunOptions& options,
                const std::function<bool(Result&&)>& sink) {
  Analyzer analyzer(engine);
  Input input;
  for (;;) {
    if (options.on_idle) options.on_idle();
    if (!source.next(&input)) break;
    if (options.bytes_read) *options.bytes_read += input.bytes.size();
    Result r = analyzer.analyze(input, options.analyze);
    if (options.in_worker) options.in_worker(r);
    if (!sink(std::move(r))) return false;
  }
  return true;
}

}  // namespace

bool run_pipeline(const Engine& engine, InputSource& source, const RunOptions& options,
                  const std::function<bool(Result&&)>& sink) {
  if (options.threads <= 1) return run_inline(engine, source, options, sink);

  const size_t window = static_cast<size_t>(options.threads) * 16;
  std::mutex mu;
  std::condition_variable cv_work, cv_done, cv_room;
  std::deque<std::pair<size_t, Input>> work;
  std::vector<std::optional<Result>> slots(window);
  size_t produced = 0;        // inputs read so far
  size_t consumed = 0;        // results handed to the sink
  size_t inflight_bytes = 0;  // bytes of inputs read but not yet handed over
  std::vector<size_t> sizes(window, 0);
  bool reading_done = false;
  bool stop = false;

  std::thread reader([&] {
    Input input;
    for (;;) {
      {
        std::unique_lock lock(mu);
        cv_room.wait(lock, [&] {
          return stop || (produced - consumed < window &&
                          (inflight_bytes < options.max_inflight_bytes || produced == consumed));
        });
        if (stop) break;
      }
      if (!source.next(&input)) break;
      if (options.bytes_read) *options.bytes_read += input.bytes.size();
      std::lock_guard lock(mu);
      sizes[produced % window] = input.bytes.size();
      inflight_bytes += input.bytes.size();
      work.emplace_back(produced++, std::move(input));
      input = Input{};
      cv_work.notify_one();
    }
    std::lock_guard lock(mu);
    reading_done = true;
    cv_work.notify_all();
    cv_done.notify_all();
  });

  std::vector<std::thread> workers;
  for (int t = 0; t < options.threads; ++t)
    workers.emplace_back([&] {
      Analyzer analyzer(engine);
      for (;;) {
        std::pair<size_t, Input> item;
        {
          std::unique_lock lock(mu);
          cv_work.wait(lock, [&] { return stop || !work.empty() || reading_done; });
          if (stop || work.empty()) return;
          item = std::move(work.front());
          work.pop_front();
        }
        Result r = analyzer.analyze(item.second, options.analyze);
        if (options.in_worker) options.in_worker(r);
        item.second = Input{};
        std::lock_guard lock(mu);
        slots[item.first % window] = std::move(r);
        cv_done.notify_all();
      }
    });

  bool ok = true;
  for (;;) {
    std::optional<Result> next;
    {
      std::unique_lock lock(mu);
      const auto ready = [&] {
        return slots[consumed % window].has_value() || (reading_done && consumed == produced);
      };
      if (options.on_idle && !ready()) {
        lock.unlock();
        options.on_idle();
        lock.lock();
      }
      cv_done.wait(lock, [&] {
        return slots[consumed % window].has_value() || (reading_done && consumed == produced);
      });
      if (!slots[consumed % window].has_value()) break;  // all done
      next = std::move(slots[consumed % window]);
      slots[consumed % window].reset();
      inflight_bytes -= sizes[consumed % window];
      ++consumed;
      cv_room.notify_one();
    }
    if (!sink(std::move(*next))) {
      ok = false;
      break;
    }
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
  return ok;
}

}  // namespace jobmatch
