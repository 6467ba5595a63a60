// Byte streams the reader pulls from: a file descriptor, bytes already read in front of a
// stream (what content sniffing looked at), and decompressors over another stream (gzip, zstd,
// xz, bzip2). Each holds one block at a time, so a 1 GB .jsonl.gz is read in flat memory.
// A read that may wait for data (standard input, a FIFO) can be ended from another thread
// (ReadCancel).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/expected.h"

namespace jobmatch {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to n > 0 bytes into buf: the count, 0 at the end, or an Error saying why the read
  // failed (the stream is then done; a decompressor read again fails the same way).
  virtual Expected<size_t> read(char* buf, size_t n) = 0;
  // What kind of failure the last failed read was, for the error record (InputError::kind):
  // "io", or "compressed" for data that does not decompress. It stays with the stream, not in
  // the Error, because it is decided by which layer of a stack failed (a decompressor over a
  // file fails as "io" when the file cannot be read), and Error, the project's one error type,
  // has a message and no kinds. Meaningless until a read has failed.
  virtual const char* error_kind() const { return "io"; }
};

// Ends reads from another thread: once cancel() is called, every FdStream watching it fails its
// next read ("reading stopped") instead of waiting for data. cancel() is thread-safe.
class ReadCancel {
 public:
  ReadCancel();
  ~ReadCancel();
  ReadCancel(const ReadCancel&) = delete;
  ReadCancel& operator=(const ReadCancel&) = delete;
  void cancel();
  bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
  int fd() const { return m_pipe[0]; }  // readable once cancelled (-1 if no pipe could be made)

 private:
  int m_pipe[2];
  std::atomic<bool> m_cancelled{false};
};

// read(2) on a descriptor, closed at the end if owned; EINTR is retried. With a ReadCancel
// (for descriptors whose reads may block: standard input, FIFOs), each read first waits in
// poll(2) for data or the cancel.
class FdStream : public ByteStream {
 public:
  explicit FdStream(int fd, bool owned = false, const ReadCancel* cancel = nullptr)
      : m_fd(fd), m_owned(owned), m_cancel(cancel) {}
  ~FdStream() override;
  FdStream(const FdStream&) = delete;
  FdStream& operator=(const FdStream&) = delete;
  Expected<size_t> read(char* buf, size_t n) override;

 private:
  int m_fd;
  bool m_owned;
  const ReadCancel* m_cancel;
};

// The bytes of head, then the rest of a stream.
class PrefixStream : public ByteStream {
 public:
  PrefixStream(std::string head, std::unique_ptr<ByteStream> rest)
      : m_head(std::move(head)), m_rest(std::move(rest)) {}
  Expected<size_t> read(char* buf, size_t n) override;
  const char* error_kind() const override { return m_rest->error_kind(); }

 private:
  std::string m_head;
  size_t m_pos = 0;
  std::unique_ptr<ByteStream> m_rest;
};

enum class Compression { kNone, kGzip, kZstd, kXz, kBzip2 };

// What a stream starting with these bytes is compressed with, by its magic number.
Compression sniff_compression(std::string_view head);
const char* compression_name(Compression c);  // "gzip", "zstd", "xz", "bzip2"

// A stream of the decompressed bytes of `compressed` (several concatenated members or frames
// are read one after another, as zcat does). A corrupt or truncated stream fails with an error
// naming the format. c must not be kNone.
std::unique_ptr<ByteStream> decompress(Compression c, std::unique_ptr<ByteStream> compressed);

// Reads to the end: the bytes, or nullopt if there are more than max_bytes (reading stops
// there); the Error of the read that failed, if one does.
Expected<std::optional<std::string>> read_all(ByteStream& in, size_t max_bytes);

}  // namespace jobmatch
