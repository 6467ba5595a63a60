// Runs inputs through the pipeline on N threads and hands the results over in input order.
//
// One reader thread reads inputs; workers analyze them; the caller's sink receives results
// strictly in input order, on the calling thread. At most kWindowPerThread inputs per thread,
// and about `max_inflight_bytes` of them, are in flight at once, so memory stays flat however
// long the input is, and a result is handed over as soon as it and all before it are done
// (streaming). Every thread is joined before run_pipeline returns or throws: on an early stop
// the source is cancelled (Inputs::cancel), so a reader waiting on standard input returns.
// A fault inside one input (in the analyzer, while its record is rendered by a worker or written
// by the sink) becomes that input's error record, and the run goes on; only a fault outside
// any input (reading, or a second fault on an error record) reaches the caller, once the
// workers have stopped.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "pipeline/analyze.h"
#include "lexicon/engine.h"
#include "input/input.h"
#include "pipeline/result.h"

namespace jobmatch {

// The window of inputs in flight is this many per thread (read, not yet handed to the sink).
constexpr size_t kWindowPerThread = 64;

struct RunOptions {
  int threads = 1;
  // Runs on the worker right after a document is analyzed (e.g. rendering its record), so that
  // work is spread over the threads too. Must be thread-safe.
  std::function<void(Result&)> in_worker;
  AnalyzeOptions analyze;
  size_t max_inflight_bytes = 64u << 20;
  // Runs on the caller's thread whenever the next result in order is not ready yet (the caller
  // is about to wait, e.g. for standard input): the place to flush buffered output, so a
  // record reaches a pipe as soon as it is done instead of when a buffer fills. With one
  // thread, before each input is read.
  std::function<void()> on_idle;
  // If set, incremented by the bytes of every input read (for progress: MB/s).
  std::atomic<uint64_t>* bytes_read = nullptr;
};

// sink returns false to stop early (a closed pipe); run then returns false too, having read no
// more than the window past the last result.
bool run_pipeline(const Engine& engine, Inputs& source, const RunOptions& options,
                  const std::function<bool(Result&&)>& sink);

}  // namespace jobmatch
