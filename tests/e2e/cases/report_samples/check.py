"""Checks the structure of a `jobmatch report` page with the standard library's HTML parser and
prints a summary that does not depend on scores (so lexicon changes do not move it).

  python3 check.py PAGE [EXPECTED_FILE...]   every expected file must be a row's id
"""
import os
import re
import sys
from html.parser import HTMLParser

EXTERNAL = re.compile(r"^\s*(https?:|//|ftp:|data:)", re.I)
URL_ATTRS = {"src", "href", "xlink:href", "action", "srcset", "poster", "data", "formaction", "background"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.rows = []          # (id attr, class, lang, id text)
        self.headers = []
        self.charts = []
        self.scripts = []       # type attribute of each script
        self.external = []
        self.in_tbody = False
        self.cell = None        # class of the td being read in a row
        self.text = {}
        self.in_th = False
        self.in_style = False
        self.footer = False
        self.footer_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name in URL_ATTRS and value and EXTERNAL.match(value):
                self.external.append(f"<{tag} {name}={value}>")
        if tag in ("link", "iframe", "object", "embed", "img", "base"):
            self.external.append(f"<{tag}>")
        if tag == "script":
            self.scripts.append(a.get("type", "text/javascript"))
            if "src" in a:
                self.external.append("<script src>")
        if tag == "style":
            self.in_style = True
        if tag == "svg" and "chart" in a.get("class", "").split():
            self.charts.append(a.get("id"))
        if tag == "tbody" and self.stack and "postings" in self.table_ids():
            self.in_tbody = True
        if tag == "tr" and self.in_tbody:
            self.rows.append({"anchor": a.get("id"), "class": a.get("class", ""), "lang": a.get("data-lang"), "id": ""})
        if tag == "td" and self.in_tbody:
            self.cell = a.get("class")
            if self.cell == "id":  # the full id; the cell shows it without the shared folder
                self.rows[-1]["id"] = a.get("title", "")
        if tag == "th":
            self.in_th = True
            self.headers.append("")
        if tag == "footer":
            self.footer = True
        self.stack.append((tag, a.get("id")))

    def table_ids(self):
        return [i for t, i in self.stack if t == "table"]

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if tag == "tbody":
            self.in_tbody = False
        if tag == "td":
            self.cell = None
        if tag == "th":
            self.in_th = False
        if tag == "style":
            self.in_style = False
        if tag == "footer":
            self.footer = False

    def handle_data(self, data):
        if self.in_th:
            self.headers[-1] += data
        if self.in_style and re.search(r"url\(|@import|@font-face", data):
            self.external.append("CSS url/import/font")
        if self.footer:
            self.footer_text += data + " "


def main():
    path, expected = sys.argv[1], sys.argv[2:]
    with open(path, encoding="utf-8") as f:
        html = f.read()
    p = Page()
    p.feed(html)
    p.close()
    ids = [r["id"] for r in p.rows]
    anchors = sorted(int(r["anchor"][1:]) for r in p.rows)
    failed = [r for r in p.rows if "failed" in r["class"].split()]
    print(f"doctype {html.startswith('<!DOCTYPE html>')}")
    print(f"rows {len(p.rows)}, anchors p1..p{len(p.rows)} {anchors == list(range(1, len(p.rows) + 1))}")
    print(f"error rows {len(failed)}" + "".join(f"\n  {os.path.basename(r['id'])}" for r in failed))
    if expected:
        present = sum(1 for e in expected if e in ids)
        print(f"expected ids present {present} of {len(expected)}")
    langs = {}
    for r in p.rows:
        langs[r["lang"]] = langs.get(r["lang"], 0) + 1
    print("languages " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    print("columns " + " | ".join(h.strip() for h in p.headers))
    print(f"svg charts {len(p.charts)}: {' '.join(p.charts)}")
    kinds = sorted(set(p.scripts))
    print(f"scripts {' '.join(kinds)}")
    print(f"external resources {len(p.external)}" + "".join(f"\n  {e}" for e in p.external[:10]))
    footer = re.sub(r"[0-9a-f]{12}", "HASH", " ".join(p.footer_text.split()))
    footer = re.sub(r"jobmatch [0-9][0-9.]*", "jobmatch VERSION", footer)
    print(f"footer {footer}")


main()
