#include "input/open.h"

#include <utility>

#include "input/sniff.h"

namespace jobmatch {
namespace {

Opened fail(const std::string& id, std::string kind, std::string message) {
  Opened o;
  o.document.emplace();
  o.document->id = id;
  o.document->error = InputError{std::move(kind), std::move(message)};
  return o;
}

// What --input-format forces, as the content it names (kAuto: nothing forced).
std::optional<Content> forced_content(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return std::nullopt;
    case InputFormat::kText: return Content::kText;
    case InputFormat::kHtml: return Content::kHtml;
    case InputFormat::kMarkdown: return Content::kMarkdown;
    case InputFormat::kJsonl: return Content::kJsonl;
    case InputFormat::kJson: return Content::kJson;
    case InputFormat::kPdf: return Content::kPdf;
    case InputFormat::kDocx: return Content::kZip;
  }
  return std::nullopt;
}

DocFormat doc_format(Content c) {
  switch (c) {
    case Content::kHtml: return DocFormat::kHtml;
    case Content::kMarkdown: return DocFormat::kMarkdown;
    case Content::kPdf: return DocFormat::kPdf;
    case Content::kZip: return DocFormat::kDocx;
    default: return DocFormat::kText;
  }
}

// Reads from in into *head until content can be sniffed (sniff_ready) or the stream ends; the
// read's Error if one fails. Each read asks for the rest of a sniff block: a file gives it at
// once, a pipe what it has. (Read into a buffer on the stack and appended: head resized to a
// sniff block for each read would be zero-filled, 64 KiB twice for a file of a few KiB.)
Status read_head(ByteStream& in, std::string* head) {
  char buf[kSniffBytes];
  while (!sniff_ready(*head, false)) {
    const Expected<size_t> n = in.read(buf, kSniffBytes - head->size());
    if (!n.ok()) return n.error();
    if (*n == 0) break;
    head->append(buf, *n);
  }
  return {};
}

}  // namespace

Opened open_input(std::unique_ptr<ByteStream> in, const std::string& name, const std::string& ext, uint64_t size,
                  const ReadOptions& options) {
  std::string head;
  if (const Status read = read_head(*in, &head); !read.ok())
    return fail(name, in->error_kind(), read.error().message);
  const Compression compression = sniff_compression(head);
  if (compression != Compression::kNone) {
    in = decompress(compression, std::make_unique<PrefixStream>(std::move(head), std::move(in)));
    head.clear();
    if (const Status read = read_head(*in, &head); !read.ok())
      return fail(name, in->error_kind(), read.error().message);
  }
  const Content content = forced_content(options.format).value_or(sniff_content(head, ext));
  if (content == Content::kJsonl || content == Content::kJson) {
    Opened o;
    o.records = std::make_unique<RecordReader>(
        std::make_unique<PrefixStream>(std::move(head), std::move(in)), name,
        content == Content::kJsonl ? RecordReader::Kind::kJsonLines : RecordReader::Kind::kJson, options);
    return o;
  }
  if (compression == Compression::kNone && size > options.max_bytes)
    return fail(name, "too_large",
                std::to_string(size) + " bytes, larger than --max-bytes (" + std::to_string(options.max_bytes) + ")");
  Opened o;
  Input& doc = o.document.emplace();
  doc.id = name;
  doc.format = doc_format(content);
  PrefixStream whole(std::move(head), std::move(in));
  Expected<std::optional<std::string>> bytes = read_all(whole, options.max_bytes);
  if (!bytes.ok())
    doc.error = InputError{whole.error_kind(), bytes.error().message};
  else if (!*bytes)
    doc.error = InputError{"too_large", std::string(compression == Compression::kNone ? "larger than"
                                                                                      : "decompresses to more than") +
                                            " --max-bytes (" + std::to_string(options.max_bytes) + " bytes)"};
  else
    doc.bytes = std::move(**bytes);
  return o;
}

}  // namespace jobmatch
