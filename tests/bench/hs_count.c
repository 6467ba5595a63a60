// The Hyperscan anchor of scripts/bench: counts every match of a list of regexes (one per line,
// matched caselessly) in postings, one scan per posting, the way a production multi-pattern
// engine would. Reading the input is part of the work measured; compiling the patterns is not
// (it happens before the clock the caller reads starts to matter, and is printed apart).
//
//   hs_count PATTERNS THREADS --lines FILE   one posting per line of FILE (JSON Lines)
//   hs_count PATTERNS THREADS --files DIR    one posting per regular file under DIR
//
// Prints "matches N" and exits 0; a pattern Hyperscan cannot compile is exit 2, naming it.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <hs/hs.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static hs_database_t* db;
static hs_scratch_t* proto;

static void die(const char* what, const char* detail) {
  fprintf(stderr, "hs_count: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  exit(2);
}

// The whole of a file, or NULL (errno set).
static char* read_file(const char* path, size_t* size) {
  const int fd = open(path, O_RDONLY);
  if (fd < 0) return NULL;
  struct stat st;
  if (fstat(fd, &st) != 0) {
    close(fd);
    return NULL;
  }
  size_t cap = st.st_size > 0 ? (size_t)st.st_size : 4096, n = 0;
  char* buf = malloc(cap + 1);
  for (;;) {
    if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
    const ssize_t got = read(fd, buf + n, cap - n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      free(buf);
      close(fd);
      return NULL;
    }
    if (got == 0) break;
    n += (size_t)got;
  }
  close(fd);
  *size = n;
  return buf;
}

static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void* ctx) {
  (void)id, (void)from, (void)to, (void)flags;
  ++*(unsigned long long*)ctx;
  return 0;  // go on: every match counts
}

// ---- --lines: the file is read in the caller's clock, then split by byte ranges among threads.
static const char* text;
static size_t text_size;

// ---- --files: paths taken one at a time by the threads.
static char** paths;
static size_t path_count;
static atomic_size_t next_path;

struct job {
  int index, threads, lines;
  unsigned long long matches;
};

static void* work(void* arg) {
  struct job* j = arg;
  hs_scratch_t* scratch = NULL;
  if (hs_clone_scratch(proto, &scratch) != HS_SUCCESS) die("cannot allocate scratch", NULL);
  if (j->lines) {
    size_t begin = text_size * (size_t)j->index / (size_t)j->threads;
    size_t end = text_size * (size_t)(j->index + 1) / (size_t)j->threads;
    // Whole lines: a range starts after a newline and ends at one.
    if (begin > 0) {
      const char* nl = memchr(text + begin - 1, '\n', text_size - (begin - 1));
      begin = nl ? (size_t)(nl - text) + 1 : text_size;
    }
    if (end < text_size) {
      const char* nl = memchr(text + end - 1, '\n', text_size - (end - 1));
      end = nl ? (size_t)(nl - text) + 1 : text_size;
    }
    for (size_t at = begin; at < end;) {
      const char* nl = memchr(text + at, '\n', end - at);
      const size_t stop = nl ? (size_t)(nl - text) : end;
      if (stop > at && hs_scan(db, text + at, (unsigned)(stop - at), 0, scratch, on_match, &j->matches) != HS_SUCCESS)
        die("scan failed", NULL);
      at = stop + 1;
    }
  } else {
    for (size_t i; (i = atomic_fetch_add(&next_path, 1)) < path_count;) {
      size_t size;
      char* buf = read_file(paths[i], &size);
      if (!buf) die("cannot read", paths[i]);
      if (size && hs_scan(db, buf, (unsigned)size, 0, scratch, on_match, &j->matches) != HS_SUCCESS)
        die("scan failed", NULL);
      free(buf);
    }
  }
  hs_free_scratch(scratch);
  return NULL;
}

static int add_path(const char* path, const struct stat* st, int type, struct FTW* ftw) {
  (void)st, (void)ftw;
  if (type != FTW_F) return 0;
  paths = realloc(paths, (path_count + 1) * sizeof *paths);
  paths[path_count++] = strdup(path);
  return 0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
  if (argc != 5 || (strcmp(argv[3], "--lines") != 0 && strcmp(argv[3], "--files") != 0))
    die("usage: hs_count PATTERNS THREADS --lines FILE | --files DIR", NULL);
  const int threads = atoi(argv[2]);
  if (threads < 1 || threads > 64) die("THREADS must be 1 to 64", argv[2]);
  const int lines = strcmp(argv[3], "--lines") == 0;

  // The patterns: one per line, blank lines skipped.
  size_t size;
  char* list = read_file(argv[1], &size);
  if (!list) die("cannot read", argv[1]);
  list[size] = '\0';
  const char** exprs = NULL;
  unsigned* flags = NULL;
  unsigned* ids = NULL;
  unsigned count = 0;
  for (char* line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
    if (!*line) continue;
    exprs = realloc(exprs, (count + 1) * sizeof *exprs);
    flags = realloc(flags, (count + 1) * sizeof *flags);
    ids = realloc(ids, (count + 1) * sizeof *ids);
    exprs[count] = line;
    flags[count] = HS_FLAG_CASELESS;
    ids[count] = count;
    ++count;
  }
  const double t0 = now();
  hs_compile_error_t* error = NULL;
  if (hs_compile_multi(exprs, flags, ids, count, HS_MODE_BLOCK, NULL, &db, &error) != HS_SUCCESS) {
    char where[64] = "";
    if (error->expression >= 0) snprintf(where, sizeof where, " (pattern %d)", error->expression + 1);
    fprintf(stderr, "hs_count: cannot compile%s: %s\n", where, error->message);
    return 2;
  }
  if (hs_alloc_scratch(db, &proto) != HS_SUCCESS) die("cannot allocate scratch", NULL);
  const double t1 = now();

  if (lines) {
    text = read_file(argv[4], &text_size);
    if (!text) die("cannot read", argv[4]);
  } else if (nftw(argv[4], add_path, 32, FTW_PHYS) != 0) {
    die("cannot walk", argv[4]);
  }
  pthread_t tids[64];
  struct job jobs[64];
  for (int t = 0; t < threads; ++t) {
    jobs[t] = (struct job){t, threads, lines, 0};
    pthread_create(&tids[t], NULL, work, &jobs[t]);
  }
  unsigned long long matches = 0;
  for (int t = 0; t < threads; ++t) {
    pthread_join(tids[t], NULL);
    matches += jobs[t].matches;
  }
  printf("matches %llu\npatterns %u, compiled in %.3f s, read and scanned in %.3f s\n", matches, count,
         t1 - t0, now() - t1);
  return 0;
}
