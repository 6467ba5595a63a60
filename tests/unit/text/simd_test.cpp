// The byte-class scanners of text/simd.h: simd::f (SSE2 where it is built in) gives what the
// plain loop simd::scalar::f gives, on buffers of every length from 0 to 80 bytes, with the
// sought byte at every position, from unaligned starts. (In a build without SIMD the two are the
// same function and the checks against hand-written expectations are what can fail.)
#include "text/simd.h"

#include <array>
#include <cstring>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_helpers.h"

namespace simd = jobmatch::simd;
using jobmatch::test::show_bytes;

namespace {

constexpr size_t kMaxLength = 80;
constexpr size_t kAlign = 16;

// Bytes that sit at the edges of the classes the scanners test (signed and unsigned).
const std::vector<unsigned char> kEdgeBytes = {0x00, 0x01, ' ',  '\'', '(',  ')',  '*',  '-',  '.',  '/', '0',
                                               '9',  ':',  '@',  'A',  'H',  'I',  'J',  'Z',  '[',  '_', '`',
                                               'a',  'z',  '{',  0x7E, 0x7F, 0x80, 0xA0, 0xC3, 0xDF, 0xFF};

// Calls f(s) for every buffer of length 0..80 made of `filler` bytes with `b` at every position
// (and none), at every alignment 0..15 of its first byte.
template <typename F>
void each_buffer(std::string_view filler, unsigned char b, F&& f) {
  std::string storage(kAlign + kMaxLength + 1, '\0');
  for (size_t len = 0; len <= kMaxLength; ++len)
    for (size_t pos = 0; pos <= len; ++pos)
      for (const size_t align : {0, 1, 7, 15}) {
        char* p = storage.data() + align;
        for (size_t k = 0; k < len; ++k) p[k] = filler[(k * 7 + len) % filler.size()];
        if (pos < len) p[pos] = static_cast<char>(b);
        f(std::string_view(p, len));
      }
}

// Random buffers with bytes drawn mostly from `common`, for what the edge cases leave out.
template <typename F>
void each_random_buffer(std::string_view common, uint32_t seed, F&& f) {
  jobmatch::test::Generator gen(seed);
  std::string storage(kAlign + kMaxLength, '\0');
  for (int round = 0; round < 20000; ++round) {
    const size_t len = gen.rnd() % (kMaxLength + 1), align = gen.rnd() % kAlign;
    char* p = storage.data() + align;
    for (size_t k = 0; k < len; ++k)
      p[k] = gen.rnd() % 8 ? common[gen.rnd() % common.size()] : static_cast<char>(gen.rnd() & 0xFF);
    f(std::string_view(p, len));
  }
}

// Holds scan(s, from) to reference(s, from) for starts on either side of the sixteen-byte
// blocks. (A failure stops the test: one Boost assertion per comparison would be most of its
// time.)
template <typename Scan, typename Reference>
void check_starts(std::string_view s, Scan scan, Reference reference) {
  for (const size_t from : {0, 1, 2, 3, 7, 15, 16, 17, 31, 33}) {
    if (from > s.size()) break;
    if (scan(s, from) != reference(s, from)) BOOST_FAIL("differs from " << from << " in \"" << show_bytes(s) << "\"");
  }
}

// The offsets a for_each_* scanner reports, without an allocation per scan.
struct Hits {
  std::array<size_t, kAlign + kMaxLength + 1> at{};
  size_t n = 0;
  void add(size_t p) { at[n++] = p; }
  bool operator==(const Hits&) const = default;
};

const std::string kAlnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

}  // namespace

BOOST_AUTO_TEST_SUITE(simd_scanners)

BOOST_AUTO_TEST_CASE(the_scalar_versions_find_what_they_say) {
  // The definitions themselves, by hand (the SIMD versions are held to them below).
  BOOST_TEST(simd::scalar::skip_ascii("abc\xC3\xA4", 0) == 3u);
  BOOST_TEST(simd::scalar::skip_ascii("abc", 1) == 3u);
  BOOST_TEST(simd::scalar::skip_ascii_alnum("ab9Z-x", 0) == 4u);
  BOOST_TEST(simd::scalar::skip_ascii_alnum("ab9Z@", 0) == 4u);
  BOOST_TEST(simd::scalar::skip_ascii_alnum("ab[", 0) == 2u);
  BOOST_TEST(simd::scalar::skip_ascii_alnum("a\xC3\xA4", 0) == 1u);
  BOOST_TEST(simd::scalar::skip_plain_ascii("abc(d", 0, false) == 3u);
  BOOST_TEST(simd::scalar::skip_plain_ascii("abcId", 0, false) == 3u);      // "In" after a letter
  BOOST_TEST(simd::scalar::skip_plain_ascii("ab IT x", 0, false) == 7u);    // "I" after a space
  BOOST_TEST(simd::scalar::skip_plain_ascii("IT x", 0, false) == 4u);
  BOOST_TEST(simd::scalar::skip_plain_ascii("IT x", 0, true) == 0u);        // after a letter before i
  BOOST_TEST(simd::scalar::skip_plain_ascii("**Aufgaben:** x", 0, false) == 10u);
  BOOST_TEST(simd::scalar::skip_plain_ascii("a *b _c 1:2 x", 0, false) == 13u);
  BOOST_TEST(simd::scalar::skip_plain_ascii("Team*innen", 0, false) == 4u);
  BOOST_TEST(simd::scalar::skip_plain_ascii("ab/c", 0, false) == 1u);       // a letter before a slash
  BOOST_TEST(simd::scalar::skip_plain_ascii("a1/c", 0, false) == 4u);       // a digit before one
  BOOST_TEST(simd::scalar::skip_plain_ascii("ae\xCC\x88", 0, false) == 1u);  // before a combining mark
  std::string upper = "ABC xyz [@`{ Z\xC3\x84";
  simd::scalar::lower_ascii(upper.data(), upper.size());
  BOOST_TEST(upper == "abc xyz [@`{ z\xC3\x84");
  std::vector<size_t> at;
  simd::scalar::for_each_of<' ', '-'>("a b-c  ", 0, [&](size_t p) { at.push_back(p); });
  BOOST_TEST(at == (std::vector<size_t>{1, 3, 5, 6}));
  at.clear();
  const std::array<char, 2> pairs[] = {{'a', 'b'}, {'b', 'a'}};
  simd::scalar::for_each_pair("abab xab", 0, pairs, [&](size_t p) {
    at.push_back(p);
    return p >= 2;
  });
  BOOST_TEST(at == (std::vector<size_t>{0, 1, 2}));
}

BOOST_AUTO_TEST_CASE(skip_ascii_agrees_with_the_scalar_loop) {
  for (int b = 0x80; b <= 0xFF; b += 0x13)
    each_buffer("plain ASCII text, 123!", static_cast<unsigned char>(b), [](std::string_view s) {
      check_starts(s, [](auto v, size_t i) { return simd::skip_ascii(v, i); },
                   [](auto v, size_t i) { return simd::scalar::skip_ascii(v, i); });
    });
  each_random_buffer("abc xyz", 1, [](std::string_view s) {
    check_starts(s, [](auto v, size_t i) { return simd::skip_ascii(v, i); },
                 [](auto v, size_t i) { return simd::scalar::skip_ascii(v, i); });
  });
}

BOOST_AUTO_TEST_CASE(skip_ascii_alnum_agrees_with_the_scalar_loop) {
  for (const unsigned char b : kEdgeBytes)
    each_buffer(kAlnum, b, [](std::string_view s) {
      check_starts(s, [](auto v, size_t i) { return simd::skip_ascii_alnum(v, i); },
                   [](auto v, size_t i) { return simd::scalar::skip_ascii_alnum(v, i); });
    });
  // Every byte value in every position of a 32-byte run.
  for (int b = 0; b < 256; ++b)
    for (size_t pos = 0; pos < 32; ++pos) {
      std::string s(32, 'q');
      s[pos] = static_cast<char>(b);
      if (simd::skip_ascii_alnum(s, 0) != simd::scalar::skip_ascii_alnum(s, 0)) BOOST_FAIL("byte " << b << " at " << pos);
    }
  each_random_buffer(kAlnum, 2, [](std::string_view s) {
    check_starts(s, [](auto v, size_t i) { return simd::skip_ascii_alnum(v, i); },
                 [](auto v, size_t i) { return simd::scalar::skip_ascii_alnum(v, i); });
  });
}

BOOST_AUTO_TEST_CASE(skip_plain_ascii_agrees_with_the_scalar_loop) {
  for (const bool after_letter : {false, true}) {
    const auto scan = [&](std::string_view v, size_t i) { return simd::skip_plain_ascii(v, i, after_letter); };
    const auto reference = [&](std::string_view v, size_t i) {
      return simd::scalar::skip_plain_ascii(v, i, after_letter);
    };
    for (const unsigned char b : kEdgeBytes)
      each_buffer("plain text, 1 2 3 Ab", b, [&](std::string_view s) { check_starts(s, scan, reference); });
    // The byte before a slash, or before a byte from 0x80.
    for (const unsigned char b : std::vector<unsigned char>{'a', 'Z', '1', '@', '[', 0x80}) {
      each_buffer("////", b, [&](std::string_view s) { check_starts(s, scan, reference); });
      each_buffer("x\xCC", b, [&](std::string_view s) { check_starts(s, scan, reference); });
    }
    for (int b = 0; b < 256; ++b)
      for (size_t pos = 0; pos < 34; ++pos)
        for (const char next : {'x', '/', '\x80'}) {
          std::string s(34, 'q');
          s[pos] = static_cast<char>(b);
          if (pos + 1 < s.size()) s[pos + 1] = next;
          if (scan(s, 0) != reference(s, 0)) BOOST_FAIL("byte " << b << " at " << pos << " before " << int(next));
        }
    // Each byte after each byte, at every place of a block and across blocks.
    for (int a = 0; a < 256; a += a < 0x80 ? 1 : 31)
      for (const char b : {'I', ':', '*', '_', '/', '(', 'x'})
        for (size_t pos = 0; pos < 34; ++pos) {
          std::string s(35, ' ');
          s[pos] = static_cast<char>(a);
          s[pos + 1] = b;
          if (scan(s, 0) != reference(s, 0)) BOOST_FAIL("byte " << a << " before " << b << " at " << pos);
        }
    each_random_buffer("abc xyz/(I:*_", 3, [&](std::string_view s) { check_starts(s, scan, reference); });
  }
}

BOOST_AUTO_TEST_CASE(lower_ascii_agrees_with_the_scalar_loop) {
  std::string storage(kAlign + 256, '\0');
  for (size_t len = 0; len <= 256; len += len < kMaxLength ? 1 : 16)
    for (size_t align = 0; align < kAlign; ++align) {
      std::string a(len, '\0');
      for (size_t k = 0; k < len; ++k) a[k] = static_cast<char>((k * 37 + len + align) & 0xFF);  // every byte value
      std::string b = a;
      std::fill(storage.begin(), storage.end(), 'Q');
      simd::lower_ascii(storage.data() + align, 0);  // nothing to do
      std::memcpy(storage.data() + align, a.data(), len);
      simd::lower_ascii(storage.data() + align, len);
      simd::scalar::lower_ascii(b.data(), len);
      if (std::string_view(storage.data() + align, len) != b) BOOST_FAIL("lowering \"" << show_bytes(a) << "\"");
      // Not a byte around them is touched.
      if (std::count(storage.begin(), storage.end(), 'Q') != static_cast<ptrdiff_t>(storage.size() - len))
        BOOST_FAIL("lowering " << len << " bytes at " << align << " wrote outside them");
    }
}

BOOST_AUTO_TEST_CASE(for_each_of_agrees_with_the_scalar_loop) {
  const auto positions = [](std::string_view s, size_t from, bool scalar) {
    Hits at;
    if (scalar)
      simd::scalar::for_each_of<' ', '/', '.', '\'', '-'>(s, from, [&](size_t p) { at.add(p); });
    else
      simd::for_each_of<' ', '/', '.', '\'', '-'>(s, from, [&](size_t p) { at.add(p); });
    return at;
  };
  const auto check = [&](std::string_view s) {
    check_starts(s, [&](auto v, size_t i) { return positions(v, i, false); },
                 [&](auto v, size_t i) { return positions(v, i, true); });
  };
  for (const unsigned char b : std::vector<unsigned char>{' ', '/', '.', '\'', '-', ',', 'a', 0x80, 0xFF}) {
    each_buffer(kAlnum, b, check);
    each_buffer("ab-c d", b, check);
  }
  each_random_buffer("ab -./'", 4, check);
}

BOOST_AUTO_TEST_CASE(for_each_pair_agrees_with_the_scalar_loop) {
  const std::vector<std::array<char, 2>> pairs = {{'q', 'u'}, {'x', ' '}, {' ', 'z'}, {'\xC3', '\xA4'}, {'u', 'u'}};
  // Up to `stop` positions: f returns true at the stop-th, which ends the scan.
  const auto positions = [&](std::string_view s, size_t from, size_t stop, bool scalar) {
    Hits at;
    const auto f = [&](size_t p) {
      at.add(p);
      return at.n == stop;
    };
    if (scalar)
      simd::scalar::for_each_pair(s, from, pairs, f);
    else
      simd::for_each_pair(s, from, pairs, f);
    return at;
  };
  const auto check = [&](std::string_view s) {
    for (const size_t stop : {size_t{2}, size_t{1000}})
      check_starts(s, [&](auto v, size_t i) { return positions(v, i, stop, false); },
                   [&](auto v, size_t i) { return positions(v, i, stop, true); });
  };
  for (const unsigned char b : std::vector<unsigned char>{'q', 'u', 'x', ' ', 'z', 0xC3, 0xA4})
    each_buffer("uaz q", b, check);
  each_random_buffer("quxz \xC3\xA4", 5, check);
}

BOOST_AUTO_TEST_CASE(find_of_and_after_last_of_agree_with_the_scalar_loops) {
  // Ranges [from, end) of the buffer from starts on either side of sixteen bytes, to every end.
  const auto check = [](std::string_view s) {
    for (const size_t from : {0, 1, 2, 7, 15, 16, 17, 31, 33})
      for (size_t end = from; end <= s.size(); ++end) {
        const size_t first = simd::find_of<'.', ',', '\n'>(s, from, end);
        const size_t after = simd::after_last_of<'.', ',', '\n'>(s, from, end);
        if (first != simd::scalar::find_of<'.', ',', '\n'>(s, from, end) ||
            after != simd::scalar::after_last_of<'.', ',', '\n'>(s, from, end))
          BOOST_FAIL("differs in [" << from << ", " << end << ") of \"" << show_bytes(s) << "\"");
      }
  };
  for (const unsigned char b : std::vector<unsigned char>{'.', ',', '\n', ' ', 0xC3})
    each_buffer("ab c", b, check);
  each_random_buffer("abc ,.\n", 7, check);
  BOOST_TEST(simd::scalar::find_of<'.'>("ab.c.", 0, 5) == 2u);
  BOOST_TEST(simd::scalar::find_of<'.'>("ab.c.", 3, 4) == 4u);
  BOOST_TEST(simd::scalar::after_last_of<'.'>("ab.c.", 0, 4) == 3u);
  BOOST_TEST(simd::scalar::after_last_of<'.'>("ab.c.", 3, 4) == 3u);
}

BOOST_AUTO_TEST_CASE(token_bytes16_agrees_with_the_scalar_loop) {
  const auto same = [](const simd::TokenBytes& a, const simd::TokenBytes& b) {
    return a.word == b.word && a.high == b.high && a.joiner == b.joiner && a.rare == b.rare;
  };
  // Every byte value at every position, and what the classes hold.
  for (int b = 0; b < 256; ++b)
    for (size_t pos = 0; pos < 16; ++pos) {
      std::string s(16, ' ');
      s[pos] = static_cast<char>(b);
      const simd::TokenBytes c = simd::token_bytes16(s.data());
      if (!same(c, simd::scalar::token_bytes16(s.data()))) BOOST_FAIL("byte " << b << " at " << pos);
      const auto bit = [&](uint32_t m) { return (m >> pos & 1) != 0; };
      const auto u = static_cast<unsigned char>(b);
      BOOST_TEST_REQUIRE(bit(c.word) == ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')));
      BOOST_TEST_REQUIRE(bit(c.high) == (u >= 0x80));
      BOOST_TEST_REQUIRE(bit(c.joiner) == (std::string_view(".-/'&").find(static_cast<char>(b)) != std::string_view::npos));
      BOOST_TEST_REQUIRE(bit(c.rare) == (b == '+' || b == '#'));
      BOOST_TEST_REQUIRE((c.word | c.high | c.joiner | c.rare) >> 16 == 0u);
    }
  each_random_buffer("ab1 .-/'&+#\xC3", 6, [&](std::string_view s) {
    if (s.size() >= 16 && !same(simd::token_bytes16(s.data()), simd::scalar::token_bytes16(s.data())))
      BOOST_FAIL("differs on \"" << show_bytes(s) << "\"");
  });
}

BOOST_AUTO_TEST_SUITE_END()
