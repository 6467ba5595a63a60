// The lexicon and profile files compiled into the binary (see scripts/embed.cmake).
#pragma once

#include <span>
#include <string_view>

namespace jobmatch {

struct EmbeddedFile {
  std::string_view name;  // file name in lexicons/, e.g. "article.lex"
  std::string_view data;  // the file's bytes
};

// Sorted by name. Never empty in a correct build.
std::span<const EmbeddedFile> embedded_lexicon_files();

}  // namespace jobmatch
