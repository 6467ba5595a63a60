// The report's output file written safely: a temporary file renamed over FILE at the end; FILE
// kept on failure and on a fatal signal.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "report/output_file.h"
#include "test_helpers.h"

namespace {

namespace fs = std::filesystem;

using jobmatch::test::TempDir;

// The names in a folder, hidden ones included.
size_t entries(const TempDir& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++n;
  return n;
}

void write_all(int fd, const std::string& s) {
  BOOST_TEST_REQUIRE(::write(fd, s.data(), s.size()) == static_cast<ssize_t>(s.size()));
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_file)

BOOST_AUTO_TEST_CASE(commit_replaces_the_file_and_leaves_no_temporary_file) {
  TempDir dir;
  dir.write("r.html", "old report");
  jobmatch::OutputFile out;
  BOOST_TEST_REQUIRE(out.open(dir / "r.html").ok());
  write_all(out.fd(), "new report");
  BOOST_TEST(dir.read("r.html") == "old report");  // untouched until the end
  BOOST_TEST(entries(dir) == 2u);                 // r.html and the temporary file
  BOOST_TEST(out.commit().ok());
  BOOST_TEST(dir.read("r.html") == "new report");
  BOOST_TEST(entries(dir) == 1u);
}

BOOST_AUTO_TEST_CASE(discard_keeps_the_old_file) {
  TempDir dir;
  dir.write("r.html", "old report");
  {
    jobmatch::OutputFile out;
    BOOST_TEST_REQUIRE(out.open(dir / "r.html").ok());
    write_all(out.fd(), "half a rep");
    out.discard();
    BOOST_TEST(entries(dir) == 1u);
  }
  {
    jobmatch::OutputFile out;  // destroyed without commit: the same
    BOOST_TEST_REQUIRE(out.open(dir / "r.html").ok());
    write_all(out.fd(), "half a rep");
  }
  BOOST_TEST(dir.read("r.html") == "old report");
  BOOST_TEST(entries(dir) == 1u);
}

BOOST_AUTO_TEST_CASE(the_temporary_file_is_hidden_and_beside_the_target) {
  TempDir dir;
  jobmatch::OutputFile out;
  BOOST_TEST_REQUIRE(out.open(dir / "r.html").ok());
  BOOST_TEST_REQUIRE(entries(dir) == 1u);
  const std::string name = fs::directory_iterator(dir.path)->path().filename().string();
  BOOST_TEST(name.starts_with(".r.html."), name);
  BOOST_TEST(out.ids().size() == 1u);  // no old file, the temporary one
}

BOOST_AUTO_TEST_CASE(permissions_follow_the_umask_or_the_old_file) {
  TempDir dir;
  const mode_t old_mask = ::umask(027);
  {
    jobmatch::OutputFile out;
    BOOST_TEST_REQUIRE(out.open(dir / "new.html").ok());
    BOOST_TEST_REQUIRE(out.commit().ok());
  }
  BOOST_TEST(mode_of(dir / "new.html") == 0640u);  // 0666 less the umask, as a plain create
  dir.write("kept.html", "old");
  fs::permissions(dir.path / "kept.html", fs::perms(0604));
  {
    jobmatch::OutputFile out;
    BOOST_TEST_REQUIRE(out.open(dir / "kept.html").ok());
    BOOST_TEST_REQUIRE(out.commit().ok());
  }
  BOOST_TEST(mode_of(dir / "kept.html") == 0604u);  // what rewriting it in place kept
  ::umask(old_mask);
}

BOOST_AUTO_TEST_CASE(the_owner_is_kept_where_allowed) {
  if (::geteuid() != 0) return;  // only root may give a file to someone else
  TempDir dir;
  dir.write("r.html", "old");
  BOOST_TEST_REQUIRE(::chown((dir / "r.html").c_str(), 1234, 5678) == 0);
  jobmatch::OutputFile out;
  BOOST_TEST_REQUIRE(out.open(dir / "r.html").ok());
  BOOST_TEST_REQUIRE(out.commit().ok());
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat((dir / "r.html").c_str(), &st) == 0);
  BOOST_TEST(st.st_uid == 1234u);
  BOOST_TEST(st.st_gid == 5678u);
}

BOOST_AUTO_TEST_CASE(a_write_protected_file_stays_protected) {
  if (::geteuid() == 0) return;  // root may write anything
  TempDir dir;
  dir.write("r.html", "old");
  fs::permissions(dir.path / "r.html", fs::perms(0444));
  jobmatch::OutputFile out;
  const jobmatch::Status opened = out.open(dir / "r.html");
  BOOST_TEST_REQUIRE(!opened.ok());  // the folder would allow the rename
  BOOST_TEST(opened.error().message == "Permission denied");
  BOOST_TEST(dir.read("r.html") == "old");
  BOOST_TEST(entries(dir) == 1u);
}

BOOST_AUTO_TEST_CASE(a_symbolic_link_is_written_through) {
  TempDir dir;
  fs::create_directory(dir.path / "real");
  dir.write("real/r.html", "old");
  fs::create_symlink("real/r.html", dir.path / "link.html");
  jobmatch::OutputFile out;
  BOOST_TEST_REQUIRE(out.open(dir / "link.html").ok());
  write_all(out.fd(), "new");
  BOOST_TEST_REQUIRE(out.commit().ok());
  BOOST_TEST(fs::is_symlink(dir.path / "link.html"));
  BOOST_TEST(dir.read("real/r.html") == "new");
}

BOOST_AUTO_TEST_CASE(a_device_is_written_directly_and_a_missing_folder_refused) {
  jobmatch::OutputFile out;
  BOOST_TEST_REQUIRE(out.open("/dev/null").ok());
  BOOST_TEST(out.ids().empty());
  write_all(out.fd(), "gone");
  BOOST_TEST(out.commit().ok());
  BOOST_TEST(fs::is_character_file("/dev/null"));  // not replaced by a regular file

  TempDir dir;
  jobmatch::OutputFile missing;
  const jobmatch::Status no_folder = missing.open(dir / "no/such/r.html");
  BOOST_TEST_REQUIRE(!no_folder.ok());
  BOOST_TEST(no_folder.error().message == "No such file or directory");
  jobmatch::OutputFile folder;
  const jobmatch::Status a_folder = folder.open(dir.path.string());
  BOOST_TEST_REQUIRE(!a_folder.ok());
  BOOST_TEST(a_folder.error().message == "Is a directory");
}

// SIGINT, SIGTERM and SIGHUP while the file is written: the process dies of that signal, the
// temporary file is gone and the old file is intact.
BOOST_AUTO_TEST_CASE(a_fatal_signal_removes_the_temporary_file) {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    TempDir dir;
    dir.write("r.html", "old report");
    const pid_t child = ::fork();
    BOOST_TEST_REQUIRE(child >= 0);
    if (child == 0) {
      ::signal(sig, SIG_DFL);
      jobmatch::OutputFile out;
      if (!out.open(dir / "r.html").ok()) ::_exit(10);
      if (::write(out.fd(), "half", 4) != 4) ::_exit(11);
      ::raise(sig);
      ::_exit(12);  // not reached
    }
    int status = 0;
    BOOST_TEST_REQUIRE(::waitpid(child, &status, 0) == child);
    BOOST_TEST(WIFSIGNALED(status), "signal " << sig << ": status " << status);
    if (WIFSIGNALED(status)) BOOST_TEST(WTERMSIG(status) == sig);
    BOOST_TEST(dir.read("r.html") == "old report");
    BOOST_TEST(entries(dir) == 1u, "signal " << sig);
  }
}

BOOST_AUTO_TEST_CASE(same_file_by_path_or_inode) {
  TempDir dir;
  dir.write("a.txt", "x");
  fs::create_hard_link(dir.path / "a.txt", dir.path / "hard.txt");
  fs::create_symlink("a.txt", dir.path / "soft.txt");
  fs::create_directory(dir.path / "sub");
  const std::string a = dir / "a.txt";
  BOOST_TEST(jobmatch::same_file(a, a));
  BOOST_TEST(jobmatch::same_file(a, dir / "hard.txt"));
  BOOST_TEST(jobmatch::same_file(a, dir / "soft.txt"));
  BOOST_TEST(jobmatch::same_file(a, dir / "sub/../a.txt"));
  BOOST_TEST(jobmatch::same_file(a, dir / ".//a.txt"));
  BOOST_TEST(!jobmatch::same_file(a, dir / "b.txt"));
  // Neither exists yet: the paths are compared.
  BOOST_TEST(jobmatch::same_file(dir / "new.html", dir / "sub/../new.html"));
  BOOST_TEST(!jobmatch::same_file(dir / "new.html", dir / "sub/new.html"));
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path);
  BOOST_TEST(jobmatch::same_file("new.html", dir / "new.html"));
  BOOST_TEST(jobmatch::same_file("a.txt", "./sub/../a.txt"));
  fs::current_path(cwd);
}

BOOST_AUTO_TEST_SUITE_END()

