// jobmatch: scores job postings against a role profile. The command line is src/cli/ (cli.h:
// dispatch; one file per command; batch.h: their shared skeleton and the exit codes).
#include <malloc.h>
#include <sys/resource.h>

#include "cli/cli.h"

int main(int argc, char** argv) {
#ifdef M_ARENA_MAX
  // Under a limit on address space (ulimit -v), each malloc arena a thread opens reserves 64 MiB
  // of it up front; when that fails, glibc retries on every allocation and a run takes 50 times
  // as long. One arena for all threads instead: the workers reuse their buffers, so they seldom
  // allocate.
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) ::mallopt(M_ARENA_MAX, 1);
#endif
  return jobmatch::run_cli(argc, argv);
}
