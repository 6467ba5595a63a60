// A map from every byte of a derived UTF-8 text (normalized text) back to the input byte it
// came from, kept as runs instead of one offset per byte: ordinary text is long runs where
// output and input advance together, so the map costs a few bytes per changed character (an
// umlaut folded to two letters, a dropped gender marker), not four bytes per byte of text. At
// worst, a run per output byte, it is two bytes per output byte more than a plain array.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace jobmatch {

class SourceMap {
 public:
  void clear();

  // The output bytes from size() up to out_end came from input offset in. linear: output and
  // input advance together, each output character mapping to the input byte as far from in
  // as the character is from size() (the output holds the same characters, byte for byte, or
  // one character of the same length). Otherwise every one of those bytes maps to in.
  void append(size_t out_end, uint32_t in, bool linear);
  // Forgets the output from out_size on (out_size <= size()).
  void truncate(size_t out_size);
  // Ends the map: the output is size() bytes, the input in_size.
  void finish(uint32_t in_size) { m_in_size = in_size; }

  size_t size() const { return m_out_size; }
  // The input offset output byte i came from, given the output text (text.size() == size());
  // at(text, size()) is the input's size. Non-decreasing in i where the appends' offsets are
  // (normalize's and Markdown's are; HTML's follow gumbo's tree, not the page).
  uint32_t at(std::string_view text, size_t i) const;
  // The first output offset i whose input offset at(text, i) is at or after in (size() if none);
  // for a map whose appends' offsets never decrease.
  size_t first_at_or_after(std::string_view text, uint32_t in) const;

  // The offset of every output byte and the end, as an array (tests, and small texts).
  std::vector<uint32_t> expand(std::string_view text) const;
  size_t run_count() const { return m_runs.size(); }

 private:
  struct Run {
    uint32_t out, in;
  };
  // Index of the run that holds output byte i < size().
  size_t run_of(size_t i) const;
  size_t run_end(size_t r) const { return r + 1 < m_runs.size() ? m_runs[r + 1].out : m_out_size; }

  std::vector<Run> m_runs;         // by out, ascending
  std::vector<bool> m_constant;    // per run: every byte maps to its in
  uint32_t m_out_size = 0, m_in_size = 0;
};

}  // namespace jobmatch
