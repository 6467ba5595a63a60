// Compressed streams and content sniffing on arbitrary bytes. The first byte picks the read
// sizes, the rest is the stream: if it starts with a compression magic it is decompressed (to at
// most 1 MiB) twice, with large reads through read_all and with tiny reads, and both must agree;
// never a crash, a hang or unbounded output. The bytes are also sniffed as content and as a
// JSON text field.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "input/sniff.h"
#include "input/stream.h"

using namespace jobmatch;

namespace {

// Bytes in memory handed out at most k at a time.
class MemStream : public ByteStream {
 public:
  MemStream(std::string_view bytes, size_t k) : m_bytes(bytes), m_k(k) {}
  Expected<size_t> read(char* buf, size_t n) override {
    FUZZ_CHECK(n > 0);
    const size_t take = std::min({n, m_k, m_bytes.size() - m_pos});
    std::memcpy(buf, m_bytes.data() + m_pos, take);
    m_pos += take;
    return take;
  }

 private:
  std::string_view m_bytes;
  size_t m_pos = 0, m_k;
};

constexpr size_t kMax = 1u << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  if (size == 0) return 0;
  const size_t inner = 1 + (data[0] & 0x0F) * 97u;  // compressed bytes per read: 1 .. 1456
  const size_t outer = 1 + (data[0] >> 4);          // decompressed bytes per read: 1 .. 16
  const std::string_view bytes = fuzz::as_view(data + 1, size - 1);

  const Compression c = sniff_compression(bytes);
  if (c != Compression::kNone) {
    FUZZ_CHECK(std::string(compression_name(c)) != "none");
    // Large reads, through read_all.
    auto big = decompress(c, std::make_unique<MemStream>(bytes, inner));
    const Expected<std::optional<std::string>> all = read_all(*big, kMax);
    if (all.ok() && *all) FUZZ_CHECK((*all)->size() <= kMax);
    if (!all.ok()) {
      FUZZ_CHECK(all.error().message.starts_with(std::string(compression_name(c)) + ": "));
      FUZZ_CHECK(std::string(big->error_kind()) == "compressed");
    }
    // Tiny reads: the same bytes, as far as they go.
    auto small = decompress(c, std::make_unique<MemStream>(bytes, inner));
    std::string got;
    char buf[16];
    Expected<size_t> n = size_t{0};
    while (got.size() <= kMax && (n = small->read(buf, outer)).ok() && *n > 0) {
      FUZZ_CHECK(*n <= outer);
      got.append(buf, *n);
    }
    const bool ok = all.ok() && all->has_value(), too_large = all.ok() && !all->has_value();
    const bool ended = n.ok() && *n == 0;
    if (ok) FUZZ_CHECK(ended && got == **all);
    // Where read_all fails, the tiny reads fail too, though not necessarily at the same byte: a
    // codec that fails drops the output of the call that failed.
    // The codec's own message may differ (zstd calls a corrupt block "Destination buffer is too
    // small" when the output comes in tiny pieces).
    if (!ok && !too_large && got.size() <= kMax) {
      FUZZ_CHECK(!n.ok() && n.error().message.starts_with(std::string(compression_name(c)) + ": "));
      FUZZ_CHECK(std::string(small->error_kind()) == "compressed");
    }
    if (too_large) FUZZ_CHECK(got.size() > kMax || !n.ok());
    if (!n.ok() || ended) {  // the end, or the failure, stays
      const Expected<size_t> again = small->read(buf, sizeof buf);
      FUZZ_CHECK(again.ok() == n.ok());
      FUZZ_CHECK(again.ok() ? *again == 0 : again.error().message == n.error().message);
    }
  }

  // Content sniffing never fails; the extension only breaks ties.
  for (const char* ext : {"", "md", "json", "txt", "html"}) {
    const Content k = sniff_content(bytes, ext);
    FUZZ_CHECK(std::strlen(content_name(k)) > 0);
  }
  (void)sniff_ready(bytes, false);
  FUZZ_CHECK(sniff_ready(bytes, true));
  (void)text_is_html(bytes);
  const std::string ext = extension_of(bytes, true);
  FUZZ_CHECK(ext.size() <= bytes.size());
  FUZZ_CHECK(ext.find('/') == std::string::npos);
  return 0;
}
