// PDFs made byte by byte for the tests of PDF reading (document_test, pdf_process_test).
#pragma once

#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_util.h"

namespace jobmatch::test {

// Latin-1 bytes of UTF-8 text (WinAnsiEncoding and PDFDocEncoding agree with Latin-1 on letters
// like äöüß; an en dash is 0x96 in the one and 0x85 in the other: here it is 0x85).
inline std::string latin1(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = 0;
    const char32_t cp = jobmatch::decode_utf8(utf8, i, &len);
    out += static_cast<char>(cp < 256 ? cp : cp == 0x2013 ? 0x85 : '?');
    i += len;
  }
  return out;
}

// A PDF string literal of UTF-8 text in Latin-1.
inline std::string pdf_string(std::string_view utf8) {
  std::string out = "(";
  for (const char c : latin1(utf8)) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// A content stream that writes each line in 12-point Helvetica, 16 points apart.
inline std::string text_stream(const std::vector<std::string>& lines) {
  std::string s = "BT /F1 12 Tf 72 760 Td 16 TL\n";
  for (const std::string& line : lines) s += pdf_string(line) + " Tj T*\n";
  return s + "ET\n";
}

struct PdfOptions {
  std::string title;        // /Info /Title, if not empty
  bool title_utf16 = false; // written as UTF-16BE with a byte order mark (else PDFDocEncoding)
  bool encrypted = false;   // an /Encrypt dictionary whose user password is not empty
  bool flate_first = false; // the first page's content stream compressed with FlateDecode
};

// A minimal PDF, one page per content stream: catalog, page tree, a Helvetica font with
// WinAnsiEncoding, the pages and their streams, and a cross-reference table with the true
// byte offsets.
inline std::string make_pdf(const std::vector<std::string>& contents, const PdfOptions& opt = {}) {
  std::vector<std::string> objects;  // object k + 1
  const size_t first_page = 4;
  std::string kids;
  for (size_t p = 0; p < contents.size(); ++p) kids += std::to_string(first_page + 2 * p) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (size_t p = 0; p < contents.size(); ++p) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(first_page + 2 * p + 1) + " 0 R >>");
    std::string data = contents[p];
    std::string filter;
    if (p == 0 && opt.flate_first) {
      uLongf size = compressBound(static_cast<uLong>(data.size()));
      std::string packed(size, '\0');
      BOOST_TEST_REQUIRE(compress(reinterpret_cast<Bytef*>(packed.data()), &size,
                                  reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size())) == Z_OK);
      packed.resize(size);
      data = packed;
      filter = " /Filter /FlateDecode";
    }
    objects.push_back("<< /Length " + std::to_string(data.size()) + filter + " >>\nstream\n" + data + "\nendstream");
  }
  std::string trailer_extra;
  if (!opt.title.empty()) {
    std::string title = pdf_string(opt.title);
    if (opt.title_utf16) {
      title = "<FEFF";
      for (size_t i = 0, len = 0; i < opt.title.size(); i += len) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(jobmatch::decode_utf8(opt.title, i, &len)));
        title += hex;
      }
      title += ">";
    }
    objects.push_back("<< /Title " + title + " /Producer (jobmatch tests) >>");
    trailer_extra += " /Info " + std::to_string(objects.size()) + " 0 R";
  }
  if (opt.encrypted) {
    // RC4 40-bit (revision 2) with /O and /U that no empty password matches: poppler finds
    // the document locked; nothing in it needs to be really encrypted for that.
    const std::string o = "<" + std::string(64, 'A') + ">", u = "<" + std::string(64, '5') + ">";
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /O " + o + " /U " + u + " /P -44 >>");
    trailer_extra += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                     "<0123456789ABCDEF0123456789ABCDEF>]";
  }
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t k = 0; k < objects.size(); ++k) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const size_t off : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", off);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace jobmatch::test
