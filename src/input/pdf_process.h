// PDFs are read in a helper process, one per worker thread, so that no PDF can stall the batch
// or take it down. poppler cannot be stopped inside a page, and a page may hold far more work than
// its file shows: a content stream of 100 KB that inflates to 50 MB of drawing took 3.3 s here,
// and the limit for it is 2.2 s. In its own process it is stopped at the posting's deadline
// (the process is killed: a `timeout` record, and the next PDF starts a new one), it runs under a
// limit on its address space, and a crash in poppler is that posting's error record.
//
// The helper is this program itself, started with kPdfReaderCommand and the process id of the
// batch: it reads requests from file descriptor 3 (a socket) and answers each with what
// extract_pdf made of it.
#pragma once

#include <string>
#include <string_view>

#include "input/document.h"

namespace jobmatch {

// The argument that makes the program a PDF reader (run_cli looks for it before anything else).
inline constexpr char kPdfReaderCommand[] = "__pdf-reader";

// The program started as the helper (run_cli sets /proc/self/exe). Until it is set, as in the
// unit tests, read_pdf reads in the calling thread. Ends the calling thread's helper.
void set_pdf_reader_program(std::string path);

// extract_pdf in the calling thread's helper process, started at the first PDF. Throws
// DeadlineExceeded if the thread's deadline (pipeline/deadline.h) passes first. If the helper
// cannot be started, the PDF is read in this thread.
void read_pdf(std::string_view bytes, ExtractedText* out);

// The helper: answers requests on fd until its end; returns the exit code. It ends when the
// thread that started it (of process `parent`) ends.
int run_pdf_reader(int fd, long parent);

// The helper's answer as bytes, and back (false if the bytes are not a whole answer).
std::string encode_extracted(const ExtractedText& t);
bool decode_extracted(std::string_view bytes, ExtractedText* out);

}  // namespace jobmatch
