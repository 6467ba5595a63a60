#!/usr/bin/python3
"""Turns plain-text job postings into PDF and DOCX files, for trying the document readers.

    /usr/bin/python3 tests/gen/make_documents.py OUT_DIR FILE.txt...

Needs Debian's python3-reportlab and python3-docx (run it with /usr/bin/python3, not another
interpreter on PATH). Each FILE.txt becomes OUT_DIR/NAME.pdf and OUT_DIR/NAME.docx:
  - line 1 is the title: the first line of the document and its metadata title;
  - lines starting with "- ", "• " or "* " are list items (bullets in the PDF, the 'List Bullet'
    style in the DOCX);
  - a short line that ends in ":" or has no final punctuation and is followed by list items is a
    heading;
  - every other non-blank line is a paragraph (wrapped in the PDF, which gets as many pages as
    it needs).
The output is deterministic: fixed dates and ids in both formats, fixed ZIP timestamps.
"""

import io
import os
import sys
import zipfile
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer
from xml.sax.saxutils import escape

import docx
from docx.shared import Pt

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FIXED_DATE = datetime(2024, 1, 1, 12, 0, 0)
BULLETS = ("- ", "• ", "* ")


def parse(text):
    """The posting as (title, [(kind, text)]) with kind "heading", "item" or "para"."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else ""
    body = lines[1:]

    def is_item(line):
        return line.lstrip().startswith(BULLETS)

    blocks = []
    for i, line in enumerate(body):
        stripped = line.strip()
        if not stripped:
            continue
        if is_item(line):
            blocks.append(("item", stripped[2:].strip()))
            continue
        following = next((b for b in body[i + 1:] if b.strip()), "")
        short = len(stripped) <= 60
        unpunctuated = stripped.endswith(":") or stripped[-1] not in ".!?;,)"
        if short and unpunctuated and is_item(following):
            blocks.append(("heading", stripped))
        else:
            blocks.append(("para", stripped))
    return title, blocks


def register_fonts():
    pdfmetrics.registerFont(TTFont("DejaVuSans", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))


def write_pdf(path, title, blocks):
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10.5, leading=14, spaceAfter=6)
    item = ParagraphStyle("item", parent=body, spaceAfter=2)
    heading = ParagraphStyle("heading", parent=body, fontName="DejaVuSans-Bold", fontSize=12.5,
                             leading=16, spaceBefore=8, spaceAfter=4)
    title_style = ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold", fontSize=16,
                                 leading=20, spaceAfter=10)
    story = [Paragraph(escape(title), title_style)]
    items = []

    def flush_items():
        if items:
            story.append(ListFlowable([ListItem(Paragraph(escape(t), item)) for t in items],
                                      bulletType="bullet", start="•", bulletFontName="DejaVuSans",
                                      leftIndent=14))
            items.clear()

    for kind, text in blocks:
        if kind == "item":
            items.append(text)
            continue
        flush_items()
        story.append(Paragraph(escape(text), heading if kind == "heading" else body))
    flush_items()
    story.append(Spacer(1, 1))
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=title,
                            author="jobmatch test generator", creator="jobmatch", invariant=1)
    doc.build(story)


def write_docx(path, title, blocks):
    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(title, level=0)
    for kind, text in blocks:
        if kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "item":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    props = document.core_properties
    props.title = title
    props.author = "jobmatch test generator"
    props.last_modified_by = "jobmatch test generator"
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE
    props.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    # python-docx stamps each ZIP entry with the current time: rewrite them with a fixed one.
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    register_fonts()
    for name in argv[2:]:
        with open(name, encoding="utf-8") as f:
            title, blocks = parse(f.read())
        stem = os.path.splitext(os.path.basename(name))[0]
        write_pdf(os.path.join(out_dir, stem + ".pdf"), title, blocks)
        write_docx(os.path.join(out_dir, stem + ".docx"), title, blocks)
        print(f"{name}: {stem}.pdf, {stem}.docx ({len(blocks)} blocks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
