"""Writes a plain-text sample posting as Markdown with front matter and as simple HTML.

    python3 convert.py OUT_DIR FILE.txt...

Line 1 is the title (front matter `title:`, the HTML <title> and <h1>); lines starting with
"- " or "• " are list items; a short line without final punctuation is a heading (## in
Markdown, <h2> in HTML); every other non-blank line is a paragraph.
"""
import html
import os
import sys


def blocks_of(text):
    lines = [line.rstrip() for line in text.split("\n")]
    title, body = lines[0].strip(), lines[1:]
    blocks = []
    for line in body:
        s = line.strip()
        if not s:
            continue
        if s.startswith(("- ", "• ")):
            blocks.append(("item", s[2:].strip()))
        elif len(s) <= 60 and s[-1] not in ".!?;,)":
            blocks.append(("heading", s))
        else:
            blocks.append(("para", s))
    return title, blocks


def markdown(title, blocks):
    out = ["---", "title: " + '"' + title.replace('"', '\\"') + '"', "layout: job", "---", ""]
    for kind, s in blocks:
        if kind == "heading":
            out += ["", "## " + s, ""]
        elif kind == "item":
            out.append("- " + s)
        else:
            out += ["", s, ""]
    return "\n".join(out) + "\n"


def page(title, blocks):
    e = html.escape
    out = ["<!doctype html>", "<html><head><meta charset=\"utf-8\"><title>" + e(title) + "</title></head>",
           "<body>", "<h1>" + e(title) + "</h1>"]
    in_list = False
    for kind, s in blocks:
        if kind == "item" and not in_list:
            out.append("<ul>")
            in_list = True
        if kind != "item" and in_list:
            out.append("</ul>")
            in_list = False
        if kind == "item":
            out.append("<li>" + e(s) + "</li>")
        elif kind == "heading":
            out.append("<h2>" + e(s) + "</h2>")
        else:
            out.append("<p>" + e(s) + "</p>")
    if in_list:
        out.append("</ul>")
    out += ["</body></html>"]
    return "\n".join(out) + "\n"


out_dir = sys.argv[1]
for name in sys.argv[2:]:
    stem = os.path.splitext(os.path.basename(name))[0]
    title, blocks = blocks_of(open(name, encoding="utf-8").read())
    with open(os.path.join(out_dir, stem + ".md"), "w", encoding="utf-8") as f:
        f.write(markdown(title, blocks))
    with open(os.path.join(out_dir, stem + ".html"), "w", encoding="utf-8") as f:
        f.write(page(title, blocks))
