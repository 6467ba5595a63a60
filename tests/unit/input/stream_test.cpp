// Byte streams and decompression: every codec round-trips whatever the read size, concatenated
// members are all read, and a truncated, corrupt or oversized stream fails cleanly.
#include "input/stream.h"

#include <boost/test/unit_test.hpp>

#include <bzlib.h>
#include <fcntl.h>
#include <lzma.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <chrono>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "test_helpers.h"

using jobmatch::ByteStream;
using jobmatch::Compression;
using jobmatch::FdStream;
using jobmatch::PrefixStream;
using jobmatch::decompress;
using jobmatch::sniff_compression;

namespace {

using jobmatch::test::MemStream;


std::string gzip(const std::string& text) {
  z_stream z{};
  BOOST_TEST_REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  BOOST_TEST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zstd(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const size_t n = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  BOOST_TEST_REQUIRE(!ZSTD_isError(n));
  out.resize(n);
  return out;
}

std::string zstd_checked(const std::string& text) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  BOOST_TEST_REQUIRE(cctx != nullptr);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const size_t n = ZSTD_compress2(cctx, out.data(), out.size(), text.data(), text.size());
  ZSTD_freeCCtx(cctx);
  BOOST_TEST_REQUIRE(!ZSTD_isError(n));
  out.resize(n);
  return out;
}

std::string xz(const std::string& text) {
  std::string out(lzma_stream_buffer_bound(text.size()), '\0');
  size_t pos = 0;
  BOOST_TEST_REQUIRE(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr,
                                             reinterpret_cast<const uint8_t*>(text.data()), text.size(),
                                             reinterpret_cast<uint8_t*>(out.data()), &pos, out.size()) == LZMA_OK);
  out.resize(pos);
  return out;
}

std::string bzip2(const std::string& text) {
  unsigned int len = static_cast<unsigned int>(text.size() + text.size() / 100 + 600);
  std::string out(len, '\0');
  BOOST_TEST_REQUIRE(BZ2_bzBuffToBuffCompress(out.data(), &len, const_cast<char*>(text.data()),
                                              static_cast<unsigned int>(text.size()), 9, 0, 0) == BZ_OK);
  out.resize(len);
  return out;
}

std::string compress(Compression c, const std::string& text) {
  switch (c) {
    case Compression::kGzip: return gzip(text);
    case Compression::kZstd: return zstd(text);
    case Compression::kXz: return xz(text);
    case Compression::kBzip2: return bzip2(text);
    case Compression::kNone: break;
  }
  return text;
}

const Compression kCodecs[] = {Compression::kGzip, Compression::kZstd, Compression::kXz, Compression::kBzip2};

// Reads a stream to its end, read_size bytes at a time: the bytes, or "ERROR: message".
std::string drain(ByteStream& s, size_t read_size) {
  std::string out;
  std::vector<char> buf(read_size);
  for (int rounds = 0;; ++rounds) {
    BOOST_TEST_REQUIRE(rounds < 100000000);
    const jobmatch::Expected<size_t> n = s.read(buf.data(), buf.size());
    if (!n.ok()) return "ERROR: " + n.error().message;
    if (*n == 0) return out;
    BOOST_TEST_REQUIRE(*n <= read_size);
    out.append(buf.data(), *n);
  }
}

std::string decompressed(Compression c, const std::string& bytes, size_t read_size, size_t inner_k = SIZE_MAX) {
  auto s = decompress(c, std::make_unique<MemStream>(bytes, inner_k));
  return drain(*s, read_size);
}

// Text that compresses but is not trivial: words, numbers, umlauts, every byte value.
std::string sample_text(size_t approx) {
  std::string t;
  for (size_t i = 0; t.size() < approx; ++i)
    t += "Data Scientist (m/w/d) Nr. " + std::to_string(i * 7919 % 1000) + " – Fähigkeiten: Python, SQL\n";
  for (int b = 0; b < 256; ++b) t += static_cast<char>(b);
  return t;
}

int memfd_with(const std::string& bytes) {
  const int fd = ::memfd_create("jobmatch_stream_test", MFD_CLOEXEC);
  BOOST_TEST_REQUIRE(fd >= 0);
  BOOST_TEST_REQUIRE(::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stream)

BOOST_AUTO_TEST_CASE(sniff_compression_knows_each_magic) {
  BOOST_TEST((sniff_compression(gzip("x")) == Compression::kGzip));
  BOOST_TEST((sniff_compression(zstd("x")) == Compression::kZstd));
  BOOST_TEST((sniff_compression(xz("x")) == Compression::kXz));
  BOOST_TEST((sniff_compression(bzip2("x")) == Compression::kBzip2));
  BOOST_TEST((sniff_compression("\x1f\x8b") == Compression::kGzip));
  BOOST_TEST((sniff_compression("\x1f") == Compression::kNone));
  BOOST_TEST((sniff_compression("\x28\xb5\x2f") == Compression::kNone));
  BOOST_TEST((sniff_compression(std::string_view("\xfd" "7zXZ", 5)) == Compression::kNone));
  BOOST_TEST((sniff_compression("BZh9") == Compression::kBzip2));
  BOOST_TEST((sniff_compression("BZh1rest") == Compression::kBzip2));
  BOOST_TEST((sniff_compression("BZh") == Compression::kNone));
  BOOST_TEST((sniff_compression("BZh0") == Compression::kNone));
  BOOST_TEST((sniff_compression("BZhx and some text") == Compression::kNone));
  BOOST_TEST((sniff_compression("BZ") == Compression::kNone));
  BOOST_TEST((sniff_compression("") == Compression::kNone));
  BOOST_TEST((sniff_compression("plain text") == Compression::kNone));
  BOOST_TEST((sniff_compression(" \x1f\x8b") == Compression::kNone));  // magic only at the start
  BOOST_TEST(std::string(jobmatch::compression_name(Compression::kGzip)) == "gzip");
  BOOST_TEST(std::string(jobmatch::compression_name(Compression::kZstd)) == "zstd");
  BOOST_TEST(std::string(jobmatch::compression_name(Compression::kXz)) == "xz");
  BOOST_TEST(std::string(jobmatch::compression_name(Compression::kBzip2)) == "bzip2");
}

BOOST_AUTO_TEST_CASE(every_codec_round_trips_with_any_read_size) {
  const std::string text = sample_text(20000);
  for (const Compression c : kCodecs) {
    const std::string packed = compress(c, text);
    BOOST_TEST_REQUIRE((sniff_compression(packed) == c));
    for (size_t read_size = 1; read_size <= 7; ++read_size)
      BOOST_TEST(decompressed(c, packed, read_size) == text, jobmatch::compression_name(c) << " read " << read_size);
    BOOST_TEST(decompressed(c, packed, 1u << 20) == text, jobmatch::compression_name(c) << " large reads");
    // The compressed side trickling in a few bytes at a time.
    for (const size_t k : {1u, 3u, 7u})
      BOOST_TEST(decompressed(c, packed, 4096, k) == text, jobmatch::compression_name(c) << " inner " << k);
  }
}

BOOST_AUTO_TEST_CASE(every_codec_round_trips_an_empty_text) {
  for (const Compression c : kCodecs)
    for (const size_t read_size : {1u, 4096u})
      BOOST_TEST(decompressed(c, compress(c, ""), read_size) == "", jobmatch::compression_name(c));
}

BOOST_AUTO_TEST_CASE(decompress_over_a_prefix_stream_on_a_file) {
  // As the reader does it: the head it sniffed, then the rest of the file.
  const std::string text = sample_text(50000);
  for (const Compression c : kCodecs) {
    const std::string packed = compress(c, text);
    for (const size_t split : {size_t{0}, size_t{1}, size_t{5}, packed.size() / 2, packed.size()}) {
      const int fd = memfd_with(packed.substr(split));
      auto s = decompress(c, std::make_unique<PrefixStream>(packed.substr(0, split), std::make_unique<FdStream>(fd, true)));
      for (const size_t read_size : {size_t{3}}) BOOST_TEST(drain(*s, read_size) == text, jobmatch::compression_name(c) << " split " << split);
    }
  }
}

BOOST_AUTO_TEST_CASE(prefix_stream_gives_head_then_rest) {
  PrefixStream s("head|", std::make_unique<MemStream>("rest", 2));
  BOOST_TEST(drain(s, 3) == "head|rest");
  PrefixStream empty_head("", std::make_unique<MemStream>("only rest"));
  BOOST_TEST(drain(empty_head, 100) == "only rest");
  PrefixStream failing("ok", std::make_unique<MemStream>("", SIZE_MAX, true));
  BOOST_TEST(drain(failing, 100) == "ERROR: read failed: test");
  BOOST_TEST(std::string(failing.error_kind()) == "io");
}

BOOST_AUTO_TEST_CASE(concatenated_members_are_all_read) {
  // As zcat does: cat a.gz b.gz gives both texts; the same for zstd frames, xz and bzip2 streams.
  const std::string a = "first member\n", b = sample_text(3000);
  for (const Compression c : kCodecs) {
    const std::string packed = compress(c, a) + compress(c, b);
    for (const size_t read_size : {1u, 5u, 1u << 16})
      BOOST_TEST(decompressed(c, packed, read_size) == a + b, jobmatch::compression_name(c) << " read " << read_size);
    BOOST_TEST(decompressed(c, packed, 4096, 1) == a + b, jobmatch::compression_name(c) << " trickled");
    const std::string three = compress(c, a) + compress(c, "") + compress(c, b);
    BOOST_TEST(decompressed(c, three, 4096) == a + b, jobmatch::compression_name(c) << " with an empty member");
  }
}

BOOST_AUTO_TEST_CASE(an_empty_gzip_member_decompresses_to_nothing) {
  const std::string empty = gzip("");
  BOOST_TEST(decompressed(Compression::kGzip, empty, 1) == "");
  BOOST_TEST(decompressed(Compression::kGzip, empty + empty, 1) == "");
  BOOST_TEST(decompressed(Compression::kGzip, empty + gzip("x"), 1) == "x");
}

BOOST_AUTO_TEST_CASE(truncated_stream_fails_naming_the_codec) {
  const std::string text = sample_text(20000);
  for (const Compression c : kCodecs) {
    const std::string packed = compress(c, text);
    const std::string name = jobmatch::compression_name(c);
    for (const size_t keep : {size_t{2}, packed.size() / 2, packed.size() - 1}) {
      for (const size_t read_size : {1u, 4096u}) {
        auto s = decompress(c, std::make_unique<MemStream>(packed.substr(0, keep)));
        std::vector<char> buf(read_size);
        jobmatch::Expected<size_t> n = size_t{0};
        size_t total = 0;
        while ((n = s->read(buf.data(), buf.size())).ok() && *n > 0) total += *n;
        BOOST_TEST_REQUIRE(!n.ok(), name << " cut at " << keep << " read " << read_size);
        BOOST_TEST(total <= text.size());  // cut in the trailer: all the text, then the failure
        BOOST_TEST(n.error().message.starts_with(name + ": "), n.error().message);
        BOOST_TEST(std::string(s->error_kind()) == "compressed");
        const jobmatch::Expected<size_t> again = s->read(buf.data(), buf.size());  // done: stays failed
        BOOST_TEST_REQUIRE(!again.ok());
        BOOST_TEST(again.error().message == n.error().message);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(corrupt_bytes_fail_naming_the_codec) {
  const std::string text = sample_text(20000);
  for (const Compression c : kCodecs) {
    const std::string name = jobmatch::compression_name(c);
    // With a checksum (zstd leaves it out unless asked), so that any change is noticed.
    std::string packed = c == Compression::kZstd ? zstd_checked(text) : compress(c, text);
    // Flip bytes in the middle of the data (the check or the structure notices).
    for (size_t i = packed.size() / 3; i < packed.size() / 3 + 16; ++i) packed[i] = static_cast<char>(packed[i] ^ 0x5A);
    const std::string got = decompressed(c, packed, 4096);
    BOOST_TEST(got.starts_with("ERROR: " + name + ": "), name << ": " << got.substr(0, 80));
    // Garbage after a good member is not another member.
    const std::string trailing = decompressed(c, compress(c, "ok") + "garbage that is no member", 4096);
    BOOST_TEST(trailing.starts_with("ERROR: " + name + ": "), name << ": " << trailing.substr(0, 80));
    // A header and nothing of worth after it.
    const std::string magic_only = decompressed(c, compress(c, "x").substr(0, 4) + std::string(64, '\xff'), 4096);
    BOOST_TEST(magic_only.starts_with("ERROR: " + name + ": "), name << ": " << magic_only.substr(0, 80));
  }
}

BOOST_AUTO_TEST_CASE(an_inner_read_error_is_passed_on_as_io) {
  for (const Compression c : kCodecs) {
    const std::string packed = compress(c, sample_text(5000));
    auto s = decompress(c, std::make_unique<MemStream>(packed.substr(0, packed.size() / 2), 7, true));
    BOOST_TEST(drain(*s, 4096) == "ERROR: read failed: test");
    BOOST_TEST(std::string(s->error_kind()) == "io");
  }
}

BOOST_AUTO_TEST_CASE(read_all_reads_to_the_end_within_max_bytes) {
  MemStream s("0123456789", 3);
  const auto all = jobmatch::read_all(s, 10);
  BOOST_TEST_REQUIRE(all.ok());
  BOOST_TEST_REQUIRE(all->has_value());
  BOOST_TEST(**all == "0123456789");

  MemStream over("0123456789a", 3);
  const auto too_large = jobmatch::read_all(over, 10);
  BOOST_TEST_REQUIRE(too_large.ok());
  BOOST_TEST(!too_large->has_value());

  MemStream failing("abc", 2, true);
  const auto failed = jobmatch::read_all(failing, 10);
  BOOST_TEST_REQUIRE(!failed.ok());
  BOOST_TEST(failed.error().message == "read failed: test");
}

BOOST_AUTO_TEST_CASE(decompression_bomb_stops_at_max_bytes) {
  // 100 MB of zeros packs into a few hundred KB; reading it with max_bytes 1 MB stops after
  // little more than 1 MB of output, fast and without holding the rest.
  const std::string zeros(100u << 20, '\0');
  for (const Compression c : kCodecs) {
    if (c == Compression::kBzip2) continue;  // bzip2 at this size is slow to make; checked smaller below
    const std::string packed = compress(c, zeros);
    BOOST_TEST(packed.size() < (1u << 20));
    const auto start = std::chrono::steady_clock::now();
    auto s = decompress(c, std::make_unique<MemStream>(packed));
    const auto all = jobmatch::read_all(*s, 1u << 20);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST_REQUIRE(all.ok(), jobmatch::compression_name(c));
    BOOST_TEST(!all->has_value(), jobmatch::compression_name(c));
    BOOST_TEST(seconds < 2.0, jobmatch::compression_name(c) << " took " << seconds << " s");
  }
  const std::string packed = bzip2(std::string(8u << 20, '\0'));
  auto s = decompress(Compression::kBzip2, std::make_unique<MemStream>(packed));
  const auto all = jobmatch::read_all(*s, 1u << 20);
  BOOST_TEST_REQUIRE(all.ok());
  BOOST_TEST(!all->has_value());
}

BOOST_AUTO_TEST_CASE(fd_stream_reads_a_file_and_reports_errors) {
  const int fd = memfd_with("file bytes");
  FdStream s(fd, true);
  BOOST_TEST(drain(s, 4) == "file bytes");
  const int dir = ::open(".", O_RDONLY | O_DIRECTORY);
  BOOST_TEST_REQUIRE(dir >= 0);
  FdStream d(dir, true);
  char buf[8];
  const jobmatch::Expected<size_t> failed = d.read(buf, sizeof buf);
  BOOST_TEST_REQUIRE(!failed.ok());
  BOOST_TEST(failed.error().message == std::string("read failed: ") + std::strerror(EISDIR));
  BOOST_TEST(std::string(d.error_kind()) == "io");
}

BOOST_AUTO_TEST_SUITE_END()
