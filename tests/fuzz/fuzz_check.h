// Shared by the libFuzzer targets in this folder: a check that holds in every build type (the
// fuzz build defines NDEBUG) and says which invariant broke.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);   \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

namespace jobmatch::fuzz {

inline std::string_view as_view(const unsigned char* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace jobmatch::fuzz
