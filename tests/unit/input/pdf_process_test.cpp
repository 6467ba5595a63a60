// The PDF reader's own process: its answers carry what extract_pdf gives, word for word; a helper
// past the deadline is stopped (DeadlineExceeded); a helper that dies or exits is the posting's
// error record; one that cannot be started leaves the PDF to this thread.
#include "input/pdf_process.h"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "input/pdf_maker.h"
#include "pipeline/deadline.h"

using jobmatch::ExtractedText;

namespace {

// A PDF of one page per list of lines (pdf_maker.h).
std::string small_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& title = "") {
  std::vector<std::string> contents;
  for (const auto& lines : pages) contents.push_back(jobmatch::test::text_stream(lines));
  jobmatch::test::PdfOptions opt;
  opt.title = title;
  return jobmatch::test::make_pdf(contents, opt);
}

void require_same(const ExtractedText& a, const ExtractedText& b) {
  BOOST_TEST(a.text == b.text);
  BOOST_TEST(a.title == b.title);
  BOOST_TEST(a.page_starts == b.page_starts);
  BOOST_TEST_REQUIRE(a.error.has_value() == b.error.has_value());
  if (a.error) {
    BOOST_TEST(a.error->kind == b.error->kind);
    BOOST_TEST(a.error->message == b.error->message);
  }
}

// A shell script as the helper program, in a scratch folder that goes with it.
class Script {
 public:
  explicit Script(const std::string& body) {
    m_dir = std::filesystem::temp_directory_path() / ("jobmatch-helper-" + std::to_string(::getpid()));
    std::filesystem::create_directories(m_dir);
    m_path = (m_dir / "helper.sh").string();
    std::ofstream(m_path) << "#!/bin/sh\n" << body << "\n";
    ::chmod(m_path.c_str(), 0755);
  }
  ~Script() {
    jobmatch::set_pdf_reader_program("");
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }
  const std::string& path() const { return m_path; }

 private:
  std::filesystem::path m_dir;
  std::string m_path;
};

// Ends the thread's helper after a test that started one of the real program.
struct RealHelper {
  RealHelper() { jobmatch::set_pdf_reader_program(JOBMATCH_BINARY); }
  ~RealHelper() { jobmatch::set_pdf_reader_program(""); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_process)

BOOST_AUTO_TEST_CASE(answers_round_trip_and_a_cut_answer_is_refused) {
  ExtractedText t;
  t.text = "Machine Learning Engineer\n\fPython\n";
  t.title = "Größe";
  t.page_starts = {0, 27};
  const std::string bytes = jobmatch::encode_extracted(t);
  ExtractedText back;
  BOOST_TEST_REQUIRE(jobmatch::decode_extracted(bytes, &back));
  require_same(back, t);
  for (size_t cut = 0; cut < bytes.size(); ++cut) BOOST_TEST(!jobmatch::decode_extracted(bytes.substr(0, cut), &back), cut);
  BOOST_TEST(!jobmatch::decode_extracted(bytes + "x", &back));

  ExtractedText e;
  e.error = jobmatch::InputError{"pdf", "not a readable PDF: damaged beyond repair"};
  BOOST_TEST_REQUIRE(jobmatch::decode_extracted(jobmatch::encode_extracted(e), &back));
  require_same(back, e);
}

BOOST_AUTO_TEST_CASE(the_helper_gives_what_extract_pdf_gives) {
  const std::string good = small_pdf({{"Machine Learning Engineer", "Python und PyTorch"}, {"Ihr Profil"}}, "ML Engineer");
  const std::vector<std::string> inputs{good, good.substr(0, 200), "%PDF-1.4 not really", small_pdf({{}}), ""};
  const RealHelper helper;
  for (int round = 0; round < 2; ++round) {  // the second round reuses the helper
    for (const std::string& bytes : inputs) {
      ExtractedText here, there;
      jobmatch::extract_pdf(bytes, &here);
      jobmatch::read_pdf(bytes, &there);
      require_same(there, here);
    }
  }
  ExtractedText t;
  jobmatch::read_pdf(good, &t);
  BOOST_TEST_REQUIRE(!t.error.has_value());
  BOOST_TEST(t.text.starts_with("Machine Learning Engineer\nPython und PyTorch\n"));
  BOOST_TEST(t.page_starts.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_helper_past_the_deadline_is_stopped) {
  const Script script("exec sleep 30");
  jobmatch::set_pdf_reader_program(script.path());
  const auto start = std::chrono::steady_clock::now();
  {
    const jobmatch::DeadlineScope deadline(0.3);
    ExtractedText t;
    BOOST_CHECK_THROW(jobmatch::read_pdf(small_pdf({{"Python"}}), &t), jobmatch::DeadlineExceeded);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(seconds < 5.0, seconds);
  // The next PDF starts a new helper, which answers.
  jobmatch::set_pdf_reader_program(JOBMATCH_BINARY);
  ExtractedText t;
  jobmatch::read_pdf(small_pdf({{"Python"}}), &t);
  BOOST_TEST(t.text == "Python\n");
}

BOOST_AUTO_TEST_CASE(a_helper_that_dies_or_exits_is_the_postings_error_record) {
  // Each reads the request's length, then dies as poppler would on a fault, or exits.
  const std::pair<std::string, std::string> cases[] = {
      {"kill -SEGV $$", "not a readable PDF: the PDF reader was stopped by signal 11 ("},
      {"exit 7", "not a readable PDF: the PDF reader ended without an answer (exit code 7)"}};
  for (const auto& [then, message] : cases) {
    const Script script("head -c 8 <&3 >/dev/null; " + then);
    jobmatch::set_pdf_reader_program(script.path());
    ExtractedText t;
    jobmatch::read_pdf(small_pdf({{"Python"}}), &t);
    BOOST_TEST_REQUIRE(t.error.has_value());
    BOOST_TEST(t.error->kind == "pdf");
    BOOST_TEST(t.error->message.starts_with(message), t.error->message);
    BOOST_TEST(t.text.empty());
  }
}

BOOST_AUTO_TEST_CASE(a_helper_that_cannot_start_leaves_the_pdf_to_this_thread) {
  const Script script("exit 0");
  jobmatch::set_pdf_reader_program(script.path() + ".missing");
  const std::string pdf = small_pdf({{"Python"}});
  ExtractedText here, there;
  jobmatch::extract_pdf(pdf, &here);
  jobmatch::read_pdf(pdf, &there);
  require_same(there, here);
  BOOST_TEST(there.text == "Python\n");
}

BOOST_AUTO_TEST_SUITE_END()
