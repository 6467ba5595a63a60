#include "input/jsonl_id.h"

#include <nlohmann/json.hpp>

namespace jobmatch {
namespace {

using json = nlohmann::json;

// Follows the events of the top-level object until the id field's value or the first error.
class IdFinder : public json::json_sax_t {
 public:
  explicit IdFinder(const std::string& field) : m_field(field) {}
  std::optional<std::string> id;

  bool null() override { return value(std::nullopt); }
  bool boolean(bool) override { return value(std::nullopt); }
  bool number_integer(number_integer_t v) override { return value(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(std::to_string(v)); }
  bool number_float(number_float_t, const string_t&) override { return value(std::nullopt); }
  bool string(string_t& s) override { return value(s); }
  bool binary(binary_t&) override { return value(std::nullopt); }
  bool start_object(std::size_t) override {
    if (m_depth == 0 && m_seen_root) return false;
    m_seen_root = true;
    m_at_id = false;
    ++m_depth;
    return true;
  }
  bool end_object() override {
    --m_depth;
    return true;
  }
  bool start_array(std::size_t) override {
    if (m_depth == 0) return false;  // not an object
    m_at_id = false;
    ++m_depth;
    return true;
  }
  bool end_array() override {
    --m_depth;
    return true;
  }
  bool key(string_t& k) override {
    m_at_id = m_depth == 1 && k == m_field;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  // A scalar value: the id if it is the id field's (the first occurrence).
  bool value(std::optional<std::string> v) {
    if (m_depth == 0) return false;  // a scalar, not an object
    if (m_at_id && !id) {
      id = std::move(v);
      return false;  // found: stop here
    }
    m_at_id = false;
    return true;
  }

  const std::string& m_field;
  int m_depth = 0;
  bool m_seen_root = false;
  bool m_at_id = false;
};

}  // namespace

std::optional<std::string> recover_jsonl_id(std::string_view line, const std::string& id_field) {
  IdFinder finder(id_field);
  try {
    json::sax_parse(line.begin(), line.end(), &finder, json::input_format_t::json, true);
  } catch (const json::exception&) {
  }
  return finder.id;
}

}  // namespace jobmatch
