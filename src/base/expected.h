// The one error convention of the project: a function that can fail returns Expected<T> (its value
// or an Error) or Status (nothing, or an Error). Nothing fallible returns bool with a string* out
// parameter, an optional next to an error string, or a null pointer next to a diagnostics list.
//
//   Expected<std::string> text = read_data_file(path);
//   if (!text.ok()) return text.error();   // an Error converts to any Expected and to Status
//   use(*text);
//
// An Error is one line of what went wrong. Errors found in data files (lexicon, profile, labels)
// also carry every `file:line:col` diagnostic, so a user fixes a file in one pass; `message` is
// then the first of them.
//
// An Error says what went wrong, not what kind of failure it was. Where a caller sorts failures
// into kinds (an input's error record: "io", "compressed", "json"), the object that failed says
// the kind of the failure it last returned (ByteStream::error_kind, JsonSplitter::error_kind);
// the message is only ever in the Error. Sticky error states are left to buffered sinks and
// sources used many times a run, as std::ostream does (report/output.h's Output, the table's
// readers of its spilled rows): after a failure the rest is dropped, and the caller asks once,
// at the end. Inside one parser object (the lexicon's, the export's translator of `re:`
// patterns), private steps may note the failure in a member and return false; what the parser's
// public function returns is an Expected or Status like any other.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace jobmatch {

// A problem at a place in a data file. line 0 means the file as a whole.
struct Diagnostic {
  std::string file;
  size_t line = 0;  // 1-based
  size_t col = 0;   // 1-based, in bytes
  std::string message;
  std::string line_text;
};

struct Error {
  std::string message;
  std::vector<Diagnostic> diagnostics;

  Error() = default;
  explicit Error(std::string msg) : message(std::move(msg)) {}
  explicit Error(std::vector<Diagnostic> diags)
      : message(diags.empty() ? std::string() : diags.front().message), diagnostics(std::move(diags)) {}
};

template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Expected(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return m_v.index() == 0; }
  const Error& error() const { return std::get<1>(m_v); }

  T& value() & { return std::get<0>(m_v); }
  const T& value() const& { return std::get<0>(m_v); }
  T&& value() && { return std::get<0>(std::move(m_v)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(Error error) : m_error(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return !m_error; }
  const Error& error() const { return *m_error; }

 private:
  std::optional<Error> m_error;
};

using Status = Expected<void>;

}  // namespace jobmatch
