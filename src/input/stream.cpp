#include "input/stream.h"

#include <bzlib.h>
#include <lzma.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

namespace jobmatch {

FdStream::~FdStream() {
  if (m_owned) ::close(m_fd);
}

ReadCancel::ReadCancel() {
  if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0) m_pipe[0] = m_pipe[1] = -1;
}

ReadCancel::~ReadCancel() {
  for (const int fd : m_pipe)
    if (fd >= 0) ::close(fd);
}

void ReadCancel::cancel() {
  if (m_cancelled.exchange(true)) return;
  if (m_pipe[1] >= 0) {
    const char c = 0;
    [[maybe_unused]] const ssize_t n = ::write(m_pipe[1], &c, 1);
  }
}

Expected<size_t> FdStream::read(char* buf, size_t n) {
  if (m_cancel) {
    // Waits for data or the cancel, whichever comes first; without the pipe (pipe2 failed),
    // the flag is still seen before each read.
    pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_cancel->fd(), POLLIN, 0}};
    while (!m_cancel->cancelled() && m_cancel->fd() >= 0 && ::poll(fds, 2, -1) < 0 && errno == EINTR) {
    }
    if (m_cancel->cancelled()) return Error("reading stopped");
  }
  for (;;) {
    const ssize_t got = ::read(m_fd, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return Error(std::string("read failed: ") + std::strerror(errno));
  }
}

Expected<size_t> PrefixStream::read(char* buf, size_t n) {
  if (m_pos < m_head.size()) {
    const size_t take = std::min(n, m_head.size() - m_pos);
    std::memcpy(buf, m_head.data() + m_pos, take);
    m_pos += take;
    if (m_pos == m_head.size()) std::string().swap(m_head), m_pos = SIZE_MAX;
    return take;
  }
  return m_rest->read(buf, n);
}

Compression sniff_compression(std::string_view h) {
  const auto starts = [&](std::string_view magic) { return h.substr(0, magic.size()) == magic; };
  if (starts("\x1f\x8b")) return Compression::kGzip;
  if (starts("\x28\xb5\x2f\xfd")) return Compression::kZstd;
  if (starts(std::string_view("\xfd" "7zXZ\0", 6))) return Compression::kXz;
  if (h.size() >= 4 && starts("BZh") && h[3] >= '1' && h[3] <= '9') return Compression::kBzip2;
  return Compression::kNone;
}

const char* compression_name(Compression c) {
  switch (c) {
    case Compression::kGzip: return "gzip";
    case Compression::kZstd: return "zstd";
    case Compression::kXz: return "xz";
    case Compression::kBzip2: return "bzip2";
    case Compression::kNone: break;
  }
  return "none";
}

namespace {

// The shared loop of the decompressors: refill the input block from the inner stream, let the
// codec turn input into output, until some output is there or the stream has ended. A codec
// reports through step(): bytes written, whether its stream ended, or an error message.
class Decompressor : public ByteStream {
 public:
  Decompressor(Compression c, std::unique_ptr<ByteStream> in)
      : m_name(compression_name(c)), m_in(std::move(in)), m_buf(1u << 16) {}

  Expected<size_t> read(char* buf, size_t n) override {
    if (m_failed) return *m_failed;
    for (;;) {
      if (m_avail == 0 && !m_eof) {
        const Expected<size_t> got = m_in->read(m_buf.data(), m_buf.size());
        if (!got.ok()) {
          m_inner_failed = true;
          m_failed = got.error();
          return got;
        }
        m_next = m_buf.data();
        m_avail = *got;
        m_eof = *got == 0;
      }
      if (m_ended) {
        // The end of one member or frame: another may follow (as `cat a.gz b.gz` makes).
        if (m_avail == 0 && m_eof) return 0;
        if (m_avail == 0) continue;
        if (!restart()) return fail("cannot start the next member");
        m_ended = false;
      }
      size_t written = 0;
      const Expected<Step> s = step(buf, n, &written);
      if (!s.ok()) return fail(s.error().message);
      if (*s == Step::kEnd) m_ended = true;
      if (written > 0) return written;
      if (*s == Step::kMore && m_avail == 0 && m_eof) return fail("truncated (the file ends inside the stream)");
    }
  }
  const char* error_kind() const override { return m_inner_failed ? m_in->error_kind() : "compressed"; }

 protected:
  enum class Step { kMore, kEnd };
  // Decompresses from (m_next, m_avail), advancing them, into buf[0..n): *written bytes; an
  // Error if the data is corrupt.
  virtual Expected<Step> step(char* buf, size_t n, size_t* written) = 0;
  virtual bool restart() = 0;

  const char* m_next = nullptr;
  size_t m_avail = 0;

 private:
  Error fail(const std::string& why) {
    m_failed = Error(std::string(m_name) + ": " + why);
    return *m_failed;
  }

  const char* m_name;
  std::unique_ptr<ByteStream> m_in;
  std::vector<char> m_buf;
  bool m_eof = false, m_ended = false, m_inner_failed = false;
  std::optional<Error> m_failed;  // once set, every read returns it
};

class GzipStream : public Decompressor {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> in) : Decompressor(Compression::kGzip, std::move(in)) {
    m_ok = inflateInit2(&m_z, 15 + 16) == Z_OK;
  }
  ~GzipStream() override { inflateEnd(&m_z); }

 private:
  Expected<Step> step(char* buf, size_t n, size_t* written) override {
    if (!m_ok) return Error("cannot initialise zlib");
    m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(m_next));
    m_z.avail_in = static_cast<uInt>(m_avail);
    m_z.next_out = reinterpret_cast<Bytef*>(buf);
    m_z.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt out_before = m_z.avail_out;
    const int rc = inflate(&m_z, Z_NO_FLUSH);
    m_next = reinterpret_cast<const char*>(m_z.next_in);
    m_avail = m_z.avail_in;
    *written = out_before - m_z.avail_out;
    if (rc == Z_STREAM_END) return Step::kEnd;
    if (rc == Z_OK || rc == Z_BUF_ERROR) return Step::kMore;
    return Error(m_z.msg ? m_z.msg : "corrupt data");
  }
  bool restart() override { return inflateReset(&m_z) == Z_OK; }

  z_stream m_z{};
  bool m_ok = false;
};

class ZstdStream : public Decompressor {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> in)
      : Decompressor(Compression::kZstd, std::move(in)), m_z(ZSTD_createDStream()) {
    // A frame may ask for a window of up to 2^27 bytes (zstd's default limit): memory stays
    // bounded whatever the file says.
    if (m_z) ZSTD_DCtx_setParameter(m_z, ZSTD_d_windowLogMax, 27);
  }
  ~ZstdStream() override { ZSTD_freeDStream(m_z); }

 private:
  Expected<Step> step(char* buf, size_t n, size_t* written) override {
    if (!m_z) return Error("cannot initialise zstd");
    ZSTD_inBuffer in{m_next, m_avail, 0};
    ZSTD_outBuffer out{buf, n, 0};
    const size_t rc = ZSTD_decompressStream(m_z, &out, &in);
    m_next += in.pos;
    m_avail -= in.pos;
    *written = out.pos;
    if (ZSTD_isError(rc)) return Error(ZSTD_getErrorName(rc));
    return rc == 0 ? Step::kEnd : Step::kMore;
  }
  bool restart() override { return true; }  // ZSTD_decompressStream starts the next frame itself

  ZSTD_DStream* m_z;
};

class XzStream : public Decompressor {
 public:
  explicit XzStream(std::unique_ptr<ByteStream> in) : Decompressor(Compression::kXz, std::move(in)) {
    // LZMA_CONCATENATED reads every .xz stream in the file; the memory limit keeps a hostile
    // header from asking for gigabytes.
    m_ok = lzma_stream_decoder(&m_z, 256u << 20, LZMA_CONCATENATED) == LZMA_OK;
  }
  ~XzStream() override { lzma_end(&m_z); }

 private:
  Expected<Step> step(char* buf, size_t n, size_t* written) override {
    if (!m_ok) return Error("cannot initialise liblzma");
    m_z.next_in = reinterpret_cast<const uint8_t*>(m_next);
    m_z.avail_in = m_avail;
    m_z.next_out = reinterpret_cast<uint8_t*>(buf);
    m_z.avail_out = n;
    // At the end of the input, LZMA_FINISH lets the decoder say whether the stream is complete.
    const lzma_ret rc = lzma_code(&m_z, m_avail == 0 ? LZMA_FINISH : LZMA_RUN);
    m_next = reinterpret_cast<const char*>(m_z.next_in);
    m_avail = m_z.avail_in;
    *written = n - m_z.avail_out;
    if (rc == LZMA_STREAM_END) return Step::kEnd;
    if (rc == LZMA_OK || rc == LZMA_BUF_ERROR) return Step::kMore;
    return Error(rc == LZMA_MEMLIMIT_ERROR ? "needs more than 256 MiB to decompress"
                 : rc == LZMA_DATA_ERROR   ? "corrupt data"
                                           : "cannot decompress (liblzma error " + std::to_string(rc) + ")");
  }
  bool restart() override { return false; }  // LZMA_CONCATENATED: the end is the end

  lzma_stream m_z = LZMA_STREAM_INIT;
  bool m_ok = false;
};

class Bzip2Stream : public Decompressor {
 public:
  explicit Bzip2Stream(std::unique_ptr<ByteStream> in) : Decompressor(Compression::kBzip2, std::move(in)) {
    m_ok = BZ2_bzDecompressInit(&m_z, 0, 0) == BZ_OK;
  }
  ~Bzip2Stream() override {
    if (m_ok) BZ2_bzDecompressEnd(&m_z);
  }

 private:
  Expected<Step> step(char* buf, size_t n, size_t* written) override {
    if (!m_ok) return Error("cannot initialise libbz2");
    m_z.next_in = const_cast<char*>(m_next);
    m_z.avail_in = static_cast<unsigned>(m_avail);
    m_z.next_out = buf;
    m_z.avail_out = static_cast<unsigned>(std::min<size_t>(n, 1u << 30));
    const unsigned out_before = m_z.avail_out;
    const int rc = BZ2_bzDecompress(&m_z);
    m_next = m_z.next_in;
    m_avail = m_z.avail_in;
    *written = out_before - m_z.avail_out;
    if (rc == BZ_STREAM_END) return Step::kEnd;
    if (rc == BZ_OK) return Step::kMore;
    return Error("corrupt data (libbz2 error " + std::to_string(rc) + ")");
  }
  bool restart() override {
    BZ2_bzDecompressEnd(&m_z);
    m_z = bz_stream{};
    m_ok = BZ2_bzDecompressInit(&m_z, 0, 0) == BZ_OK;
    return m_ok;
  }

  bz_stream m_z{};
  bool m_ok = false;
};

}  // namespace

std::unique_ptr<ByteStream> decompress(Compression c, std::unique_ptr<ByteStream> compressed) {
  switch (c) {
    case Compression::kGzip: return std::make_unique<GzipStream>(std::move(compressed));
    case Compression::kZstd: return std::make_unique<ZstdStream>(std::move(compressed));
    case Compression::kXz: return std::make_unique<XzStream>(std::move(compressed));
    case Compression::kBzip2: return std::make_unique<Bzip2Stream>(std::move(compressed));
    case Compression::kNone: break;
  }
  return compressed;
}

Expected<std::optional<std::string>> read_all(ByteStream& in, size_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  for (;;) {
    const Expected<size_t> n = in.read(buf, sizeof buf);
    if (!n.ok()) return n.error();
    if (*n == 0) return std::optional<std::string>(std::move(out));
    if (out.size() + *n > max_bytes) return std::optional<std::string>();
    out.append(buf, *n);
  }
}

}  // namespace jobmatch
